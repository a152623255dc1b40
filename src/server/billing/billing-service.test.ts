// The team server's billing run on SQLite and PostgreSQL, on a generated month (two people
// in two zones, overlapping timers, after-hours, weekend and holiday work, a contract with
// included hours, one billing only the primary timer with its own rounding, a minimum
// charge), checked against a plain minute-by-minute calculation written for the test
// (tests/support/plain-bill.ts), not against runBilling. Both databases give the same
// totals. Then: saved runs, and running a range again after an approval and a void.
import { afterAll, beforeEach, expect, it } from 'vitest'
import { billingOrg, BERLIN, generatedMonth, MEETING, ON_SITE, REMOTE, addBillingEntry, localInstant, type BillingOrg } from '../../../tests/support/billing-org'
import { plainBill, type PlainEntry, type PlainRules } from '../../../tests/support/plain-bill'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { OrgService } from '../org/org-service'
import { approvePeriods, voidPeriod } from '../periods/approvals'
import { movePeriod, periodOf } from '../periods/period-store'
import { isUnchanged } from '@shared/billing/run-diff'
import { computeRun, listRuns, readRun, readRunEntries, runAndSave } from './billing-service'
import { addHoliday, putContractBilling, putRates, writeBillingSettings, type BillingSettings } from './billing-settings'

const NOW = Date.UTC(2026, 11, 4, 9, 0)
const FROM = '2026-11-01'
const TO = '2026-11-30'
const HOLIDAY = '2026-11-18'

const postgres = usePostgresCluster()
const totalsSeen: Partial<Record<TestDialect, Record<string, number>>> = {}

const SETTINGS: BillingSettings = {
  currency: 'EUR',
  overlapRule: 'split',
  rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 30 }, scope: 'entry' },
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 8 * 60, workEndMinute: 18 * 60 },
  classes: { afterHours: { multiplierBp: 15_000 }, weekend: { multiplierBp: 20_000 }, holiday: { hourlyMinor: 18_000 } },
}

async function configure(o: BillingOrg): Promise<void> {
  await writeBillingSettings(o.db, SETTINGS, NOW)
  await addHoliday(o.db, { day: HOLIDAY, name: 'Buß- und Bettag' })
  await putRates(o.db, [
    { scope: 'activity', activityTypeId: REMOTE, hourlyMinor: 9_000 },
    { scope: 'activity', activityTypeId: ON_SITE, hourlyMinor: 12_050 },
    { scope: 'customer', targetId: o.mueller, activityTypeId: '*', hourlyMinor: 10_000 },
    { scope: 'contract', targetId: o.harbourContract, activityTypeId: REMOTE, hourlyMinor: 8_500 },
  ])
  await putContractBilling(o.db, { contractId: o.muellerContract, overlapRule: 'primary', rounding: { rule: { mode: 'nearest', minutes: 6, minimumMinutes: 15 }, scope: 'entry' } })
}

function plainRules(o: BillingOrg): PlainRules {
  return {
    overlap: 'split',
    rounding: { mode: 'up', step: 15, minimum: 30 },
    contracts: { [o.harbourContract]: { includedSeconds: 600 * 60 }, [o.muellerContract]: { includedSeconds: 0, overlap: 'primary', rounding: { mode: 'nearest', step: 6, minimum: 15 } } },
    workdays: [1, 2, 3, 4, 5],
    workStart: 8 * 60,
    workEnd: 18 * 60,
    holidays: [HOLIDAY],
    activity: { [REMOTE]: 9_000, [ON_SITE]: 12_050 },
    customer: { [o.mueller]: { '*': 10_000 } },
    contract: { [o.harbourContract]: { [REMOTE]: 8_500 } },
    classes: { afterHours: { bp: 15_000 }, weekend: { bp: 20_000 }, holiday: { own: 18_000 } },
  }
}

