// Reports on the app's own database: one person's time, offline. Every grouping and
// filter is checked against sums worked out independently from the generated rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MonthViewQueryInput } from '@shared/month-views'
import type { ReportDimension, ReportQueryInput, ReportResult } from '@shared/reports'
import { contractUsage } from '@shared/reports/contract-usage'
import { referenceReport, reportAsMap } from '@shared/reports/testing/reference-report'
import { generateReportFixture, type ReportFixture } from '@shared/reports/testing/report-fixture'
import { ReportQuerySchema } from '@shared/reports'
import { readLocalUserId } from '../profile'
import { FakeClock } from '../clock'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { LocalReports, localReportStore } from './local-reports'
import { insertFixtureLocally } from './testing/insert-fixture'

const LOCAL_DIMENSIONS: ReportDimension[] = ['day', 'week', 'month', 'customer', 'contract', 'workItem', 'activityType', 'status', 'billable']
const H = 3600

let env: TempCore
let me: string
let fixture: ReportFixture
let reports: LocalReports

beforeAll(async () => {
  env = await openTempCore()
  me = await readLocalUserId(env.core.store.db)
  fixture = generateReportFixture({ seed: 20261116, firstUserId: me })
  await insertFixtureLocally(env.core.store.db, fixture, me)
  reports = new LocalReports({ db: env.core.store.db, userId: () => me })
}, 30_000)
afterAll(() => env.dispose())

/** Runs `input` and checks every row and the totals against the reference sums of my own entries. */
async function expectMatchesReference(input: ReportQueryInput): Promise<ReportResult> {
  const result = await reports.run(input)
  const expected = referenceReport(fixture, ReportQuerySchema.parse(input), [me])
  expect(reportAsMap(result), JSON.stringify(input)).toEqual(expected.rows)
  // Overlapped time too: the fixture's runs overlap, and the reference works it out on its own.
  expect(result.totals, JSON.stringify(input)).toEqual(expected.totals)
  return result
}

