// What a report should say, worked out the slow and obvious way in JavaScript straight
// from a fixture's rows — no SQL, no engine code, its own date arithmetic and labels —
// so engine tests compare against sums computed independently.
import type { ReportDimension, ReportQuery, ReportResult, ReportSums } from '../../reports'
import type { FixtureEntry, ReportFixture } from './report-fixture'

export interface ExpectedRow {
  labels: string[]
  totalSeconds: number
  billableSeconds: number
  nonBillableSeconds: number
  entryCount: number
  overlappedSeconds: number
}

export interface ExpectedReport {
  /** By the JSON of the row's ids. */
  rows: Map<string, ExpectedRow>
  totals: ReportSums
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const STATUS_WORDS: Record<string, string> = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', rejected: 'Rejected', voided: 'Voided' }

function weekStart(day: string, weekStartsOn: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() - weekStartsOn + 7) % 7))
  return date.toISOString().slice(0, 10)
}

function weekLabel(start: string): string {
  const date = new Date(`${start}T00:00:00Z`)
  return `Week of ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`
}

/**
 * Overlapped seconds per entry, the obvious way: of each billable, live, not voided entry's
 * runs, the time some other such entry of the same person also ran (their runs merged).
 * The fixture's runs lie within their entry's day, so only entries of one day can overlap.
 */
function referenceOverlap(fixture: ReportFixture): Map<string, number> {
  const taking = new Map(fixture.entries.filter((entry) => entry.billable && !entry.deleted && entry.status !== 'voided').map((entry) => [entry.id, entry]))
  const runsOf = new Map<string, { startedAt: number; endedAt: number }[]>()
  for (const run of fixture.runs) if (taking.has(run.entryId)) runsOf.set(run.entryId, [...(runsOf.get(run.entryId) ?? []), run])
  const sameDay = new Map<string, FixtureEntry[]>()
  for (const entry of taking.values()) {
    const key = `${entry.userId} ${entry.day}`
    sameDay.set(key, [...(sameDay.get(key) ?? []), entry])
  }
  const overlap = new Map<string, number>()
  for (const entry of taking.values()) {
    const others = (sameDay.get(`${entry.userId} ${entry.day}`) ?? []).filter((other) => other.id !== entry.id).flatMap((other) => runsOf.get(other.id) ?? [])
    others.sort((a, b) => a.startedAt - b.startedAt)
    const merged: { startedAt: number; endedAt: number }[] = []
    for (const run of others) {
      const last = merged[merged.length - 1]
      if (last !== undefined && run.startedAt <= last.endedAt) last.endedAt = Math.max(last.endedAt, run.endedAt)
      else merged.push({ ...run })
    }
    let ms = 0
    for (const own of runsOf.get(entry.id) ?? []) {
      for (const other of merged) ms += Math.max(0, Math.min(own.endedAt, other.endedAt) - Math.max(own.startedAt, other.startedAt))
    }
    overlap.set(entry.id, Math.floor(ms / 1000))
  }
  return overlap
}

const keeps = (filter: readonly (string | null)[] | undefined, id: string | null) => filter === undefined || filter.includes(id)

