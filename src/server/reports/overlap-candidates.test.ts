// The overlapped measure when the database picks the candidate runs (overlap.ts): each
// case a wrong pre-selection would get wrong. Runs that touch end to start, a neighbour of
// another person, a non-billable, voided or deleted neighbour: no overlap. Across
// midnight, beside a long run with shorter ones between, from the same instant, on an
// entry's second run: overlap. On SQLite and PostgreSQL.
import { expect, it } from 'vitest'
import { runReport } from '@shared/reports/engine'
import { overlappedSecondsOf } from '@shared/reports/overlap'
import { generateReportFixture, type FixtureEntry, type FixtureRun, type ReportFixture } from '@shared/reports/testing/report-fixture'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { insertFixtureOnServer } from './testing/insert-fixture'
import { teamReportStore } from './team-reports'

const postgres = usePostgresCluster()
const MIN = 60
/** An instant of November 2026, UTC (runs are instants: the zone changes nothing). */
const at = (day: number, h: number, m = 0) => Date.UTC(2026, 10, day, h, m)

function fixture(): ReportFixture {
  const base = generateReportFixture({ seed: 1, entries: 0 })
  const entries: FixtureEntry[] = []
  const runs: FixtureRun[] = []
  const entry = (id: string, spans: [number, number][], more: Partial<FixtureEntry> = {}) => {
    const seconds = spans.reduce((sum, [from, to]) => sum + (to - from) / 1000, 0)
    entries.push({ id, userId: 'user-ada', day: '2026-11-16', workItemId: 'wi-1', activityTypeId: null, billable: true, roundedSeconds: seconds, rawSeconds: seconds, status: 'approved', deleted: false, createdAt: 1, description: '', ...more })
    for (const [startedAt, endedAt] of spans) runs.push({ entryId: id, startedAt, endedAt })
  }
  // End to start: no overlap.
  entry('touch-a', [[at(16, 8), at(16, 9)]])
  entry('touch-b', [[at(16, 9), at(16, 10)]])
  // Beside it, only other people's time and time that bills nothing.
  entry('alone', [[at(16, 10), at(16, 11)]])
  entry('grace', [[at(16, 10), at(16, 11)]], { userId: 'user-grace' })
  entry('not-billable', [[at(16, 10, 15), at(16, 10, 45)]], { billable: false })
  entry('voided', [[at(16, 10, 15), at(16, 10, 45)]], { status: 'voided' })
  entry('deleted', [[at(16, 10, 15), at(16, 10, 45)]], { deleted: true })
  // A long run with two short ones inside it, the second after the first has ended.
  entry('long', [[at(16, 13), at(16, 17)]])
  entry('inside-1', [[at(16, 13, 30), at(16, 14)]])
  entry('inside-2', [[at(16, 15), at(16, 15, 30)]])
  // Two started at the same instant.
  entry('same-1', [[at(16, 18), at(16, 18, 20)]])
  entry('same-2', [[at(16, 18), at(16, 18, 10)]])
  // Only the second run of an entry overlaps.
  entry('second-run', [
    [at(16, 19), at(16, 19, 30)],
    [at(16, 20), at(16, 20, 30)],
  ])
  entry('beside-second', [[at(16, 20, 15), at(16, 20, 45)]])
  // Across midnight: an entry of the 16th and one of the 17th.
  entry('late', [[at(16, 23, 30), at(17, 0, 30)]])
  entry('early', [[at(17, 0), at(17, 1)]], { day: '2026-11-17' })
  return { ...base, entries, runs, from: '2026-11-16', to: '2026-11-17' }
}

function suite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)

  it('finds exactly the overlap the rule gives: none for touching runs or neighbours of another person, non-billable, voided or deleted', async () => {
    await insertFixtureOnServer(t.db, fixture())
    const store = teamReportStore(t.db)
    expect(Object.fromEntries(await overlappedSecondsOf(store, 'user-ada', '2026-11-16', '2026-11-17'))).toEqual({
      long: 60 * MIN,
      'inside-1': 30 * MIN,
      'inside-2': 30 * MIN,
      'same-1': 10 * MIN,
      'same-2': 10 * MIN,
      'second-run': 15 * MIN,
      'beside-second': 15 * MIN,
      late: 30 * MIN,
      early: 30 * MIN,
    })
    expect((await overlappedSecondsOf(store, 'user-grace', '2026-11-16', '2026-11-17')).size).toBe(0)
  })

  it('counts overlap with the day before a report’s first day, and only the report’s own days', async () => {
    await insertFixtureOnServer(t.db, fixture())
    const store = teamReportStore(t.db)
    expect(Object.fromEntries(await overlappedSecondsOf(store, 'user-ada', '2026-11-17', '2026-11-17'))).toEqual({ early: 30 * MIN })
    const report = await runReport(store, { userIds: ['user-ada', 'user-grace'] }, { from: '2026-11-17', to: '2026-11-30', groupBy: ['user'] })
    expect(report.totals.overlappedSeconds).toBe(30 * MIN)
  })
}

describeEachDialect('the overlapped measure’s candidate runs', suite)