describe('a report of my own time', () => {
  it('adds up, for every grouping the app offers, to the sums worked out from the rows themselves', async () => {
    const range = { from: fixture.from, to: fixture.to }
    const whole = await expectMatchesReference({ ...range, groupBy: ['month'] })
    expect(whole.totals.entryCount).toBeGreaterThan(200) // the fixture really has data in range
    for (const dimension of LOCAL_DIMENSIONS) await expectMatchesReference({ ...range, groupBy: [dimension] })
    const combinations: ReportDimension[][] = [
      ['customer', 'month'],
      ['month', 'customer'],
      ['workItem', 'activityType', 'billable'],
      ['week', 'status'],
      ['contract', 'day'],
      ['day', 'week', 'month'],
      ['billable', 'customer', 'contract'],
    ]
    for (const groupBy of combinations) await expectMatchesReference({ ...range, groupBy })
    // Weeks from Sunday, and a range that starts and ends inside weeks and months.
    await expectMatchesReference({ from: '2026-10-14', to: '2026-12-03', groupBy: ['week', 'customer'], weekStartsOn: 0 })
    await expectMatchesReference({ from: '2026-12-29', to: '2027-01-05', groupBy: ['week'], weekStartsOn: 4 })
  })

  it('counts live entries of every status but voided unless the status filter says otherwise', async () => {
    const range = { from: fixture.from, to: fixture.to }
    const byStatus = await expectMatchesReference({ ...range, groupBy: ['status'] })
    expect(byStatus.rows.map((row) => row.keys[0]?.id)).toEqual(['draft', 'submitted', 'approved', 'rejected'])
    const voided = await expectMatchesReference({ ...range, groupBy: ['status'], filters: { statuses: ['voided', 'approved'] } })
    expect(voided.rows.map((row) => row.keys[0]?.label)).toEqual(['Approved', 'Voided'])
    const deleted = fixture.entries.filter((entry) => entry.userId === me && entry.deleted).length
    expect(deleted).toBeGreaterThan(0) // the fixture has deleted rows, and the reference leaves them out
  })

  it('filters by customer, contract, work item, activity type and billable, null keeping time without one', async () => {
    const range = { from: fixture.from, to: fixture.to }
    const filters: NonNullable<ReportQueryInput['filters']>[] = [
      { customerIds: ['cust-harbour'] },
      { customerIds: ['cust-acme', null] },
      { customerIds: [null] },
      { contractIds: ['contract-acme', 'contract-zeta'] },
      { contractIds: [null] },
      { workItemIds: ['wi-1', 'wi-6', null] },
      { activityTypeIds: ['act-admin'] },
      { activityTypeIds: [null] },
      { billable: true },
      { billable: false, customerIds: ['cust-zeta'] },
      { customerIds: ['cust-harbour', 'cust-acme'], activityTypeIds: ['act-remote', 'act-onsite'], statuses: ['approved', 'submitted'], billable: true },
    ]
    for (const filter of filters) {
      await expectMatchesReference({ ...range, groupBy: ['customer', 'workItem'], filters: filter })
      await expectMatchesReference({ ...range, groupBy: ['week', 'billable'], filters: filter })
    }
  })

  it('labels groups for people: names, "REF · title", weeks and months, and "(none)" last', async () => {
    const byItem = await reports.run({ from: fixture.from, to: fixture.to, groupBy: ['workItem'] })
    const labels = byItem.rows.map((row) => row.keys[0]?.label)
    expect(labels).toContain('HD-1042 · Printer offline')
    expect(labels).toContain('Patch Tuesday') // no reference: the title alone
    expect(labels).toContain('BB-3 · Old shop tills') // a deleted work item keeps its name: its time still counts
    expect(labels.at(-1)).toBe('(none)')
    expect(byItem.rows.at(-1)?.keys[0]?.id).toBeNull()

    const byCustomer = await reports.run({ from: fixture.from, to: fixture.to, groupBy: ['customer'] })
    // Alphabetical whatever the letter case; no customer last.
    expect(byCustomer.rows.map((row) => row.keys[0]?.label)).toEqual(['acme corp', 'Bygone Books', 'Harbour Dental', 'Zeta Logistics', 'No customer'])

    const byWeek = await reports.run({ from: '2026-11-16', to: '2026-11-29', groupBy: ['week', 'month'] })
    expect(byWeek.rows.map((row) => row.keys.map((key) => key.label))).toEqual([
      ['Week of 16 Nov 2026', '2026-11'],
      ['Week of 23 Nov 2026', '2026-11'],
    ])
    const byDay = await reports.run({ from: '2026-11-16', to: '2026-11-29', groupBy: ['day', 'billable'] })
    const days = byDay.rows.map((row) => row.keys[0]?.id ?? '')
    expect(days).toEqual([...days].sort())
    expect(byDay.rows.find((row) => row.keys[1]?.id === 'billable')?.keys[1]?.label).toBe('Billable')
  })

  it('a filter that matches nothing, or a range with no time, gives no rows and zero totals', async () => {
    const zero = { totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0, overlappedSeconds: 0 }
    for (const input of [
      { from: fixture.from, to: fixture.to, groupBy: ['customer'], filters: { customerIds: ['no-such-customer'] } },
      { from: fixture.from, to: fixture.to, groupBy: ['customer'], filters: { customerIds: ['cust-idle'] } },
      { from: fixture.from, to: fixture.to, groupBy: ['month'], filters: { workItemIds: ['wi-1'], activityTypeIds: ['nothing'] } },
      { from: '2019-01-01', to: '2019-12-31', groupBy: ['week'], expectedSeconds: [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0] },
    ] satisfies ReportQueryInput[]) {
      const result = await reports.run(input)
      expect(result.rows).toEqual([])
      expect(result.totals).toEqual(zero)
      expect(result.utilisation.billableShare).toBeNull()
    }
    const idle = await reports.run({ from: '2019-01-01', to: '2019-12-31', groupBy: ['month'], expectedSeconds: [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0] })
    expect(idle.expectedSeconds).toBe(261 * 8 * H)
    expect(idle.utilisation.ofExpected).toBe(0)
  })

  it('sets the time against expected hours: per day, week and month within the range, and in total', async () => {
    const expectedSeconds = [0, 8 * H, 8 * H, 8 * H, 8 * H, 6 * H, 0] // a short Friday
    // Wednesday 11 Nov to Tuesday 1 Dec 2026.
    const result = await reports.run({ from: '2026-11-11', to: '2026-12-01', groupBy: ['week'], expectedSeconds })
    expect(result.people).toBe(1)
    // 3 weeks of 38 h, less Mon–Tue of the first week, plus Mon–Tue of the last.
    expect(result.expectedSeconds).toBe(3 * 38 * H - 16 * H + 16 * H)
    const weeks = Object.fromEntries(result.rows.map((row) => [row.keys[0]?.id ?? '', row.expectedSeconds]))
    expect(weeks['2026-11-09']).toBe(22 * H) // Wed–Fri only: the range starts on Wednesday
    expect(weeks['2026-11-16']).toBe(38 * H)
    if (weeks['2026-11-30'] !== undefined) expect(weeks['2026-11-30']).toBe(16 * H)
    const { totalSeconds, billableSeconds } = result.totals
    expect(result.utilisation.billableShare).toBeCloseTo(billableSeconds / totalSeconds, 12)
    expect(result.utilisation.ofExpected).toBeCloseTo(totalSeconds / (3 * 38 * H), 12)
    expect(result.utilisation.billableOfExpected).toBeCloseTo(billableSeconds / (3 * 38 * H), 12)

    const byMonth = await reports.run({ from: '2026-11-11', to: '2026-12-01', groupBy: ['month', 'customer'], expectedSeconds })
    expect(byMonth.rows.every((row) => row.expectedSeconds === null)).toBe(true) // a customer has no expected hours
    const noExpectation = await reports.run({ from: '2026-11-11', to: '2026-12-01', groupBy: ['day'] })
    expect(noExpectation.expectedSeconds).toBeNull()
    expect(noExpectation.utilisation.ofExpected).toBeNull()
  })

  it('takes expected hours and the week start from the timesheet settings when the request leaves them out', async () => {
    const withSettings = new LocalReports({
      db: env.core.store.db,
      userId: () => me,
      settings: () => ({ expectedSeconds: [0, 7 * H, 7 * H, 7 * H, 7 * H, 7 * H, 0], periodRule: { kind: 'weekly', weekStartsOn: 0 } }),
    })
    const result = await withSettings.run({ from: '2026-11-15', to: '2026-11-21', groupBy: ['week'] })
    expect(result.query.weekStartsOn).toBe(0)
    expect(result.expectedSeconds).toBe(35 * H)
    expect(result.rows.map((row) => row.keys[0]?.id)).toEqual(result.totals.entryCount > 0 ? ['2026-11-15'] : [])
    const asked = await withSettings.run({ from: '2026-11-15', to: '2026-11-21', groupBy: ['week'], weekStartsOn: 1, expectedSeconds: [0, 0, 0, 0, 0, 0, 0] })
    expect(asked.query.weekStartsOn).toBe(1)
    expect(asked.expectedSeconds).toBe(0)
    expect(asked.utilisation.ofExpected).toBeNull()
  })

  it('expects hours only of the days up to today: a month read on the 3rd is not short by the rest of the month', async () => {
    const clock = new FakeClock(Date.UTC(2026, 11, 3, 10), 'Europe/Berlin') // Thursday 3 December 2026
    const today = new LocalReports({ db: env.core.store.db, userId: () => me, clock })
    const expectedSeconds = [0, 8 * H, 8 * H, 8 * H, 8 * H, 8 * H, 0]
    const month = await today.run({ from: '2026-12-01', to: '2026-12-31', groupBy: ['week'], expectedSeconds })
    expect(month.expectedSeconds).toBe(3 * 8 * H) // Tuesday 1 to Thursday 3 December
    expect(month.utilisation.ofExpected).toBeCloseTo(month.totals.totalSeconds / (24 * H), 12)
    const weeks = Object.fromEntries(month.rows.map((row) => [row.keys[0]?.id ?? '', row.expectedSeconds]))
    if (weeks['2026-11-30'] !== undefined) expect(weeks['2026-11-30']).toBe(24 * H)
    if (weeks['2026-12-07'] !== undefined) expect(weeks['2026-12-07']).toBe(0)
    const past = await today.run({ from: '2026-11-01', to: '2026-11-30', groupBy: ['month'], expectedSeconds })
    expect(past.expectedSeconds).toBe(21 * 8 * H) // a past month counts whole
  })

  it('counts only my own time, even if another person’s entries are in the file', async () => {
    const db = env.core.store.db
    await db
      .insertInto('time_entries')
      .values({ id: 'someone-else', user_id: 'user-grace', day: '2026-11-16', work_item_id: null, activity_type_id: null, billable: 1, description: '', source: 'grid', raw_seconds: 3600, rounded_seconds: 3600, status: 'draft', timer_id: null, time_zone: null, created_at: 1, updated_at: 1, deleted_at: null })
      .execute()
    try {
      await expectMatchesReference({ from: '2026-11-16', to: '2026-11-16', groupBy: ['workItem'] })
    } finally {
      await db.deleteFrom('time_entries').where('id', '=', 'someone-else').execute()
    }
  })

  it('refuses bad requests with messages a person can act on', async () => {
    const refused = async (input: unknown, message: string | RegExp) => {
      await expect(reports.run(input as ReportQueryInput)).rejects.toMatchObject({ name: 'StintError', code: 'invalid_request', message: (typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message)) as unknown })
    }
    await refused({ from: '', to: '2026-11-30', groupBy: ['day'] }, 'The report needs its first day (from), written YYYY-MM-DD')
    await refused({ to: '2026-11-30', groupBy: ['day'] }, 'The report needs its first day (from)')
    await refused({ from: '2026-11-30', to: '2026-11-01', groupBy: ['day'] }, 'The range ends (2026-11-01) before it starts (2026-11-30)')
    await refused({ from: '2016-01-01', to: '2025-12-31', groupBy: ['month'] }, /at most three years \(1,096 days\); 2016-01-01 to 2025-12-31 is 3,653 days/)
    await refused({ from: '2026-02-01', to: '2026-02-30', groupBy: ['day'] }, 'The last day of the report (to) is wrong: "2026-02-30" is not a real date: February 2026 has days 01 to 28')
    await refused({ from: '16/11/2026', to: '2026-11-30', groupBy: ['day'] }, 'expected YYYY-MM-DD')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: [] }, 'Choose at least one thing to group the report by')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day', 'customer', 'status', 'billable'] }, 'at most 3 things at once')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer', 'customer'] }, 'grouped by customer twice')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['colour'] }, '"colour" is not something a report can group by')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], filters: { customerIds: [] } }, 'Choose at least one customer, or leave the customer filter out')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], filters: { statuses: ['paid'] } }, '"paid" is not a status: choose from draft, submitted, approved, rejected, voided.')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], filters: { customer: ['x'] } }, '"customer" is not a report filter.')
    await refused(null, 'A report request is an object with from, to and groupBy')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], colour: 'red' }, '"colour" is not part of a report request')
    await refused({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], weekStartsOn: 7 }, 'weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday)')
    // Several problems at once are all named.
    await refused({ from: '2026-13-01', to: '', groupBy: [] }, /first day.*months run from 01 to 12.*needs its last day.*Choose at least one thing/)
    // Exactly three years is fine.
    await expect(reports.run({ from: '2024-01-01', to: '2026-12-31', groupBy: ['month'] })).resolves.toMatchObject({ query: { from: '2024-01-01' } })
  })

  it('says that reports by person or team come from the team server', async () => {
    const range = { from: '2026-11-01', to: '2026-11-30' }
    await expect(reports.run({ ...range, groupBy: ['month', 'user'] })).rejects.toThrow(
      'The report cannot be grouped by person here: this device holds only your own time, so reports by person or team come from the team server. Group it by something else.',
    )
    await expect(reports.run({ ...range, groupBy: ['team'] })).rejects.toThrow('cannot be grouped by team here')
    await expect(reports.run({ ...range, groupBy: ['day'], filters: { teamIds: ['team-desk'] } })).rejects.toThrow('cannot be filtered by team here')
    await expect(reports.run({ ...range, groupBy: ['day'], filters: { userIds: [me] } })).rejects.toThrow('cannot be filtered by person here')
  })
})

