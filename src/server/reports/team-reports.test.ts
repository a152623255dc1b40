// Team reports on the server, on SQLite and on PostgreSQL: every grouping — by person and
// team too — and every filter against sums worked out independently from the generated
// rows; who may see whose time; expected hours of a team; contract usage and its warnings.
import { beforeEach, expect, it } from 'vitest'
import { ReportQuerySchema, type ReportDimension, type ReportQueryInput, type ReportResult } from '@shared/reports'
import { contractUsage } from '@shared/reports/contract-usage'
import { runReport, type ReportScope } from '@shared/reports/engine'
import { referenceReport, reportAsMap } from '@shared/reports/testing/reference-report'
import { generateReportFixture, type FixtureEntry, type ReportFixture } from '@shared/reports/testing/report-fixture'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { insertFixtureOnServer } from './testing/insert-fixture'
import { TeamReports, reportScopeFor, teamReportStore } from './team-reports'

const postgres = usePostgresCluster()
const H = 3600
const ALL_DIMENSIONS: ReportDimension[] = ['day', 'week', 'month', 'customer', 'contract', 'workItem', 'activityType', 'user', 'team', 'status', 'billable']
const WORKWEEK = [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0]

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  const fixture = generateReportFixture({ seed: 4242 })
  const range = { from: fixture.from, to: fixture.to }
  beforeEach(async () => {
    await insertFixtureOnServer(t.db, fixture)
  })

  const run = (input: ReportQueryInput, scope: ReportScope = {}) => runReport(teamReportStore(t.db), scope, input)
  const expectMatchesReference = async (input: ReportQueryInput, scope: ReportScope = {}): Promise<ReportResult> => {
    const result = await run(input, scope)
    const expected = referenceReport(fixture, ReportQuerySchema.parse(input), scope.userIds)
    expect(reportAsMap(result), JSON.stringify(input)).toEqual(expected.rows)
    expect(result.totals, JSON.stringify(input)).toEqual(expected.totals)
    return result
  }

  it('adds up, for every grouping — people and teams included — to the sums worked out from the rows', async () => {
    for (const dimension of ALL_DIMENSIONS) await expectMatchesReference({ ...range, groupBy: [dimension] })
    for (const groupBy of [
      ['team', 'user'],
      ['user', 'month', 'billable'],
      ['team', 'customer', 'week'],
      ['customer', 'team'],
      ['activityType', 'user', 'status'],
      ['contract', 'workItem', 'user'],
    ] satisfies ReportDimension[][]) {
      await expectMatchesReference({ ...range, groupBy })
    }
    await expectMatchesReference({ from: '2026-10-03', to: '2026-11-19', groupBy: ['week', 'user'], weekStartsOn: 6 })
  })

  it('counts a person in two teams in both teams’ rows, and every entry once in the totals', async () => {
    const result = await expectMatchesReference({ ...range, groupBy: ['team'] })
    // Overlapped time as well (the reference's own sums): Grace's is in both of her teams' rows.
    expect(result.totals.overlappedSeconds).toBeGreaterThan(0)
    expect(result.rows.reduce((sum, row) => sum + (row.overlappedSeconds ?? 0), 0)).toBeGreaterThan(result.totals.overlappedSeconds ?? 0)
    expect(result.rows.map((row) => row.keys[0]?.label)).toEqual(['Field Service', 'Service Desk', '(none)'])
    const rowSum = result.rows.reduce((sum, row) => sum + row.totalSeconds, 0)
    const grace = await run({ ...range, groupBy: ['user'], filters: { userIds: ['user-grace'] } })
    // Grace is in both teams: her time is in both rows, once in the totals.
    expect(rowSum - result.totals.totalSeconds).toBe(grace.totals.totalSeconds)
    expect(grace.totals.totalSeconds).toBeGreaterThan(0)
  })

  it('filters by person and team (null: people in no team) as well as everything else', async () => {
    for (const filters of [
      { userIds: ['user-grace', 'user-alan'] },
      { teamIds: ['team-desk'] },
      { teamIds: ['team-field', null] },
      { teamIds: [null] },
      { teamIds: ['team-empty'] },
      { teamIds: ['team-desk'], customerIds: ['cust-harbour', null], billable: true },
      { userIds: ['user-edsger'], contractIds: ['contract-acme'], statuses: ['approved', 'voided'] },
      { workItemIds: ['wi-6'], activityTypeIds: ['act-onsite', null] },
    ] satisfies NonNullable<ReportQueryInput['filters']>[]) {
      await expectMatchesReference({ ...range, groupBy: ['team', 'user'], filters })
      await expectMatchesReference({ ...range, groupBy: ['month', 'customer'], filters })
    }
  })

  it('a filter that matches nothing gives no rows and zero totals', async () => {
    for (const filters of [{ teamIds: ['team-empty'] }, { userIds: ['nobody'] }, { customerIds: ['cust-idle'] }, { contractIds: ['contract-zeta'], customerIds: ['cust-harbour'] }]) {
      const result = await run({ ...range, groupBy: ['team', 'customer'], filters })
      expect(result.rows).toEqual([])
      expect(result.totals).toEqual({ totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0, overlappedSeconds: 0 })
    }
  })

  it('shows each caller only the time they may see', async () => {
    await t.db.updateTable('users').set({ role: 'approver' }).where('id', '=', 'user-alan').execute()
    await t.db.insertInto('team_approvers').values({ team_id: 'team-field', level: 1, user_id: 'user-alan' }).execute()
    const reports = new TeamReports(t.db)
    // An approver: their own time and their team's (Grace and Alan).
    const scope = await reportScopeFor(t.db, { userId: 'user-alan', role: 'approver' })
    expect(scope.userIds).toEqual(['user-alan', 'user-grace'])
    const approver = await reports.run({ userId: 'user-alan', role: 'approver' }, { ...range, groupBy: ['user'] })
    expect(approver.rows.map((row) => row.keys[0]?.label)).toEqual(['Alan Turing', 'Grace Hopper'])
    // Overlapped time too: each person's runs against their own, only the people in scope.
    const scoped = await expectMatchesReference({ ...range, groupBy: ['user', 'customer'] }, scope)
    expect(scoped.totals.overlappedSeconds).toBeGreaterThan(0)
    await expect(reports.run({ userId: 'user-alan', role: 'approver' }, { ...range, groupBy: ['user'], filters: { userIds: ['user-grace', 'user-edsger'] } })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'One of the people chosen is not among those whose time you may see; nothing was reported. Choose from your own time and the teams you approve.',
    })
    // A member: their own time only. An admin: everyone's.
    const member = await reports.run({ userId: 'user-edsger', role: 'member' }, { ...range, groupBy: ['team'] })
    expect(member.totals).toEqual(referenceReport(fixture, ReportQuerySchema.parse({ ...range, groupBy: ['team'] }), ['user-edsger']).totals)
    const admin = await reports.run({ userId: 'user-edsger', role: 'admin' }, { ...range, groupBy: ['user'] })
    expect(admin.rows).toHaveLength(4)
    // Nobody in scope: nothing, and no error.
    const none = await run({ ...range, groupBy: ['user'] }, { userIds: [] })
    expect(none).toMatchObject({ rows: [], people: 0, totals: { entryCount: 0 } })
  })

  it('expects hours of every person the report covers, per person, per team and in total', async () => {
    // Edsger left before the range: his time counts, his expected hours do not.
    await t.db.updateTable('users').set({ deactivated_at: Date.parse('2026-08-01T00:00:00Z') }).where('id', '=', 'user-edsger').execute()
    const november = { from: '2026-11-01', to: '2026-11-30', expectedSeconds: WORKWEEK } // 21 workdays
    const byTeam = await run({ ...november, groupBy: ['team'] })
    expect(byTeam.people).toBe(3)
    expect(byTeam.expectedSeconds).toBe(3 * 21 * 8 * H)
    const teams = Object.fromEntries(byTeam.rows.map((row) => [row.keys[0]?.label ?? '', row.expectedSeconds]))
    expect(teams).toMatchObject({ 'Service Desk': 2 * 21 * 8 * H, 'Field Service': 2 * 21 * 8 * H })
    // Edsger's time is in "(none)", but nobody there is expected to work.
    expect(teams['(none)']).toBe(0)
    expect(byTeam.utilisation.ofExpected).toBeCloseTo(byTeam.totals.totalSeconds / (3 * 21 * 8 * H), 12)

    const byUserWeek = await run({ ...november, groupBy: ['user', 'week'] })
    const adaFirstWeek = byUserWeek.rows.find((row) => row.keys[0]?.id === 'user-ada' && row.keys[1]?.id === '2026-10-26')
    if (adaFirstWeek) expect(adaFirstWeek.expectedSeconds).toBe(0) // only Sunday 1 Nov of that week is in range
    const adaSecondWeek = byUserWeek.rows.find((row) => row.keys[0]?.id === 'user-ada' && row.keys[1]?.id === '2026-11-02')
    expect(adaSecondWeek?.expectedSeconds).toBe(40 * H)

    const desk = await run({ ...november, groupBy: ['month'], filters: { teamIds: ['team-desk'] } })
    expect(desk.people).toBe(2)
    expect(desk.rows[0]?.expectedSeconds).toBe(2 * 21 * 8 * H)
    const nobodyInTeam = await run({ ...november, groupBy: ['month'], filters: { teamIds: [null] } })
    expect(nobodyInTeam.people).toBe(0)
    expect(nobodyInTeam.expectedSeconds).toBe(0)
    expect(nobodyInTeam.utilisation.ofExpected).toBeNull()
  })

  it('refuses a bad request before touching the database', async () => {
    await expect(run({ from: '2016-01-01', to: '2025-12-31', groupBy: ['team'] })).rejects.toMatchObject({ code: 'invalid_request', message: expect.stringContaining('at most three years') as unknown })
    await expect(run({ from: '2026-11-30', to: '2026-11-01', groupBy: ['user'] })).rejects.toThrow('The range ends (2026-11-01) before it starts (2026-11-30)')
  })

  it('works out contract usage of the whole team against the included hours', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']) {
      const usage = await contractUsage(teamReportStore(t.db), {}, month)
      expect(usage.contracts).toHaveLength(4)
      for (const row of usage.contracts) {
        const items = new Set(fixture.workItems.filter((w) => w.contractId === row.contractId).map((w) => w.id))
        const counted = fixture.entries.filter((e) => !e.deleted && e.status !== 'voided' && e.day.startsWith(month) && e.workItemId !== null && items.has(e.workItemId))
        const billable = counted.filter((e) => e.billable).reduce((sum, e) => sum + e.roundedSeconds, 0)
        const total = counted.reduce((sum, e) => sum + e.roundedSeconds, 0)
        expect(row, `${month} ${row.contractName}`).toMatchObject({ usedSeconds: total, billableSeconds: billable, entryCount: counted.length })
      }
    }
  })
}

