// Timer runs reach the team server's billing: a desktop core (a real SQLite file, timers
// on its fake clock) books two overlapping timer entries (the later one marked primary)
// and an evening one, syncs them over real HTTP to a real server (SQLite and PostgreSQL),
// an admin approves them there, and the server bills them with each overlap rule exactly
// as the plain minute-by-minute calculation (tests/support/plain-bill.ts) says, the
// evening run in the after-hours class because it ran at 19:00 in Berlin (18:00 UTC is
// still working time). Then what a member's device may send: runs that end before they
// start, 10,000 runs or a zone "Mars/Base" refuse that change alone with a reason; an
// older device that sends no runs leaves the server's runs as they are.
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Mutation } from '@shared/sync'
import { newId } from '@shared/ids'
import { computeRun } from '../../src/server/billing/billing-service'
import { putRates, writeBillingSettings, type BillingSettings } from '../../src/server/billing/billing-settings'
import { buildServerApp } from '../../src/server/app'
import { silentLogger as serverLogger } from '../../src/server/logger'
import { DeviceTokens } from '../../src/server/org/tokens'
import { httpTransport } from '../../src/main/sync/transport'
import { FakeClock } from '../../src/main/clock'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { BERLIN, billingOrg, localInstant, REMOTE } from '../support/billing-org'
import { plainBill, type PlainEntry, type PlainRules } from '../support/plain-bill'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../support/server-db'

const MONDAY = '2026-11-16'
const MIN = 60_000
const postgres = usePostgresCluster()

const SETTINGS: BillingSettings = {
  currency: 'EUR',
  overlapRule: 'full',
  rounding: { rule: { mode: 'none', minutes: 1, minimumMinutes: 0 }, scope: 'entry' },
  // Working time ends at 19:00: a run from 19:00 in Berlin is after hours, the same instant read in UTC (18:00) is not.
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 8 * 60, workEndMinute: 19 * 60 },
  classes: { afterHours: { multiplierBp: 15_000 } },
}

