// The desktop's write-back for a standalone technician on a real SQLite file, against an
// in-memory ticket system: what submit asks for, how failures wait, where credentials live,
// and that a device with a team server writes nothing itself. (The real Redmine:
// tests/integration/ticket-systems/writeback-desktop-redmine.test.ts.)
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import type { RowKey } from '@shared/timesheet'
import { InMemoryTicketSystem } from '../../../tests/support/in-memory-ticket-system'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { LocalTicketSystems } from './service'
import { memoryTicketSecrets } from './secrets'
import { DesktopTicketWriter } from './worker'

const BASE = 'https://redmine.example.com'
const MONDAY = '2026-11-16'
const TUESDAY = '2026-11-17'
const API_KEY = 'k3y-that-must-stay-secret-0123456789'
let env: TempCore
let system: InMemoryTicketSystem
let rows: RowKey[]

beforeEach(async () => {
  system = new InMemoryTicketSystem(BASE)
  env = await openTempCore(undefined, { ticketConnectors: () => system.connector() })
  await env.core.localTickets.add({ kind: 'redmine', name: 'Redmine', baseUrl: `${BASE}/`, credentials: { apiKey: API_KEY } })
  rows = []
  for (const n of [41, 42]) {
    const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: `#${n}`, title: `Ticket ${n}`, ticketUrl: `${BASE}/issues/${n}` })
    rows.push({ workItemId: item.id, activityTypeId: DEFAULT_ACTIVITY_TYPES[0]?.id ?? null, billable: true })
  }
})
afterEach(() => env.dispose())

const states = async () => (await env.core.localTickets.writes()).map((w) => [w.day, w.state]).sort()

describe('desktop write-back (standalone)', () => {
  it('writes each entry once at submit; a deleted or changed entry is taken back at the next submit, an unchanged one stays', async () => {
    const [a, b] = rows as [RowKey, RowKey]
    await env.core.timesheet.setCells([
      { day: MONDAY, row: a, totalSeconds: 3600 },
      { day: TUESDAY, row: b, totalSeconds: 1800 },
    ])
    await env.core.submission.submit(MONDAY)
    await env.core.ticketWriter.runOnce()
    expect([system.on('41').map((e) => [e.seconds, e.activityId]), system.on('42').length]).toEqual([[[3600, '9']], 1])
    const kept = system.on('42')[0]?.externalId

    await env.core.submission.reopen(MONDAY, 'wrong ticket')
    await env.core.timesheet.setCells([{ day: MONDAY, row: a, totalSeconds: 0 }])
    // Reopening alone asks nothing of the ticket system.
    await env.core.ticketWriter.runOnce()
    expect(system.on('41')).toHaveLength(1)
    await env.core.submission.submit(MONDAY)
    await env.core.ticketWriter.runOnce()
    expect([system.on('41'), system.on('42').map((e) => e.externalId)]).toEqual([[], [kept]])
    expect(await states()).toEqual([
      [MONDAY, 'reversed'],
      [TUESDAY, 'written'],
    ])
    expect(system.writeRequests).toBe(2)
  })

  it('a system that is down keeps the job waiting with its reason and backs off; a refusal fails until retried', async () => {
    await env.core.timesheet.setCells([{ day: MONDAY, row: rows[0] as RowKey, totalSeconds: 3600 }])
    system.mode = 'down'
    await env.core.submission.submit(MONDAY)
    await env.core.ticketWriter.runOnce()
    expect(await env.core.localTickets.writes()).toMatchObject([{ state: 'waiting', reason: '503 Service Unavailable', attempts: 1 }])
    system.mode = 'refusing'
    await env.core.ticketWriter.runOnce() // not due yet: backoff
    expect(system.writeRequests).toBe(0)
    env.clock.advance(60_000)
    await env.core.ticketWriter.runOnce()
    expect(await env.core.localTickets.writes()).toMatchObject([{ state: 'failed', reason: 'Activity is not included in the list' }])
    system.mode = 'up'
    env.clock.advance(24 * 3600_000)
    await env.core.ticketWriter.runOnce()
    expect(system.on('41')).toHaveLength(0)
    expect(await env.core.localTickets.retry(undefined)).toEqual({ retried: 1 })
    await env.core.ticketWriter.runOnce()
    expect(system.on('41')).toHaveLength(1)
  })

  it('wakes only while something waits: nothing scheduled when idle, a submit wakes it, a down system sets one wake at its backoff', async () => {
    /** Lets `ms` pass on the fake clock and runs what fell due until the worker's promises have settled (usage alerts' 1 s debounce included). */
    const pass = async (ms: number) => {
      env.clock.advance(ms)
      for (let i = 0; i < 10; i++) {
        env.scheduler.runDue()
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    await pass(1000)
    expect(env.scheduler.size).toBe(0)
    await env.core.timesheet.setCells([{ day: MONDAY, row: rows[0] as RowKey, totalSeconds: 3600 }])
    system.mode = 'down'
    await env.core.submission.submit(MONDAY)
    await pass(1000)
    expect([system.writeRequests, env.scheduler.size]).toEqual([0, 1])
    system.mode = 'up'
    await pass(60_000)
    expect([system.on('41').length, env.scheduler.size]).toEqual([1, 0])
  })

  it('keeps credentials in the secret store only: not in the database file, never in an answer; settings are checked by the connector', async () => {
    const listed = await env.core.handlers['tickets.systems']({})
    expect(listed).toMatchObject({ mode: 'standalone', systems: [{ name: 'Redmine', baseUrl: BASE, hasCredentials: true }] })
    expect(JSON.stringify(listed)).not.toContain(API_KEY)
    await env.core.store.close()
    for (const file of [env.core.store.file, `${env.core.store.file}-wal`]) {
      try {
        expect(readFileSync(file).includes(API_KEY)).toBe(false)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
    await env.reopen({ alreadyClosed: true })
    await expect(env.core.localTickets.add({ kind: 'redmine', name: 'Other', baseUrl: BASE, credentials: { token: 'x' } })).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The ticket system’s settings are incomplete or wrong (apiKey, token). Nothing was changed.',
    })
  })

  it('with a team server the device writes nothing and refuses to set systems up (the server writes)', async () => {
    const { db } = env.core.store
    const deps = { db, clock: () => env.clock.now(), secrets: memoryTicketSecrets(), connectors: () => system.connector(), userId: () => 'u' }
    await expect(new LocalTicketSystems({ ...deps, mode: () => 'server' }).add({ kind: 'redmine', name: 'R2', baseUrl: BASE, credentials: { apiKey: 'k' } })).rejects.toMatchObject({ code: 'conflict' })
    await env.core.timesheet.setCells([{ day: MONDAY, row: rows[0] as RowKey, totalSeconds: 3600 }])
    await env.core.ticketWriter.stop()
    await env.core.submission.submit(MONDAY)
    const writer = new DesktopTicketWriter({ ...deps, scheduler: env.scheduler, enabled: () => false })
    expect(await writer.runOnce()).toBe(0)
    expect(system.writeRequests).toBe(0)
  })
})