describe('contract usage of my own time', () => {
  it('sums the month’s time per contract, billable time against the included hours', async () => {
    const usage = await reports.contractUsage('2026-11')
    expect(usage).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30' })
    // Every contract is listed, by customer name: including one with no time this month.
    expect(usage.contracts.map((c) => c.contractName)).toEqual(['Support block', 'Managed IT 2026', 'Standby', 'Time and material'])
    for (const row of usage.contracts) {
      const items = new Set(fixture.workItems.filter((w) => w.contractId === row.contractId).map((w) => w.id))
      const counted = fixture.entries.filter((e) => e.userId === me && !e.deleted && e.status !== 'voided' && e.day.startsWith('2026-11') && e.workItemId !== null && items.has(e.workItemId))
      const billable = counted.filter((e) => e.billable).reduce((sum, e) => sum + e.roundedSeconds, 0)
      const total = counted.reduce((sum, e) => sum + e.roundedSeconds, 0)
      expect(row).toMatchObject({ usedSeconds: total, billableSeconds: billable, nonBillableSeconds: total - billable, entryCount: counted.length })
      const included = fixture.contracts.find((c) => c.id === row.contractId)?.includedMinutes ?? null
      expect(row.includedSeconds).toBe(included === null ? null : included * 60)
      expect(row.beyondIncludedSeconds).toBe(included === null ? null : Math.max(0, billable - included * 60))
    }
    const timeAndMaterial = usage.contracts.find((c) => c.contractId === 'contract-zeta')
    expect(timeAndMaterial).toMatchObject({ includedSeconds: null, share: null, level: 'ok', beyondIncludedSeconds: null })
  })

  it('reads the same through the engine directly, and refuses a month that is not one', async () => {
    const direct = await contractUsage(localReportStore(env.core.store.db), { userIds: [me] }, '2026-10')
    expect(direct).toEqual(await reports.contractUsage('2026-10'))
    await expect(reports.contractUsage('2026-13')).rejects.toThrow('"2026-13" is not a month: months run from 01 to 12.')
    await expect(reports.contractUsage('November')).rejects.toThrow('"November" is not a month: write it YYYY-MM, such as 2026-11.')
  })
})