function rules(customer: string, overlap: PlainRules['overlap']): PlainRules {
  return {
    overlap,
    rounding: { mode: 'none', step: 1, minimum: 0 },
    contracts: {},
    workdays: [1, 2, 3, 4, 5],
    workStart: 8 * 60,
    workEnd: 19 * 60,
    holidays: [],
    activity: { [REMOTE]: 9_000 },
    customer: { [customer]: { '*': 10_000 } },
    contract: {},
    classes: { afterHours: { bp: 15_000 } },
  }
}

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let url: string
  let token: string
  let desktop: TempCore | null = null

  beforeEach(async () => {
    await billingOrg(t.db, Date.now())
    await writeBillingSettings(t.db, SETTINGS, Date.now())
    await putRates(t.db, [{ scope: 'activity', activityTypeId: REMOTE, hourlyMinor: 9_000 }])
    token = (await new DeviceTokens(t.db, () => Date.now()).issueToken({ user: 'bo@example.com', label: 'laptop' })).token
    app = buildServerApp({ db: t.db, clock: () => Date.now(), logger: serverLogger })
    url = await app.listen({ host: '127.0.0.1', port: 0 })
  }, 30_000)
  afterEach(async () => {
    await desktop?.dispose()
    desktop = null
    await app.close()
  })

  const serverRuns = () => t.db.selectFrom('entry_runs').selectAll().orderBy('started_at').execute()

  /** The server's entries as the plain calculation reads them, with each run's primary mark. */
  async function plainEntries(): Promise<PlainEntry[]> {
    const rows = await t.db.selectFrom('time_entries as e').leftJoin('work_items as w', 'w.id', 'e.work_item_id').select(['e.id', 'e.user_id', 'e.day', 'e.activity_type_id', 'e.billable', 'e.status', 'e.raw_seconds', 'w.customer_id', 'w.contract_id']).where('e.deleted_at', 'is', null).execute()
    const runs = await serverRuns()
    return rows.map((r) => {
      const own = runs.filter((run) => run.entry_id === r.id)
      return {
        id: r.id,
        person: r.user_id,
        day: r.day,
        zone: own[0]?.zone ?? 'UTC',
        customer: r.customer_id ?? null,
        contract: r.contract_id ?? null,
        activity: r.activity_type_id,
        billable: r.billable === 1,
        status: r.status,
        seconds: r.raw_seconds,
        runs: own.map((run) => ({ startedAt: run.started_at, endedAt: run.ended_at, marked: run.is_primary === 1 })),
      }
    })
  }

  /** A timer on `item`, remote support, from `from` to `to` (minutes of Monday in Berlin); the desktop's clock runs on to `to`. */
  async function timer(device: TempCore, item: string, slot: number, from: number, to: number): Promise<void> {
    device.clock.set(localInstant(MONDAY, from, BERLIN))
    await device.core.timers.update({ slot, workItemId: item, activityTypeId: REMOTE, billable: true })
    await device.core.timers.start(slot)
    device.clock.set(localInstant(MONDAY, to, BERLIN))
    await device.core.timers.stop(slot, { keepShort: true })
  }

  it('timer runs synced from a desktop bill by the overlap rule and the after-hours class, as the plain calculation says', async () => {
    desktop = await openTempCore(new FakeClock(localInstant(MONDAY, 8 * 60, BERLIN), BERLIN))
    const device = desktop
    await device.core.team.connect(url, token)
    await device.core.sync.syncNow()
    // The technician's own customer and ticket, synced with the time.
    const customer = (await device.core.work.createCustomer('Kessler AG')).id
    const item = (await device.core.work.createWorkItem({ kind: 'ticket', title: 'Kessler server room', customerId: customer, billable: true })).id
    // A 09:00–10:00, B 09:30–10:30 (the primary timer, though started later), C 19:00–19:30.
    device.clock.set(localInstant(MONDAY, 9 * 60, BERLIN))
    await device.core.timers.update({ slot: 1, workItemId: item, activityTypeId: REMOTE, billable: true })
    await device.core.timers.start(1)
    device.clock.set(localInstant(MONDAY, 9 * 60 + 30, BERLIN))
    await device.core.timers.update({ slot: 2, workItemId: item, activityTypeId: REMOTE, billable: true })
    await device.core.timers.start(2)
    device.clock.set(localInstant(MONDAY, 10 * 60, BERLIN))
    await device.core.timers.stop(1, { keepShort: true })
    device.clock.set(localInstant(MONDAY, 10 * 60 + 30, BERLIN))
    await device.core.timers.stop(2, { keepShort: true })
    await timer(device, item, 3, 19 * 60, 19 * 60 + 30)
    // Marking the primary timer is the desktop's own feature; here its mark is set on B's booked run directly.
    const b = localInstant(MONDAY, 9 * 60 + 30, BERLIN)
    await device.core.store.db.updateTable('time_entry_ranges').set({ is_primary: 1 }).where('started_at', '=', b).execute()
    const status = await device.core.sync.syncNow()
    expect([status.state, status.issues]).toEqual(['synced', 0])

    const runs = await serverRuns()
    expect(runs.map((r) => [(r.started_at - localInstant(MONDAY, 0, BERLIN)) / MIN, (r.ended_at - r.started_at) / MIN, r.zone, r.is_primary])).toEqual([
      [9 * 60, 60, BERLIN, 0],
      [9 * 60 + 30, 60, BERLIN, 1],
      [19 * 60, 30, BERLIN, 0],
    ])
    await t.db.updateTable('time_entries').set({ status: 'approved' }).execute()
    await putRates(t.db, [{ scope: 'customer', targetId: customer, activityTypeId: '*', hourlyMinor: 10_000 }])

    const billed: Record<string, Record<string, number>> = {}
    for (const overlap of ['full', 'split', 'primary'] as const) {
      await writeBillingSettings(t.db, { ...SETTINGS, overlapRule: overlap }, Date.now())
      const { result } = await computeRun(t.db, { from: MONDAY, to: MONDAY, groupBy: 'contract' })
      const plain = plainBill(await plainEntries(), rules(customer, overlap))
      expect(result.leftOut).toEqual([])
      expect(Object.fromEntries([...result.entries].map(([id, e]) => [id, { billed: e.billedSeconds, included: e.includedSeconds }]))).toEqual(plain.billed)
      expect(Object.fromEntries(result.bills.map((bill) => [bill.customerId, bill.totalMinor]))).toEqual(plain.totals)
      billed[overlap] = Object.fromEntries(runs.map((r) => [(r.started_at - localInstant(MONDAY, 0, BERLIN)) / MIN, (plain.billed[r.entry_id]?.billed ?? 0) / 60]))
    }
    // Minutes billed per run start: split shares 09:30–10:00, primary gives it to the marked B though A started first.
    expect(billed).toEqual({
      full: { 540: 60, 570: 60, 1140: 30 },
      split: { 540: 45, 570: 45, 1140: 30 },
      primary: { 540: 30, 570: 60, 1140: 30 },
    })
    // 19:00–19:30 in Berlin at 1.5 × 100 €/h: 75 € — read in UTC it would be working time, 50 €.
    const full = await computeRun(t.db, { from: MONDAY, to: MONDAY, groupBy: 'contract' })
    expect(full.result.bills.map((bill) => bill.totalMinor)).toEqual([(90 * 10_000) / 60 + 7_500])
  }, 60_000)

  const entry = (id: string, extra: object = {}) => ({ id, day: MONDAY, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'timer' as const, rawSeconds: 3600, roundedSeconds: 3600, updatedAt: 1, deletedAt: null, ...extra })
  const put = (e: ReturnType<typeof entry>, baseVersion: number | null = null) => ({ id: newId(), type: 'entry.put' as const, baseVersion, entry: e })
  const at = (minute: number) => localInstant(MONDAY, minute, BERLIN)
  const run = (from: number, to: number, zone = BERLIN, primary = false) => ({ startedAt: at(from), endedAt: at(to), zone, primary })

  it('bad runs refuse their change alone, with the reason; the rest of the push applies and nothing stored is lost', async () => {
    const transport = httpTransport(url, token)
    const kept = await transport.push({ deviceId: 'd1', mutations: [put(entry('kept', { runs: [run(8 * 60, 9 * 60)] }))] })
    expect(kept.results.map((r) => r.status)).toEqual(['applied'])
    const many = Array.from({ length: 10_000 }, (_, i) => ({ startedAt: at(0) + i * 2, endedAt: at(0) + i * 2 + 1, zone: BERLIN, primary: false }))
    const mutations = [
      put(entry('kept', { rawSeconds: 60, roundedSeconds: 60, runs: [run(10 * 60, 9 * 60)] }), 1),
      put(entry('many', { runs: many })),
      put(entry('mars', { runs: [run(8 * 60, 9 * 60, 'Mars/Base')] })),
      put(entry('twice', { runs: [run(8 * 60, 9 * 60), run(8 * 60, 8 * 60 + 30)] })),
      put(entry('fine', { runs: [run(12 * 60, 13 * 60, BERLIN, true)] })),
    ] as unknown as Mutation[]
    const answer = await transport.push({ deviceId: 'd1', mutations })
    expect(answer.results.map((r) => [r.status, r.status === 'applied' ? null : r.messageId])).toEqual([
      ['refused', 'refusal.sync.runEndsBeforeStart'],
      ['refused', 'refusal.sync.runsTooMany'],
      ['refused', 'refusal.sync.runZoneUnknown'],
      ['refused', 'refusal.sync.runsStartTogether'],
      ['applied', null],
    ])
    const reasons = answer.results.map((r) => (r.status === 'applied' ? '' : r.reason))
    expect(reasons[0]).toBe('Run 1 of this entry ends before it starts. This change was not applied.')
    expect(reasons[1]).toBe('An entry has at most 200 runs; this one has 10000. This change was not applied.')
    expect(reasons[2]).toContain('"Mars/Base"')
    // What the server had stays: the first entry as it was applied, with its run.
    const entries = await t.db.selectFrom('time_entries').select(['id', 'raw_seconds', 'version']).orderBy('id').execute()
    expect(entries.map((e) => [e.id, e.raw_seconds, e.version])).toEqual([
      ['fine', 3600, 1],
      ['kept', 3600, 1],
    ])
    expect((await serverRuns()).map((r) => [r.entry_id, (r.started_at - at(0)) / MIN, r.is_primary])).toEqual([
      ['kept', 8 * 60, 0],
      ['fine', 12 * 60, 1],
    ])
  }, 30_000)

  it('an older device (no runs) keeps the runs the server has; an empty list and a tombstone clear them', async () => {
    const transport = httpTransport(url, token)
    const runsOf = async (id: string) => (await serverRuns()).filter((r) => r.entry_id === id).map((r) => (r.started_at - at(0)) / MIN)
    await transport.push({ deviceId: 'd1', mutations: [put(entry('a', { runs: [run(9 * 60, 10 * 60), run(11 * 60, 12 * 60)] })), put(entry('b', { runs: [run(14 * 60, 15 * 60)] }))] })
    expect([await runsOf('a'), await runsOf('b')]).toEqual([[9 * 60, 11 * 60], [14 * 60]])
    const older = await transport.push({ deviceId: 'd1', mutations: [put(entry('a', { description: 'typed on an older device' }), 1)] })
    expect(older.results.map((r) => r.status)).toEqual(['applied'])
    expect(await runsOf('a')).toEqual([9 * 60, 11 * 60])
    // New runs replace the old ones (one kept, one moved, one new).
    await transport.push({ deviceId: 'd1', mutations: [put(entry('a', { runs: [run(9 * 60, 9 * 60 + 30), run(16 * 60, 17 * 60)] }), 2)] })
    expect(await runsOf('a')).toEqual([9 * 60, 16 * 60])
    expect((await serverRuns()).find((r) => r.entry_id === 'a' && r.started_at === at(9 * 60))?.ended_at).toEqual(at(9 * 60 + 30))
    await transport.push({ deviceId: 'd1', mutations: [put(entry('a', { runs: [] }), 3), put(entry('b', { deletedAt: 5 }), 1)] })
    expect([await runsOf('a'), await runsOf('b')]).toEqual([[], []])
  }, 30_000)
}

describeEachDialect('timer runs synced to the team server and billed there', suite)
