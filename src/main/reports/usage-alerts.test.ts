// Contract usage alerts on a real core (SQLite file, fake clock, manual scheduler): time
// typed into the timesheet that takes a contract past 80 % and 100 % of its included
// hours is announced once per level, a second after the last change, and never again
// after a restart; a level left and reached again is news again; a new month starts afresh.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventPayload } from '@shared/contract'
import type { RowKey } from '@shared/timesheet'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { USAGE_CHECK_DELAY_MS } from './usage-alerts'

const H = 3600
type Alert = EventPayload<'contracts.usageAlert'>

let env: TempCore
let alerts: Alert[]
let unsubscribe: () => void
let row: RowKey
let contractId: string

function listen(): void {
  unsubscribe = env.core.events.subscribe((name, payload) => {
    if (name === 'contracts.usageAlert') alerts.push(payload as Alert)
  })
}

beforeEach(async () => {
  env = await openTempCore()
  alerts = []
  listen()
  const { work } = env.core
  const customer = await work.createCustomer('Harbour Dental', 'Smile Group')
  contractId = (await work.createContract({ customerId: customer.id, name: 'Managed IT', includedMinutes: 10 * 60 })).id
  const item = await work.createWorkItem({ kind: 'ticket', reference: 'HD-1', title: 'Printer offline', customerId: customer.id, contractId })
  row = { workItemId: item.id, activityTypeId: null, billable: true }
})
afterEach(async () => {
  unsubscribe()
  await env.dispose()
})

/** Waits for the quiet time after the last change and lets the check run. */
async function quiet(): Promise<void> {
  env.clock.advance(USAGE_CHECK_DELAY_MS)
  env.scheduler.runDue()
  // The check reads and writes SQLite: give it its turns.
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve))
}
const book = (day: string, hours: number, which: RowKey = row) => env.core.timesheet.setCells([{ day, row: which, totalSeconds: hours * H }])
const levels = () => alerts.map((alert) => alert.level)

it('announces 80 % and 100 % once each, a second after the last change', async () => {
  await book('2026-11-16', 5)
  await quiet()
  expect(alerts).toEqual([])

  await book('2026-11-17', 3)
  // Nothing before the quiet time has passed.
  env.clock.advance(USAGE_CHECK_DELAY_MS - 1)
  env.scheduler.runDue()
  expect(alerts).toEqual([])
  await quiet()
  expect(alerts).toEqual([{ month: '2026-11', contractId, contractName: 'Managed IT', customerName: 'Harbour Dental', level: 'warning', includedSeconds: 10 * H, billableSeconds: 8 * H }])

  // More time at the same level: nothing new.
  await book('2026-11-18', 1)
  await quiet()
  expect(levels()).toEqual(['warning'])

  await book('2026-11-19', 1)
  await quiet()
  expect(levels()).toEqual(['warning', 'over'])
  expect(alerts[1]?.billableSeconds).toBe(10 * H)
})

it('several changes in a row are one check', async () => {
  for (const day of ['2026-11-16', '2026-11-17', '2026-11-18']) {
    await book(day, 3)
    env.clock.advance(USAGE_CHECK_DELAY_MS / 2)
    env.scheduler.runDue()
  }
  expect(alerts).toEqual([])
  await quiet()
  expect(levels()).toEqual(['warning'])
})

it('passing 80 % and 100 % at once is one alert, and 80 % is not announced afterwards', async () => {
  await book('2026-11-16', 11)
  await quiet()
  expect(levels()).toEqual(['over'])
  await book('2026-11-16', 9)
  await quiet()
  expect(levels()).toEqual(['over'])
})

it('does not announce again after a restart', async () => {
  await book('2026-11-16', 9)
  await quiet()
  expect(levels()).toEqual(['warning'])
  unsubscribe()
  await env.reopen({ clean: true })
  listen()
  await quiet()
  await book('2026-11-17', 0.5)
  await quiet()
  expect(levels()).toEqual(['warning'])
})

it('announces a level again once it was left and reached anew', async () => {
  await book('2026-11-16', 10)
  await quiet()
  expect(levels()).toEqual(['over'])
  // Time moved to non-billable: back under 80 %.
  await book('2026-11-16', 0)
  await book('2026-11-16', 10, { ...row, billable: false })
  await quiet()
  expect(levels()).toEqual(['over'])
  await book('2026-11-17', 8)
  await quiet()
  expect(levels()).toEqual(['over', 'warning'])
})

describe('at the start', () => {
  it('announces what time that came in while the app was closed reached, with no change needed', async () => {
    await env.core.store.db.insertInto('usage_alerts').values({ month: '2026-11', contract_id: 'stale', level: 'over', announced_at: 1 }).execute()
    await book('2026-11-16', 8)
    // Closed before the quiet time ran out: nothing was checked.
    unsubscribe()
    await env.reopen({ clean: true })
    listen()
    await env.core.close()
    // The check of the start ran (and close waited for it): the contract at 80 % was announced and the stale record forgotten.
    await env.reopen({ alreadyClosed: true })
    const rows = await env.core.store.db.selectFrom('usage_alerts').select(['contract_id', 'level']).execute()
    expect(rows).toEqual([{ contract_id: contractId, level: 'warning' }])
    expect(levels()).toEqual(['warning'])
  })

  it('starts afresh in a new month, forgetting the months before', async () => {
    await book('2026-11-16', 9)
    await quiet()
    env.clock.set(Date.UTC(2026, 11, 1, 8))
    await book('2026-12-01', 8)
    await quiet()
    expect(alerts.map((alert) => [alert.month, alert.level])).toEqual([
      ['2026-11', 'warning'],
      ['2026-12', 'warning'],
    ])
    const months = await env.core.store.db.selectFrom('usage_alerts').select('month').execute()
    expect(months).toEqual([{ month: '2026-12' }])
  })
})
