// Month views on the team server, on SQLite and on PostgreSQL: every view of every month
// against sums worked out independently from the generated rows (lifetime of tickets,
// counts of tickets and customers, "(none)" and "(no organisation)" rows), cut at the
// limit with the full count, read whole in pages, refused with a clear sentence for bad
// input; and the report engine's organisation dimension and filter.
import { beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { ReportQuerySchema, type ReportQueryInput } from '@shared/reports'
import { runReport } from '@shared/reports/engine'
import { monthView, monthViewPages, parseMonthViewQuery, type MonthViewRow } from '@shared/reports/month-views'
import { referenceMonth } from '@shared/reports/testing/reference-month'
import { referenceReport, reportAsMap } from '@shared/reports/testing/reference-report'
import { generateReportFixture } from '@shared/reports/testing/report-fixture'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { insertFixtureOnServer } from './testing/insert-fixture'
import { teamReportStore } from './team-reports'

const postgres = usePostgresCluster()
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  const fixture = generateReportFixture({ seed: 777, entries: 1200 })
  beforeEach(async () => {
    await insertFixtureOnServer(t.db, fixture)
  })
  const store = () => teamReportStore(t.db)

  it('every view of every month equals what the rows themselves add up to', async () => {
    for (const month of MONTHS) {
      const expected = referenceMonth(fixture, month)
      for (const view of ['entries', 'tickets', 'customers', 'organisations'] as const) {
        const result = await monthView(store(), {}, { month, view })
        expect(result.totals, `${month} ${view}`).toEqual(expected.totals)
        expect(result.rows, `${month} ${view}`).toEqual(expected[view])
        expect(result.rowCount).toBe(expected[view].length)
        expect(result.from).toBe(`${month}-01`)
      }
    }
    // The data is really there: a month has hundreds of entries, several tickets, a "(none)" customer and organisation.
    const november = referenceMonth(fixture, '2026-11')
    expect(november.entries.length).toBeGreaterThan(150)
    expect(november.tickets.length).toBeGreaterThan(5)
    expect(november.customers.at(-1)?.customerName).toBe('No customer')
    expect(november.organisations.at(-1)?.label).toBe('(no organisation)')
    // A ticket's lifetime reaches past the month.
    expect(november.tickets.some((ticket) => ticket.lifetimeSeconds > ticket.monthSeconds)).toBe(true)
  })

  it('counts only the statuses and people asked for, with ticket lifetimes under the same rules', async () => {
    const statuses = ['approved', 'voided'] as const
    const userIds = ['user-grace', 'user-alan']
    const expected = referenceMonth(fixture, '2026-10', { statuses, userIds })
    for (const view of ['entries', 'tickets', 'customers', 'organisations'] as const) {
      const result = await monthView(store(), { userIds }, { month: '2026-10', view, statuses: [...statuses] })
      expect(result.rows, view).toEqual(expected[view])
      expect(result.totals).toEqual(expected.totals)
      expect(result.statuses).toEqual(statuses)
    }
    const nobody = await monthView(store(), { userIds: [] }, { month: '2026-10', view: 'customers' })
    expect(nobody.rows).toEqual([])
    expect(nobody.totals.entryCount).toBe(0)
  })

  it('orders tickets by number as people read them: HD-9 before HD-10, tickets without a number last', async () => {
    const result = await monthView(store(), {}, { month: '2026-11', view: 'tickets' })
    if (result.view !== 'tickets') throw new Error('the tickets view answers with tickets')
    const references = result.rows.map((row) => row.reference)
    expect(references.indexOf('HD-1042')).toBeLessThan(references.indexOf('HD-1043'))
    expect(references.slice(-2)).toEqual([null, null])
    expect(result.rows.slice(-2).map((row) => row.title)).toEqual(['Patch Tuesday', 'Team meeting'])
  })

  it('cuts the rows at the limit and says how many there are in all', async () => {
    const full = await monthView(store(), {}, { month: '2026-11', view: 'entries' })
    const cut = await monthView(store(), {}, { month: '2026-11', view: 'entries' }, { limit: 25 })
    expect(cut.rows).toEqual(full.rows.slice(0, 25))
    expect(cut.rowCount).toBe(full.rows.length)
    expect(cut.totals).toEqual(full.totals)
    const tickets = await monthView(store(), {}, { month: '2026-11', view: 'tickets' }, { limit: 3 })
    expect(tickets.rows).toHaveLength(3)
    expect(tickets.rowCount).toBeGreaterThan(3)
  })

  it('reads every row in pages, entries by keyset across ties of day and creation time', async () => {
    for (const view of ['entries', 'tickets', 'customers', 'organisations'] as const) {
      const pages: MonthViewRow[][] = []
      for await (const page of monthViewPages(store(), {}, { month: '2026-12', view }, { pageSize: 7 })) pages.push(page)
      const expected = referenceMonth(fixture, '2026-12')[view]
      expect(pages.flat(), view).toEqual(expected)
      expect(pages.every((page) => page.length <= 7)).toBe(true)
      expect(pages.length).toBe(Math.ceil(expected.length / 7))
    }
    // Ties are there to be crossed: entries of one day made at the same moment.
    const entries = referenceMonth(fixture, '2026-12').entries
    const ties = entries.filter((row, index) => index > 0 && row.day === entries[index - 1]?.day && row.createdAt === entries[index - 1]?.createdAt)
    expect(ties.length).toBeGreaterThan(5)
  })

  it('groups and filters reports by organisation, "(no organisation)" last', async () => {
    const range = { from: fixture.from, to: fixture.to }
    const queries: ReportQueryInput[] = [
      { ...range, groupBy: ['organisation'] },
      { ...range, groupBy: ['organisation', 'customer', 'month'] },
      { ...range, groupBy: ['user', 'organisation'], filters: { organisations: ['Acme Group', null] } },
      { ...range, groupBy: ['month'], filters: { organisations: ['acme group'] } },
      { ...range, groupBy: ['team', 'organisation'], filters: { organisations: ['Smile Group'], billable: true } },
    ]
    for (const input of queries) {
      const result = await runReport(store(), {}, input)
      const expected = referenceReport(fixture, ReportQuerySchema.parse(input))
      expect(reportAsMap(result), JSON.stringify(input)).toEqual(expected.rows)
      expect(result.totals).toEqual(expected.totals)
    }
    const byOrganisation = await runReport(store(), {}, queries[0] ?? range)
    expect(byOrganisation.rows.map((row) => row.keys[0]?.label)).toEqual(['Acme Group', 'acme group', 'Smile Group', '(no organisation)'])
    expect(byOrganisation.rows.at(-1)?.keys[0]?.id).toBeNull()
  })
}