describeEachDialect('team reports', suite)

/** Billable and other time on one contract of 10 included hours, to test the warning levels. */
function contractFixture(billableSeconds: number): ReportFixture {
  const base = generateReportFixture({ seed: 1, entries: 0 })
  const entry = (id: string, seconds: number, more: Partial<FixtureEntry> = {}): FixtureEntry => ({
    id,
    userId: 'user-ada',
    day: '2026-11-16',
    workItemId: 'wi-1',
    activityTypeId: null,
    billable: true,
    roundedSeconds: seconds,
    rawSeconds: seconds,
    status: 'approved',
    deleted: false,
    createdAt: 1,
    description: '',
    ...more,
  })
  return {
    ...base,
    contracts: base.contracts.map((c) => (c.id === 'contract-harbour' ? { ...c, includedMinutes: 600 } : c)),
    entries: [
      entry('a', billableSeconds - 1800),
      entry('b', 1800, { day: '2026-11-30', userId: 'user-grace', workItemId: 'wi-2' }),
      // None of these use up included hours: non-billable, deleted, voided, another month.
      entry('c', 20 * H, { billable: false }),
      entry('d', 20 * H, { deleted: true }),
      entry('e', 20 * H, { status: 'voided' }),
      entry('f', 20 * H, { day: '2026-12-01' }),
    ],
  }
}