export function referenceReport(fixture: ReportFixture, query: ReportQuery, scopeUserIds?: readonly string[]): ExpectedReport {
  const items = new Map(fixture.workItems.map((item) => [item.id, item]))
  const organisationOf = (customerId: string | null) => (customerId === null ? null : (fixture.customers.find((c) => c.id === customerId)?.organisation ?? null))
  const teamsOf = (userId: string) => fixture.teams.filter((team) => team.members.includes(userId)).map((team) => team.id)
  const { filters } = query

  const counted = fixture.entries.filter((entry) => {
    const item = entry.workItemId === null ? undefined : items.get(entry.workItemId)
    const teams = teamsOf(entry.userId)
    return (
      !entry.deleted &&
      entry.day >= query.from &&
      entry.day <= query.to &&
      filters.statuses.includes(entry.status) &&
      (scopeUserIds === undefined || scopeUserIds.includes(entry.userId)) &&
      (filters.userIds === undefined || filters.userIds.includes(entry.userId)) &&
      keeps(filters.workItemIds, entry.workItemId) &&
      keeps(filters.activityTypeIds, entry.activityTypeId) &&
      keeps(filters.customerIds, item?.customerId ?? null) &&
      keeps(filters.organisations, organisationOf(item?.customerId ?? null)) &&
      keeps(filters.contractIds, item?.contractId ?? null) &&
      (filters.teamIds === undefined || teams.some((team) => filters.teamIds?.includes(team)) || (teams.length === 0 && filters.teamIds.includes(null))) &&
      (filters.billable === undefined || entry.billable === filters.billable)
    )
  })

  const idOf = (entry: FixtureEntry, dimension: ReportDimension): string | null => {
    const item = entry.workItemId === null ? undefined : items.get(entry.workItemId)
    switch (dimension) {
      case 'day':
        return entry.day
      case 'week':
        return weekStart(entry.day, query.weekStartsOn)
      case 'month':
        return entry.day.slice(0, 7)
      case 'customer':
        return item?.customerId ?? null
      case 'organisation':
        return organisationOf(item?.customerId ?? null)
      case 'contract':
        return item?.contractId ?? null
      case 'workItem':
        return entry.workItemId
      case 'activityType':
        return entry.activityTypeId
      case 'user':
        return entry.userId
      case 'status':
        return entry.status
      case 'billable':
        return entry.billable ? 'billable' : 'non-billable'
      case 'team':
        throw new Error('teams are expanded separately')
    }
  }
  const labelOf = (dimension: ReportDimension, id: string | null): string => {
    if (id === null) return dimension === 'customer' ? 'No customer' : dimension === 'organisation' ? '(no organisation)' : '(none)'
    switch (dimension) {
      case 'day':
      case 'month':
      case 'organisation':
        return id
      case 'week':
        return weekLabel(id)
      case 'customer':
        return fixture.customers.find((c) => c.id === id)?.name ?? '?'
      case 'contract':
        return fixture.contracts.find((c) => c.id === id)?.name ?? '?'
      case 'workItem': {
        const item = items.get(id)
        return item?.reference ? `${item.reference} · ${item.title}` : (item?.title ?? '?')
      }
      case 'activityType':
        return fixture.activityTypes.find((a) => a.id === id)?.name ?? '?'
      case 'user':
        return fixture.users.find((u) => u.id === id)?.name ?? '?'
      case 'team':
        return fixture.teams.find((t) => t.id === id)?.name ?? '?'
      case 'status':
        return STATUS_WORDS[id] ?? '?'
      case 'billable':
        return id === 'billable' ? 'Billable' : 'Non-billable'
    }
  }

  const overlapped = referenceOverlap(fixture)
  const rows = new Map<string, ExpectedRow>()
  const totals: ExpectedRow = { labels: [], totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0, overlappedSeconds: 0 }
  const add = (sums: ExpectedRow, entry: FixtureEntry) => {
    sums.totalSeconds += entry.roundedSeconds
    sums.billableSeconds += entry.billable ? entry.roundedSeconds : 0
    sums.nonBillableSeconds += entry.billable ? 0 : entry.roundedSeconds
    sums.entryCount += 1
    sums.overlappedSeconds += overlapped.get(entry.id) ?? 0
  }
  for (const entry of counted) {
    add(totals, entry)
    // A person in several (kept) teams counts once in each; in none, in the "(none)" row.
    const shownTeams = teamsOf(entry.userId).filter((team) => keeps(filters.teamIds, team))
    const teamChoices: (string | null)[] = shownTeams.length > 0 ? shownTeams : [null]
    for (const team of query.groupBy.includes('team') ? teamChoices : [null]) {
      const ids = query.groupBy.map((dimension) => (dimension === 'team' ? team : idOf(entry, dimension)))
      const key = JSON.stringify(ids)
      let row = rows.get(key)
      if (!row) {
        row = { labels: query.groupBy.map((dimension, index) => labelOf(dimension, ids[index] ?? null)), totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0, overlappedSeconds: 0 }
        rows.set(key, row)
      }
      add(row, entry)
    }
  }
  const { totalSeconds, billableSeconds, nonBillableSeconds, entryCount, overlappedSeconds } = totals
  return { rows, totals: { totalSeconds, billableSeconds, nonBillableSeconds, entryCount, overlappedSeconds } }
}

/** An engine result in the reference's shape, to compare with toEqual. */
export function reportAsMap(result: ReportResult): Map<string, ExpectedRow> {
  return new Map(
    result.rows.map((row) => [
      JSON.stringify(row.keys.map((key) => key.id)),
      {
        labels: row.keys.map((key) => key.label),
        totalSeconds: row.totalSeconds,
        billableSeconds: row.billableSeconds,
        nonBillableSeconds: row.nonBillableSeconds,
        entryCount: row.entryCount,
        // Missing stays missing: a report without the measure differs from one with none overlapped.
        overlappedSeconds: row.overlappedSeconds as number,
      },
    ]),
  )
}