describe('month views of my own time', () => {
  it('name me "You" until the team server has told the app my name, and refuse a bad request', async () => {
    const view = await reports.month({ month: '2026-11', view: 'entries' })
    if (view.view !== 'entries') throw new Error('the entries view answers with entries')
    expect(view.rows.length).toBeGreaterThan(20)
    expect(new Set(view.rows.map((row) => row.userName))).toEqual(new Set(['You']))
    expect(new Set(view.rows.map((row) => row.userId))).toEqual(new Set([me]))
    const named = new LocalReports({ db: env.core.store.db, userId: () => me, userName: () => 'Ada Lovelace' })
    const namedView = await named.month({ month: '2026-11', view: 'entries' })
    expect(namedView.view === 'entries' && namedView.rows[0]?.userName).toBe('Ada Lovelace')
    await expect(reports.month({ month: '2026-13', view: 'entries' })).rejects.toThrow('The month view was not made. "2026-13" is not a month: months run from 01 to 12.')
    await expect(reports.month(JSON.parse('{ "month": "2026-11", "view": "x" }') as MonthViewQueryInput)).rejects.toThrow(/"x" is not a month view/)
    await expect(reports.month({ month: '2026-11', view: 'entries', statuses: [] })).rejects.toThrow(/Choose at least one status/)
  })

  it('answer the core’s reports.month call, organisations included', async () => {
    const view = await env.core.handlers['reports.month']({ month: '2026-11', view: 'organisations', statuses: ['draft', 'submitted', 'approved', 'rejected'] })
    expect(view.view).toBe('organisations')
    if (view.view !== 'organisations') return
    expect(view.rows.map((row) => row.label)).toEqual(['Acme Group', 'acme group', 'Smile Group', '(no organisation)'].filter((label) => view.rows.some((row) => row.label === label)))
    expect(view.rows.reduce((sum, row) => sum + row.monthSeconds, 0)).toBe(view.totals.totalSeconds)
  })

  it('report by organisation, with the organisation filter', async () => {
    const range = { from: fixture.from, to: fixture.to }
    await expectMatchesReference({ ...range, groupBy: ['organisation'] })
    await expectMatchesReference({ ...range, groupBy: ['organisation', 'month'], filters: { organisations: [null, 'Smile Group'] } })
  })
})
