// What an import would do, worked out against the database: each row of the file as
// new, a duplicate of an entry Stint has, imported before, in a locked period, or
// unreadable (with the reason naming its line), and where each project and client goes.
// The preview shows it; the commit works it out again inside its transaction and books it.
import type { Kysely, Transaction } from 'kysely'
import { splitIntoLocalDays } from '@shared/days'
import type { TimeEntry } from '@shared/entries'
import { refuse } from '@shared/errors'
import { englishRefusal, type Refusal } from '@shared/i18n/refusal-text'
import { parseImport, type ImportCandidate } from '@shared/import/import-parse'
import type { ImportMapping, ImportReason, ImportRow, ImportSource } from '@shared/import/import-types'
import { TZDate } from '@date-fns/tz'
import type { Database } from '../db/schema'
import type { Entries } from '../entries/entries'
import { overFullDay } from '../entries/cell-totals'
import { dayTotals } from '../entries/entry-reads'

type Db = Kysely<Database> | Transaction<Database>

export interface PlanContext {
  db: Db
  entries: Entries
  userId: string
  timeZone: string
}

export interface PlannedRow extends ImportRow {
  key: string | null
  projectKey: string | null
  /** The instants of a row with times, in this device's zone. */
  times: { startedAt: number; endedAt: number } | null
  activityTypeId: string | null
}

export interface PlannedProject {
  key: string
  name: string
  client: string
  rows: number
  workItemId: string | null
}

export interface Plan {
  source: ImportSource
  rows: PlannedRow[]
  projects: PlannedProject[]
  clients: { name: string; rows: number; customerId: string | null }[]
  /** The billable flag of each known work item, for rows whose file does not say. */
  itemBillable: ReadonlyMap<string, boolean>
}

export function reasonOf(refusal: Refusal): ImportReason {
  return { messageId: refusal.id, ...(refusal.values ? { values: { ...refusal.values } } : {}), message: englishRefusal(refusal) }
}

/** The key of a project within its client: the same name under two clients is two projects. */
export function projectKey(client: string, project: string): string {
  return `${client}\u001f${project}`
}

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase()

/** The instant of 'HH:MM:SS' on `day` in `zone`; null when the clocks skip that time there. */
function instantOf(day: string, time: string, zone: string): number | null {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  const [h = 0, min = 0, s = 0] = time.split(':').map(Number)
  const instant = new TZDate(y, m - 1, d, h, min, s, zone)
  return instant.getHours() === h && instant.getMinutes() === min ? instant.getTime() : null
}

export async function planImport(ctx: PlanContext, text: string, source: ImportSource | undefined, mapping: ImportMapping | undefined): Promise<Plan> {
  const parsed = parseImport(text, source)
  if (!parsed.ok) throw refuse('invalid_request', parsed.reason.id, parsed.reason.values)
  const { db } = ctx
  const items = await db
    .selectFrom('work_items')
    .leftJoin('customers', 'customers.id', 'work_items.customer_id')
    .select(['work_items.id as id', 'work_items.title as title', 'work_items.reference as reference', 'work_items.billable as billable', 'customers.name as customerName'])
    .where('work_items.deleted_at', 'is', null)
    .execute()
  const customers = await db.selectFrom('customers').select(['id', 'name']).where('deleted_at', 'is', null).execute()
  const types = await db.selectFrom('activity_types').select(['id', 'name', 'is_default']).where('deleted_at', 'is', null).where('active', '=', 1).execute()
  const defaultType = types.find((t) => t.is_default === 1)?.id ?? null

  // Clients and projects, each mapped as asked or matched by name.
  const clientNames = [...new Set(parsed.candidates.map((c) => c.client).filter((c) => c !== ''))]
  const clients = clientNames.map((name) => {
    const asked = mapping?.clients.find((m) => m.name === name)
    if (asked?.customerId && !customers.some((c) => c.id === asked.customerId)) throw refuse('not_found', 'refusal.customerGone')
    const customerId = asked ? asked.customerId : (customers.find((c) => same(c.name, name))?.id ?? null)
    return { name, rows: parsed.candidates.filter((c) => c.client === name).length, customerId }
  })
  const projects: PlannedProject[] = []
  for (const candidate of parsed.candidates) {
    if (candidate.project === '') continue
    const key = projectKey(candidate.client, candidate.project)
    const known = projects.find((p) => p.key === key)
    if (known) {
      known.rows += 1
      continue
    }
    const asked = mapping?.projects.find((m) => m.key === key)
    if (asked?.workItemId && !items.some((i) => i.id === asked.workItemId)) throw refuse('not_found', 'refusal.workItemGone')
    const named = items.filter((i) => same(i.title, candidate.project) || same(i.reference, candidate.project))
    const matched = named.find((i) => same(i.customerName, candidate.client)) ?? named[0]
    projects.push({ key, name: candidate.project, client: candidate.client, rows: 1, workItemId: asked ? asked.workItemId : (matched?.id ?? null) })
  }

  const rows: PlannedRow[] = []
  for (const candidate of parsed.candidates) rows.push(candidateRow(candidate, types, defaultType, ctx.timeZone))
  for (const bad of parsed.unreadable) rows.push({ ...emptyRow(bad.line), status: 'unreadable', reason: reasonOf(bad.reason) })
  rows.sort((a, b) => a.line - b.line)
  await markRefused(ctx, parsed.source, rows, projects)
  return { source: parsed.source, rows, projects, clients, itemBillable: new Map(items.map((i) => [i.id, i.billable === 1])) }
}

function emptyRow(line: number): PlannedRow {
  return { line, status: 'unreadable', reason: null, day: null, start: null, end: null, seconds: 0, description: '', project: '', client: '', task: '', billable: null, tags: [], key: null, projectKey: null, times: null, activityTypeId: null }
}

