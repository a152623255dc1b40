import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StopResult } from '@shared/timers'
import { openTempCore, type TempCore } from '../testing/temp-core'

const MINUTE = 60_000
const REDMINE_42 = 'https://redmine.example.com/issues/42'
const RT_42 = 'https://rt.example.com/Ticket/Display.html?id=42'

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

const engine = () => env.core.timers
const items = () => env.core.store.db.selectFrom('work_items').select(['reference', 'title', 'ticket_url']).orderBy('created_at').execute()
const stopped = (result: StopResult) => {
  if (result.outcome !== 'stopped') throw new Error(`expected a booked stop, got ${result.outcome}`)
  return result
}

describe("a ticket's page names its work item", () => {
  it('a start with the page makes the item with it; the page finds it again whatever the reference says', async () => {
    const started = await engine().startForTicket({ ref: '#42', title: 'Printer offline', url: REDMINE_42 })
    expect(started.slot).toBe(1)
    expect(await items()).toEqual([{ reference: '#42', title: 'Printer offline', ticket_url: REDMINE_42 }])
    // The ticket system renumbered nothing, but the extension read the reference differently.
    expect((await engine().startForTicket({ ref: 'Bug-42', url: REDMINE_42 })).slot).toBe(1)
    expect(await items()).toHaveLength(1)
  })

  it('an item made by a plain link takes the page the first time one is given', async () => {
    await engine().startForTicket({ ref: '#42', title: 'Printer offline' })
    await engine().startForTicket({ ref: '#42', url: REDMINE_42 })
    expect(await items()).toEqual([{ reference: '#42', title: 'Printer offline', ticket_url: REDMINE_42 }])
  })

  it("another system's #42 gets its own item, its reference carrying its host, and its own timer", async () => {
    await engine().startForTicket({ ref: '#42', title: 'Printer offline', url: REDMINE_42 })
    const rt = await engine().startForTicket({ ref: '#42', title: 'VPN down', url: RT_42 })
    expect(rt.slot).toBe(2)
    expect(await items()).toEqual([
      { reference: '#42', title: 'Printer offline', ticket_url: REDMINE_42 },
      { reference: 'rt.example.com/#42', title: 'VPN down', ticket_url: RT_42 },
    ])
    // Stopping by the page stops that ticket's timer, not the other system's #42.
    env.clock.advance(10 * MINUTE)
    const result = stopped(await engine().stopForTicket({ ref: '#42', url: RT_42 }))
    expect(result.timer.slot).toBe(2)
    expect((await engine().list()).find((t) => t.slot === 1)?.state).toBe('running')
  })

  it('a stop with a page finds a timer that a plain link started before the page was known', async () => {
    await engine().startForTicket({ ref: 'TICKET-7' })
    env.clock.advance(5 * MINUTE)
    const result = stopped(await engine().stopForTicket({ ref: 'TICKET-7', url: 'https://psa.example.com/tickets/7' }))
    expect(result.entries[0]?.rawSeconds).toBe(5 * 60)
  })

  it('the Work items list shows the page', async () => {
    await engine().startForTicket({ ref: '#42', url: REDMINE_42 })
    const [item] = await env.core.work.listWorkItems()
    expect(item?.ticketUrl).toBe(REDMINE_42)
  })
})
