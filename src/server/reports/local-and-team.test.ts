// One engine, two databases: the same generated data in the app's SQLite (the app's
// user's entries) and in the team server's SQLite and PostgreSQL (everyone's), and the
// app's reports equal the server's for that person — rows, labels, order, totals,
// overlapped time, expected hours, contract usage, organisations and month views alike.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import type { ReportQueryInput } from '@shared/reports'
import { contractUsage } from '@shared/reports/contract-usage'
import { monthView, monthViewPages } from '@shared/reports/month-views'
import { runReport } from '@shared/reports/engine'
import { generateReportFixture, type ReportFixture } from '@shared/reports/testing/report-fixture'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { LocalReports } from '../../main/reports/local-reports'
import { insertFixtureLocally } from '../../main/reports/testing/insert-fixture'
import { readLocalUserId } from '../../main/profile'
import { openTempCore, type TempCore } from '../../main/testing/temp-core'
import { insertFixtureOnServer } from './testing/insert-fixture'
import { teamReportStore } from './team-reports'

const postgres = usePostgresCluster()
const H = 3600

let desktop: TempCore
let me: string
let fixture: ReportFixture
let local: LocalReports

beforeAll(async () => {
  desktop = await openTempCore()
  me = await readLocalUserId(desktop.core.store.db)
  fixture = generateReportFixture({ seed: 99, firstUserId: me, entries: 1500 })
  await insertFixtureLocally(desktop.core.store.db, fixture, me)
  // The name the team server knows the app's user by, as the app learns it when it connects.
  local = new LocalReports({ db: desktop.core.store.db, userId: () => me, userName: () => 'Ada Lovelace' })
}, 30_000)
afterAll(() => desktop.dispose())

const QUERIES: ReportQueryInput[] = [
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['customer', 'month'] },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['week', 'billable'], expectedSeconds: [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0] },
  { from: '2026-09-14', to: '2026-12-24', groupBy: ['day'], weekStartsOn: 0, expectedSeconds: [H, 2 * H, 3 * H, 4 * H, 5 * H, 6 * H, 7 * H] },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['workItem', 'activityType', 'status'], filters: { statuses: ['draft', 'submitted', 'approved', 'rejected', 'voided'] } },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['contract', 'week'], filters: { customerIds: ['cust-acme', null], billable: true } },
  { from: '2026-10-01', to: '2026-10-31', groupBy: ['activityType'], filters: { activityTypeIds: [null, 'act-admin'], workItemIds: ['wi-7', 'wi-8', null] } },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['month'], filters: { customerIds: ['nobody'] } },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['organisation', 'customer'] },
  { from: '2026-09-01', to: '2027-01-28', groupBy: ['month', 'organisation'], filters: { organisations: ['Smile Group', null], statuses: ['approved'] } },
]

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  beforeEach(async () => {
    await insertFixtureOnServer(t.db, fixture)
  })

  it('the app’s report of its user’s time equals the server’s report of the same person', async () => {
    for (const query of QUERIES) {
      const onServer = await runReport(teamReportStore(t.db), { userIds: [me] }, query)
      const onDevice = await local.run(query)
      expect(onDevice, JSON.stringify(query)).toEqual(onServer)
    }
    // Overlapped time is measured on both, from the runs each side keeps (the device's
    // time_entry_ranges, the server's entry_runs): the fixture's runs overlap, and the other
    // people's runs at the same hours on the server overlap none of the app's user's.
    const overlapped = await local.run(QUERIES[0] ?? { from: '', to: '', groupBy: [] })
    expect(overlapped.totals.overlappedSeconds).toBeGreaterThan(3600)
    const everyone = await runReport(teamReportStore(t.db), {}, { from: '2026-09-01', to: '2027-01-28', groupBy: ['user'] })
    expect(everyone.rows.find((row) => row.keys[0]?.id === me)?.overlappedSeconds).toBe(overlapped.totals.overlappedSeconds)
    // And the data is really there: most queries have rows.
    const first = await local.run(QUERIES[0] ?? { from: '', to: '', groupBy: [] })
    expect(first.rows.length).toBeGreaterThan(10)
    // Everyone's time on the server is more than the one person's.
    const team = await runReport(teamReportStore(t.db), {}, QUERIES[0] ?? { from: '', to: '', groupBy: [] })
    expect(team.totals.totalSeconds).toBeGreaterThan(first.totals.totalSeconds)
  })

  it('month views of the app’s user are the same on both, whole and in pages', async () => {
    for (const month of ['2026-09', '2026-11', '2027-01', '2027-02']) {
      for (const view of ['entries', 'tickets', 'customers', 'organisations'] as const) {
        for (const statuses of [undefined, ['draft', 'voided'] as const]) {
          const query = { month, view, ...(statuses ? { statuses: [...statuses] } : {}) }
          const onServer = await monthView(teamReportStore(t.db), { userIds: [me] }, query)
          expect(await local.month(query), JSON.stringify(query)).toEqual(onServer)
        }
        const pages = async (source: AsyncIterable<unknown[]>) => {
          const rows: unknown[] = []
          for await (const page of source) rows.push(...page)
          return rows
        }
        const query = { month, view }
        expect(await pages(local.monthPages(query, { pageSize: 13 }))).toEqual(await pages(monthViewPages(teamReportStore(t.db), { userIds: [me] }, query, { pageSize: 5 })))
      }
    }
    const november = await local.month({ month: '2026-11', view: 'entries' })
    if (november.view !== 'entries') throw new Error('the entries view answers with entries')
    expect(november.rows.length).toBeGreaterThan(50)
    expect(november.rows.every((row) => row.userName === 'Ada Lovelace')).toBe(true)
  })

  it('contract usage of the app’s user is the same on both', async () => {
    for (const month of ['2026-09', '2026-11', '2027-01', '2027-02']) {
      expect(await local.contractUsage(month), month).toEqual(await contractUsage(teamReportStore(t.db), { userIds: [me] }, month))
    }
  })
}

describeEachDialect('the same report on the app and on the team server', suite)