function candidateRow(c: ImportCandidate, types: readonly { id: string; name: string }[], defaultType: string | null, zone: string): PlannedRow {
  const key = c.project === '' ? null : projectKey(c.client, c.project)
  const row: PlannedRow = {
    line: c.line,
    status: 'new',
    reason: null,
    day: c.day,
    start: c.start?.slice(0, 5) ?? null,
    end: c.end?.slice(0, 5) ?? null,
    seconds: c.seconds,
    description: c.description,
    project: c.project,
    client: c.client,
    task: c.task,
    billable: c.billable,
    tags: c.tags,
    key: c.key,
    projectKey: key,
    times: null,
    activityTypeId: (c.task === '' ? undefined : types.find((t) => same(t.name, c.task))?.id) ?? defaultType,
  }
  if (c.start !== null && c.end !== null && c.endDay !== null) {
    const startedAt = instantOf(c.day, c.start, zone)
    const endedAt = instantOf(c.endDay, c.end, zone)
    const skipped = startedAt === null ? { column: 'start', value: c.start, day: c.day } : endedAt === null ? { column: 'end', value: c.end, day: c.endDay } : null
    if (skipped || startedAt === null || endedAt === null) {
      return { ...row, status: 'unreadable', reason: reasonOf({ id: 'refusal.import.clockSkips', values: { line: c.line, column: skipped?.column ?? 'end', value: skipped?.value.slice(0, 5) ?? '', day: skipped?.day ?? c.day } }) }
    }
    row.times = { startedAt, endedAt }
    row.seconds = Math.round((endedAt - startedAt) / 1000)
  }
  return row
}

/** The work item a row goes to: its project's (null for a new one), or none for a row without a project. */
export function workItemOf(row: PlannedRow, projects: readonly PlannedProject[]): string | null {
  return row.projectKey === null ? null : (projects.find((p) => p.key === row.projectKey)?.workItemId ?? null)
}

/** Marks rows imported before, in a locked period, already in Stint, or taking a day past 24 hours (in that order). */
async function markRefused(ctx: PlanContext, source: ImportSource, rows: PlannedRow[], projects: readonly PlannedProject[]): Promise<void> {
  const { db, entries, userId, timeZone } = ctx
  const readable = rows.filter((r) => r.status === 'new')
  const before = new Set(
    (await db.selectFrom('imported_rows').select('row_key').where('user_id', '=', userId).where('source', '=', source).execute()).map((r) => r.row_key),
  )
  const daysOf = (r: PlannedRow) => (r.times ? splitIntoLocalDays(r.times.startedAt, r.times.endedAt, timeZone).map((share) => share.day) : r.day === null ? [] : [r.day])
  const allDays = [...new Set(readable.flatMap(daysOf))].sort()
  const locked = await entries.lockedDays(allDays, db)
  const first = allDays[0]
  const last = allDays[allDays.length - 1]
  const existing = first === undefined || last === undefined ? [] : await entries.load({ from: first, to: last }, db)
  for (const row of readable) {
    const lockedDay = daysOf(row).find((day) => locked.has(day))
    if (row.key !== null && before.has(row.key)) {
      row.status = 'importedBefore'
      row.reason = reasonOf({ id: 'refusal.import.importedBefore', values: { line: row.line } })
    } else if (lockedDay !== undefined) {
      row.status = 'locked'
      row.reason = reasonOf({ id: 'refusal.import.locked', values: { line: row.line, day: lockedDay, lock: locked.get(lockedDay) ?? 'submitted' } })
    } else if (isDuplicate(row, workItemOf(row, projects), existing)) {
      row.status = 'duplicate'
      row.reason = reasonOf({ id: 'refusal.import.duplicate', values: { line: row.line, day: row.day ?? '' } })
    }
  }
  await markDaysFull(ctx, readable.filter((row) => row.status === 'new'), daysOf)
}

/**
 * In the file's order, refuses the rows that would take a day past the 24 hours a day has
 * (checkDayLimits refuses such a booking): the day's time in Stint, plus the rows before it.
 */
async function markDaysFull(ctx: PlanContext, rows: readonly PlannedRow[], daysOf: (row: PlannedRow) => string[]): Promise<void> {
  const totals = await dayTotals(ctx.db, ctx.userId, [...new Set(rows.flatMap(daysOf))])
  for (const row of rows) {
    const shares = row.times ? splitIntoLocalDays(row.times.startedAt, row.times.endedAt, ctx.timeZone) : row.day === null ? [] : [{ day: row.day, seconds: row.seconds }]
    const over = shares.find((share) => overFullDay((totals.get(share.day) ?? 0) + share.seconds))
    if (over) {
      row.status = 'dayFull'
      row.reason = reasonOf({ id: 'refusal.import.dayFull', values: { line: row.line, day: over.day, totalSeconds: (totals.get(over.day) ?? 0) + over.seconds } })
      continue
    }
    for (const share of shares) totals.set(share.day, (totals.get(share.day) ?? 0) + share.seconds)
  }
}

/** Already in Stint: an entry on the same day, of the same work item, with the same description, and the same start or the same duration. */
function isDuplicate(row: PlannedRow, workItemId: string | null, existing: readonly TimeEntry[]): boolean {
  if (workItemId === null && row.projectKey !== null) return false // a new work item has no entries yet
  return existing.some(
    (entry) =>
      entry.day === row.day &&
      entry.workItemId === workItemId &&
      entry.description.trim() === row.description.trim() &&
      ((row.times !== null && entry.ranges[0]?.startedAt === row.times.startedAt) || entry.rawSeconds === row.seconds),
  )
}