function thresholds(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  // 10 included hours = 36,000 s.
  it.each([
    { billable: 28_440, expected: { share: 0.79, level: 'ok', beyondIncludedSeconds: 0 } },
    { billable: 28_799, expected: { level: 'ok' } },
    { billable: 28_800, expected: { share: 0.8, level: 'warning', beyondIncludedSeconds: 0 } },
    { billable: 35_999, expected: { level: 'warning', beyondIncludedSeconds: 0 } },
    { billable: 36_000, expected: { share: 1, level: 'over', beyondIncludedSeconds: 0 } },
    { billable: 45_000, expected: { share: 1.25, level: 'over', beyondIncludedSeconds: 9000 } },
  ])('$billable s billable of 36,000 s included: $expected.level', async ({ billable, expected }) => {
    await insertFixtureOnServer(t.db, contractFixture(billable))
    const usage = await contractUsage(teamReportStore(t.db), {}, '2026-11')
    const harbour = usage.contracts.find((c) => c.contractId === 'contract-harbour')
    expect(harbour).toMatchObject({ includedSeconds: 36_000, billableSeconds: billable, nonBillableSeconds: 20 * H, usedSeconds: billable + 20 * H, entryCount: 3, ...expected })
  })
}

describeEachDialect('contract usage warnings', thresholds)
