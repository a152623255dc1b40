// The one SQL statement behind every report: live entries of a range, filtered, grouped
// and summed by the database. Written with Kysely's builder and functions both SQLite
// and PostgreSQL have (substr, sum, count, IN, EXISTS), so one statement serves both.
import { sql, type AliasableExpression, type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import { EntryStatusSchema, type EntryStatus } from '../entries'
import type { ReportEntriesTable, TeamReportTables } from './tables'

/** What SQL can group by. A week is grouped by day in SQL and folded into weeks afterwards. */
export type SqlColumn = 'day' | 'month' | 'customer' | 'organisation' | 'contract' | 'workItem' | 'activityType' | 'user' | 'team' | 'status' | 'billable'

/** A list of ids to keep; null keeps the rows that have none. */
export type IdFilter = readonly (string | null)[] | undefined

export interface AggregatePlan {
  from: string
  to: string
  columns: readonly SqlColumn[]
  statuses: readonly EntryStatus[]
  /** Whose entries count: the caller's scope, narrowed by the person filter; undefined for everyone. */
  userIds: readonly string[] | undefined
  customerIds?: IdFilter
  /** Organisation names; null keeps time of customers in none and time without a customer. */
  organisations?: IdFilter
  contractIds?: IdFilter
  workItemIds?: IdFilter
  activityTypeIds?: IdFilter
  /** Only on the team server. */
  teamIds?: IdFilter
  billable?: boolean | undefined
  /** At most this many groups are read. */
  limit?: number
}

export interface AggregateRow {
  /** One value per plan column, as the database returned it (billable as 0/1). */
  values: (string | number | null)[]
  total: number
  billable: number
  count: number
}

type Entries = TeamReportTables & { e: ReportEntriesTable }
export type EntryBuilder = ExpressionBuilder<Entries, 'e'>

// Joined tables are added only when a column or filter needs them, so their columns are
// named through sql.ref: the builder's types cannot follow a join made conditionally.
const workItemCustomer = () => sql.ref<string | null>('w.customer_id')
const workItemContract = () => sql.ref<string | null>('w.contract_id')
const customerOrganisation = () => sql.ref<string | null>('cu.organisation')

/** The columns of an entry itself, and what they are called in the first, per-entry statement. */
const ENTRY_COLUMNS = { day: 'day', month: 'month', workItem: 'work_item_id', activityType: 'activity_type_id', user: 'user_id', status: 'status', billable: 'billable' } as const
type EntryColumn = keyof typeof ENTRY_COLUMNS

function isEntryColumn(column: SqlColumn): column is EntryColumn {
  return column in ENTRY_COLUMNS
}

function columnExpression(eb: EntryBuilder, column: EntryColumn): AliasableExpression<string | number | null> {
  switch (column) {
    case 'day':
      return eb.ref('e.day')
    case 'month':
      // Literals, not parameters: PostgreSQL only matches a SELECT expression to its
      // GROUP BY twin when both read the same, and $1 is not $4.
      return eb.fn<string>('substr', [eb.ref('e.day'), sql.lit(1), sql.lit(7)])
    case 'workItem':
      return eb.ref('e.work_item_id')
    case 'activityType':
      return eb.ref('e.activity_type_id')
    case 'user':
      return eb.ref('e.user_id')
    case 'status':
      return eb.ref('e.status')
    case 'billable':
      return eb.ref('e.billable')
  }
}

function present(ids: IdFilter): string[] {
  return (ids ?? []).filter((id): id is string => id !== null)
}

/** `column IN (ids)`, or `column IS NULL` too when the filter keeps rows without one. */
function idCondition(eb: EntryBuilder, column: AliasableExpression<string | null>, ids: readonly (string | null)[]) {
  const values = present(ids)
  const parts = []
  if (values.length > 0) parts.push(eb(column, 'in', values))
  if (ids.includes(null)) parts.push(eb(column, 'is', null))
  return eb.or(parts)
}

/** The report filters that narrow which entries count (not the range, statuses or people). */
export type EntryFilterPlan = Pick<AggregatePlan, 'customerIds' | 'organisations' | 'contractIds' | 'workItemIds' | 'activityTypeIds' | 'teamIds' | 'billable'>

/** The filters on the entry's own columns (and its person's teams): conditions on `e` alone. */
function entryOwnConditions(eb: EntryBuilder, filters: EntryFilterPlan): Expression<SqlBool>[] {
  const { workItemIds, activityTypeIds, teamIds, billable } = filters
  const conditions: Expression<SqlBool>[] = []
  if (workItemIds !== undefined) conditions.push(idCondition(eb, eb.ref('e.work_item_id'), workItemIds))
  if (activityTypeIds !== undefined) conditions.push(idCondition(eb, eb.ref('e.activity_type_id'), activityTypeIds))
  if (billable !== undefined) conditions.push(eb('e.billable', '=', billable ? 1 : 0))
  if (teamIds !== undefined) {
    const named = present(teamIds)
    const parts = []
    if (named.length > 0) parts.push(eb('e.user_id', 'in', eb.selectFrom('team_members').select('team_members.user_id').where('team_members.team_id', 'in', named)))
    if (teamIds.includes(null)) parts.push(eb.not(eb.exists(eb.selectFrom('team_members as lone').select('lone.user_id').whereRef('lone.user_id', '=', 'e.user_id'))))
    conditions.push(eb.or(parts))
  }
  return conditions
}

/** `column IN (ids)`, or `column IS NULL` too, as raw SQL: it applies wherever `w` and `cu` are joined, over entries or over their groups. */
function ownerIdCondition(column: RawBuilder<string | null>, ids: readonly (string | null)[]): Expression<SqlBool> {
  const values = present(ids)
  const parts: RawBuilder<SqlBool>[] = []
  if (values.length > 0) parts.push(sql<SqlBool>`${column} in (${sql.join(values)})`)
  if (ids.includes(null)) parts.push(sql<SqlBool>`${column} is null`)
  return parts.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/** The filters on what the time was booked against: conditions on work items `w` and customers `cu`. */
function ownerConditions(filters: EntryFilterPlan): Expression<SqlBool>[] {
  const { customerIds, organisations, contractIds } = filters
  const conditions: Expression<SqlBool>[] = []
  if (customerIds !== undefined) conditions.push(ownerIdCondition(workItemCustomer(), customerIds))
  if (organisations !== undefined) conditions.push(ownerIdCondition(customerOrganisation(), organisations))
  if (contractIds !== undefined) conditions.push(ownerIdCondition(workItemContract(), contractIds))
  return conditions
}

/**
 * The filters as conditions on live entries `e`, for the team's entries export. A
 * customer or contract filter needs work items joined as `w`, an organisation filter
 * customers as `cu` too (left joins, so that "(none)" keeps time without one); a team
 * filter needs team_members (the team server's).
 */
export function entryFilterConditions(eb: EntryBuilder, filters: EntryFilterPlan): Expression<SqlBool>[] {
  return [...entryOwnConditions(eb, filters), ...ownerConditions(filters)]
}

/**
 * The status condition, spelled as the shorter list: the usual "every status but voided"
 * as `status NOT IN ('voided')`, which SQLite tests with one comparison a row where an
 * IN list of four costs a look-up; every status at all, no condition.
 */
function statusCondition(eb: EntryBuilder, statuses: readonly EntryStatus[]): Expression<SqlBool> | null {
  const left = EntryStatusSchema.options.filter((status) => !statuses.includes(status))
  if (left.length === 0) return null
  return left.length < statuses.length ? eb('e.status', 'not in', left) : eb('e.status', 'in', [...statuses])
}

/** The people in any of `teams`, each once. */
async function membersOf(db: Kysely<TeamReportTables>, teams: readonly string[]): Promise<string[]> {
  if (teams.length === 0) return []
  const rows = await db.selectFrom('team_members').select('user_id').distinct().where('team_id', 'in', [...teams]).execute()
  return rows.map((row) => row.user_id)
}

const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/** The sums of entries `e` (named apart from the billable column, which a first statement may also select). */
function entrySums(eb: EntryBuilder) {
  return [
    eb.fn.sum<number>('e.rounded_seconds').as('total'),
    // billable is 0 or 1, so this sums the billable seconds without a CASE.
    eb.fn.sum<number>(eb('e.rounded_seconds', '*', eb.ref('e.billable'))).as('billable_seconds'),
    eb.fn.countAll<number>().as('entries'),
  ]
}

/** The sums of groups `g` already summed by entrySums. */
function groupSums() {
  return [sql<number>`sum(${sql.ref('g.total')})`.as('total'), sql<number>`sum(${sql.ref('g.billable_seconds')})`.as('billable_seconds'), sql<number>`sum(${sql.ref('g.entries')})`.as('entries')]
}

/** A column of what the entries were booked against, or of their people's teams: joined to the groups of entries. */
function joinedColumn(column: Exclude<SqlColumn, EntryColumn>): RawBuilder<string | null> {
  switch (column) {
    case 'customer':
      return workItemCustomer()
    case 'organisation':
      return customerOrganisation()
    case 'contract':
      return workItemContract()
    case 'team':
      return sql.ref<string | null>('tm.team_id')
  }
}

/**
 * The groups of live entries the plan asks for, with their sums; in no particular order.
 *
 * Entries are summed first, by their own columns alone; what they were booked against
 * (customer, contract, organisation) and their people's teams are joined to those few
 * thousand groups afterwards, not to each of a million entries. Joining per entry made a
 * year of a team by customer take 1.6× (SQLite) and 2.1× (PostgreSQL) as long as this.
 */
export async function aggregateEntries(db: Kysely<TeamReportTables>, plan: AggregatePlan): Promise<AggregateRow[]> {
  const { columns, customerIds, organisations, contractIds, teamIds } = plan
  // A filter of named teams becomes their members' ids, read first: PostgreSQL plans a
  // list of people as look-ups in (user_id, day), as it does for an approver's people,
  // where for the subquery it chose a parallel scan of the whole range, twice as slow.
  let { userIds } = plan
  let teamFilter: EntryFilterPlan['teamIds'] = teamIds
  if (teamIds !== undefined && !teamIds.includes(null)) {
    const members = await membersOf(db, present(teamIds))
    const scope = userIds === undefined ? undefined : new Set(userIds)
    userIds = scope === undefined ? members : members.filter((id) => scope.has(id))
    teamFilter = undefined
    if (userIds.length === 0) return []
  }
  const needsCustomers = columns.includes('organisation') || organisations !== undefined
  const needsWorkItems = needsCustomers || columns.includes('customer') || columns.includes('contract') || customerIds !== undefined || contractIds !== undefined
  const needsTeams = columns.includes('team')
  const joined = needsWorkItems || needsTeams

  // The entry columns the first statement groups by: those asked for, and the keys the joins need.
  const own = columns.filter(isEntryColumn)
  const entryColumns = new Set<EntryColumn>(own)
  if (needsWorkItems) entryColumns.add('workItem')
  if (needsTeams) entryColumns.add('user')
  const grouped = [...entryColumns]

  const entries = db
    .selectFrom('time_entries as e')
    .select((eb) => [...(joined ? grouped.map((column) => columnExpression(eb, column).as(ENTRY_COLUMNS[column])) : own.map((column, index) => columnExpression(eb, column).as(`k${index}`))), ...entrySums(eb)])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', plan.from)
    .where('e.day', '<=', plan.to)
    .$if(userIds !== undefined, (q) => q.where('e.user_id', 'in', [...(userIds ?? [])]))
    .where((eb) => eb.and([statusCondition(eb, plan.statuses), ...entryOwnConditions(eb, { ...plan, teamIds: teamFilter })].filter((condition) => condition !== null)))
    .$if(grouped.length > 0, (q) => q.groupBy((eb) => grouped.map((column) => columnExpression(eb, column))))

  let query
  if (!joined) {
    query = entries.$if(plan.limit !== undefined, (q) => q.limit(plan.limit ?? 0))
  } else {
    // Grouped by team, a person counts once in each of their teams (among the filtered ones);
    // a person in none is in the null group.
    const teamsShown = present(teamIds)
    const owners = ownerConditions(plan)
    const outerColumn = (column: SqlColumn) => (isEntryColumn(column) ? sql.ref<string | number | null>(`g.${ENTRY_COLUMNS[column]}`) : joinedColumn(column))
    query = db
      .selectFrom(entries.as('g'))
      .$if(needsWorkItems, (q) => q.leftJoin('work_items as w', (join) => join.on(sql<boolean>`${sql.ref('w.id')} = ${sql.ref('g.work_item_id')}`)))
      // Deleted customers keep their organisation: their time still counts, as their names do.
      .$if(needsCustomers, (q) => q.leftJoin('customers as cu', (join) => join.on(sql<boolean>`${sql.ref('cu.id')} = ${sql.ref('w.customer_id')}`)))
      .$if(needsTeams, (q) =>
        q.leftJoin('team_members as tm', (join) => {
          const onUser = join.on(sql<boolean>`${sql.ref('tm.user_id')} = ${sql.ref('g.user_id')}`)
          if (teamIds === undefined) return onUser
          // Only "no team" asked for: join nothing (team_id is never null), so everyone left is in the null group.
          return teamsShown.length > 0 ? onUser.on('tm.team_id', 'in', teamsShown) : onUser.on('tm.team_id', 'is', null)
        }),
      )
      .select([...columns.map((column, index) => outerColumn(column).as(`k${index}`)), ...groupSums()])
      .$if(owners.length > 0, (q) => q.where((eb) => eb.and(owners)))
      .$if(columns.length > 0, (q) => q.groupBy(columns.map(outerColumn)))
      .$if(plan.limit !== undefined, (q) => q.limit(plan.limit ?? 0))
  }

  const rows = (await query.execute()) as unknown as Record<string, unknown>[]
  const groups: AggregateRow[] = []
  for (const row of rows) {
    const count = toNumber(row['entries'])
    // Without GROUP BY an empty range still returns one row, of nulls.
    if (count === 0) continue
    groups.push({
      values: columns.map((column, index) => {
        const value = row[`k${index}`]
        if (value === null || value === undefined) return null
        if (column === 'billable') return Number(value)
        // Every other column is text; anything else would be a driver's surprise, kept readable.
        return typeof value === 'string' ? value : JSON.stringify(value)
      }),
      total: toNumber(row['total']),
      billable: toNumber(row['billable_seconds']),
      count,
    })
  }
  return groups
}