/** The month as the plain calculation reads it: straight from the tables. */
async function plainEntries(o: BillingOrg): Promise<PlainEntry[]> {
  const rows = await o.db.selectFrom('time_entries as e').leftJoin('work_items as w', 'w.id', 'e.work_item_id').select(['e.id', 'e.user_id', 'e.day', 'e.activity_type_id', 'e.billable', 'e.status', 'e.raw_seconds', 'w.customer_id', 'w.contract_id']).execute()
  const runs = await o.db.selectFrom('entry_runs').selectAll().execute()
  return rows.map((r) => {
    const own = runs.filter((run) => run.entry_id === r.id)
    return {
      id: r.id,
      person: r.user_id,
      day: r.day,
      zone: own[0]?.zone ?? BERLIN,
      customer: r.customer_id ?? null,
      contract: r.contract_id ?? null,
      activity: r.activity_type_id,
      billable: r.billable === 1,
      status: r.status,
      seconds: r.raw_seconds,
      runs: own.map((run) => ({ startedAt: run.started_at, endedAt: run.ended_at })),
    }
  })
}

describeEachDialect('the billing run on the team server', (dialect) => {
  const t = useServerDatabase(dialect, postgres)
  let o: BillingOrg

  beforeEach(async () => {
    o = await billingOrg(t.db, NOW)
    await configure(o)
  })

  it('bills a generated month exactly as a minute-by-minute calculation does: overlaps, classes, holiday, included hours, rounding, minimum charge', async () => {
    await generatedMonth(o, 18, NOW)
    // Work on the holiday and on a Saturday evening into the night, for certain.
    for (const [day, from, to] of [[HOLIDAY, 10 * 60, 12 * 60 + 7], ['2026-11-21', 20 * 60, 25 * 60]] as const) {
      await addBillingEntry(t.db, { userId: o.bo.userId, day, workItemId: o.items.muellerLoose, activityTypeId: ON_SITE, billable: true, status: 'approved', runs: [{ startedAt: localInstant(day, from, BERLIN), endedAt: localInstant(day, to, BERLIN) }] }, NOW)
    }
    const { result } = await computeRun(t.db, { from: FROM, to: TO, groupBy: 'contract' })
    const plain = plainBill(await plainEntries(o), plainRules(o))

    // The month has what it is meant to test.
    expect(plain.overlappedEntries).toBeGreaterThan(3)
    expect(plain.minimumCharged).toBeGreaterThan(0)
    for (const seconds of Object.values(plain.classSeconds)) expect(seconds).toBeGreaterThan(0)
    expect(Object.values(plain.billed).some((e) => e.included > 0 && e.billed > e.included)).toBe(true)
    expect(new Set(Object.values(plain.leftOut))).toEqual(new Set(['voided', 'notApproved', 'notBillable', 'noCustomer', 'noRate']))

    expect(Object.fromEntries(result.leftOut.map((l) => [l.entryId, l.reason]))).toEqual(plain.leftOut)
    expect(Object.fromEntries([...result.entries].map(([id, e]) => [id, { billed: e.billedSeconds, included: e.includedSeconds }]))).toEqual(plain.billed)
    const totals = Object.fromEntries(result.bills.map((b) => [b.customerId, b.totalMinor]))
    expect(totals).toEqual(plain.totals)
    totalsSeen[dialect] = { harbour: totals[o.harbour] ?? 0, mueller: totals[o.mueller] ?? 0 }
  }, 60_000)

  it('saves each run; running the range again after an approval and a void answers what changed', async () => {
    const monday = (h: number) => localInstant('2026-11-16', h * 60, BERLIN)
    const first = await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-16', workItemId: o.items.muellerLoose, activityTypeId: REMOTE, billable: true, status: 'approved', runs: [{ startedAt: monday(9), endedAt: monday(10) }] }, NOW)
    const waiting = await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-16', workItemId: o.items.muellerLoose, activityTypeId: MEETING, billable: true, status: 'submitted', runs: [{ startedAt: monday(11), endedAt: monday(12) }] }, NOW)
    const run1 = await runAndSave(t.db, { from: FROM, to: TO, groupBy: 'workItem' }, o.ana.userId, NOW)
    expect([run1.totalMinor, run1.diff, run1.leftOut.map((l) => [l.entryId, l.reason])]).toEqual([10_000, null, [[waiting, 'notApproved']]])

    await t.db.updateTable('time_entries').set({ status: 'approved' }).where('id', '=', waiting).execute()
    await t.db.updateTable('time_entries').set({ status: 'voided' }).where('id', '=', first).execute()
    const run2 = await runAndSave(t.db, { from: FROM, to: TO, groupBy: 'workItem' }, o.ana.userId, NOW + 60_000)
    expect(run2.previousRunId).toBe(run1.id)
    expect(run2.diff?.added.map((e) => e.entryId)).toEqual([waiting])
    expect(run2.diff?.removed.map((e) => [e.entryId, e.reason])).toEqual([[first, 'voided']])
    expect(run2.diff?.customers).toEqual([])

    const stored = await readRun(t.db, run2.id)
    expect(stored).toEqual(run2)
    expect((await readRun(t.db, run1.id)).diff).toBeNull()
    expect((await listRuns(t.db)).map((r) => [r.id, r.totalMinor, r.createdBy])).toEqual([
      [run2.id, 10_000, o.ana.userId],
      [run1.id, 10_000, o.ana.userId],
    ])
  })

  it('bills only the final approval: submitted and level-1 approved time is left out, level 2 adds it, a void removes it as voided', async () => {
    const org = new OrgService(t.db, () => NOW)
    await org.addTeam({ name: 'Field', pattern: 'two' })
    await org.addMember({ team: 'Field', user: 'bo@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['di@example.com'] })
    await org.setApprovers({ team: 'Field', level: 2, users: ['ana@example.com'] })
    const monday = (h: number) => localInstant('2026-11-16', h * 60, BERLIN)
    const entry = await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-16', workItemId: o.items.muellerLoose, activityTypeId: REMOTE, billable: true, status: 'draft', runs: [{ startedAt: monday(9), endedAt: monday(10) }] }, NOW)
    const period = await periodOf(t.db, '2026-11-16')
    const submitted = await t.db.transaction().execute((trx) => movePeriod(trx, o.bo, o.bo.userId, period, { kind: 'submit' }, NOW))
    if (!submitted.ok) throw new Error(submitted.reason)
    const run = (at: number) => runAndSave(t.db, { from: FROM, to: TO, groupBy: 'contract' }, o.ana.userId, at)
    const approve = async (by: BillingOrg['ana']) => expect((await approvePeriods(t.db, by, [submitted.period.id], () => NOW)).results[0]?.ok).toBe(true)

    const r1 = await run(NOW)
    expect(r1.leftOut.map((l) => [l.entryId, l.reason])).toEqual([[entry, 'notApproved']])
    await approve(o.di)
    const r2 = await run(NOW + 1)
    expect([r2.totalMinor, r2.diff && isUnchanged(r2.diff)]).toEqual([0, true])
    await approve(o.ana)
    const r3 = await run(NOW + 2)
    expect([r3.totalMinor, r3.diff?.added.map((e) => e.entryId), r3.diff?.customers]).toEqual([10_000, [entry], [{ customerId: o.mueller, beforeMinor: 0, afterMinor: 10_000 }]])
    expect((await voidPeriod(t.db, o.ana, submitted.period.id, 'booked on the wrong customer', NOW)).results[0]?.ok).toBe(true)
    const r4 = await run(NOW + 3)
    expect([r4.totalMinor, r4.previousRunId, r4.diff?.removed.map((e) => [e.entryId, e.reason])]).toEqual([0, r3.id, [[entry, 'voided']]])
  })

  it('refuses a range that is not over yet, and reads runs and zones back as they were written', async () => {
    await expect(runAndSave(t.db, { from: '2026-12-01', to: '2026-12-04', groupBy: 'contract' }, null, NOW)).rejects.toMatchObject({ code: 'invalid_request', refusal: { id: 'refusal.billing.rangeNotClosed' } })
    await generatedMonth(o, 3, NOW)
    const entries = await readRunEntries(t.db, FROM, TO)
    expect(entries.length).toBeGreaterThan(10)
    expect(entries.every((e) => e.runs.every((r) => Number.isSafeInteger(r.startedAt) && r.endedAt > r.startedAt))).toBe(true)
  })
})

afterAll(() => {
  // The same month on both databases, the same bills (checked when both ran).
  if (totalsSeen.sqlite && totalsSeen.postgres) expect(totalsSeen.postgres).toEqual(totalsSeen.sqlite)
})
