import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { TicketWrites } from './ticket-writes'
import type { SyncTransport } from './transport'

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

async function entryId(): Promise<string> {
  await env.core.timers.startForTicket({ ref: '#42', url: 'https://redmine.example.com/issues/42' })
  env.clock.advance(30 * 60_000)
  const result = await env.core.timers.stopForTicket('#42')
  if (result.outcome !== 'stopped') throw new Error('not booked')
  return result.entries[0]?.id ?? ''
}

function writes(statuses: (id: string, day: string) => TicketWriteStatus[], opened: string[] = []) {
  const asked: [string, string][] = []
  const online = <T,>(call: (transport: SyncTransport) => Promise<T>) =>
    call({
      ticketWrites: (from: string, to: string) => {
        asked.push([from, to])
        return Promise.resolve(statuses(from, to))
      },
    } as unknown as SyncTransport)
  const service = new TicketWrites({ db: env.core.store.db, online, openExternal: (url) => (opened.push(url), Promise.resolve()) })
  return { service, asked }
}

const written = (entryId: string, day: string, url: string): TicketWriteStatus => ({ entryId, entryVersion: 2, day, system: 'Redmine', ticketUrl: 'https://redmine.example.com/issues/42', state: 'written', url, reason: null })

describe('an entry’s written time, opened from the app', () => {
  it('asks the server for the entry’s day and opens the link it gave, checked', async () => {
    const id = await entryId()
    const opened: string[] = []
    const { service, asked } = writes((day) => [written(id, day, 'HTTPS://Redmine.example.com/time_entries/7')], opened)
    expect(await service.openWritten(id)).toEqual({ url: 'https://redmine.example.com/time_entries/7', opened: true })
    expect(opened).toEqual(['https://redmine.example.com/time_entries/7'])
    expect(asked).toEqual([['2026-11-16', '2026-11-16']])
  })

  it('refuses what is not written yet, and a link that is not http(s), opening nothing', async () => {
    const id = await entryId()
    const opened: string[] = []
    await expect(writes(() => [], opened).service.openWritten(id)).rejects.toMatchObject({ code: 'not_found', message: 'This entry’s time is not written to its ticket (yet), so there is nothing to open.' })
    await expect(writes((day) => [written(id, day, 'file:///etc/passwd')], opened).service.openWritten(id)).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The team server’s link to this time in Redmine is not an http(s) address, so Stint does not open it.',
    })
    expect(opened).toEqual([])
  })

  it('without a team server, answers from the device’s own write-back (none set up: nothing)', async () => {
    await expect(env.core.handlers['sync.ticketWrites']({ from: '2026-11-16', to: '2026-11-16' })).resolves.toEqual([])
  })
})