describeEachDialect('month views on the team server', suite)

describe('a month view request', () => {
  const refused = (input: unknown): string => {
    try {
      parseMonthViewQuery(input)
    } catch (error) {
      expect(error).toBeInstanceOf(StintError)
      expect((error as StintError).code).toBe('invalid_request')
      return (error as Error).message
    }
    throw new Error(`${JSON.stringify(input)} was accepted`)
  }

  it('says what was wrong and that no view was made', () => {
    expect(refused({ month: '2026-13', view: 'tickets' })).toBe('The month view was not made. "2026-13" is not a month: months run from 01 to 12.')
    expect(refused({ month: '2026-11', view: 'x' })).toBe('The month view was not made. "x" is not a month view: choose from entries, tickets, customers, organisations.')
    expect(refused({ month: '2026-11', view: 'entries', statuses: [] })).toMatch(/^The month view was not made\. Choose at least one status/)
    expect(refused({ month: '2026-11', view: 'entries', statuses: ['lost'] })).toMatch(/"lost" is not a status/)
    expect(refused({ month: '2026-11', view: 'entries', userIds: ['someone'] })).toBe('The month view was not made. "userIds" is not part of a month view request.')
    expect(refused({ month: '2026-11' })).toBe('The month view was not made. Say which month view: entries, tickets, customers or organisations.')
    expect(refused('2026-11')).toMatch(/is an object with month and view/)
  })

  it('fills in every status but voided', () => {
    expect(parseMonthViewQuery({ month: '2026-11', view: 'entries' }).statuses).toEqual(['draft', 'submitted', 'approved', 'rejected'])
  })
})
