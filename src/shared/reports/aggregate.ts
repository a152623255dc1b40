// The one SQL statement behind every report: live entries of a range, filtered, grouped
// and summed by the database. Written with Kysely's builder and functions both SQLite
// and PostgreSQL have (substr, sum, count, IN, EXISTS), so one statement serves both.
import { sql, type AliasableExpression, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely'
import type { EntryStatus } from '../entries'
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

function columnExpression(eb: EntryBuilder, column: SqlColumn): AliasableExpression<string | number | null> {
  switch (column) {
    case 'day':
      return eb.ref('e.day')
    case 'month':
      // Literals, not parameters: PostgreSQL only matches a SELECT expression to its
      // GROUP BY twin when both read the same, and $1 is not $4.
      return eb.fn<string>('substr', [eb.ref('e.day'), sql.lit(1), sql.lit(7)])
    case 'customer':
      return workItemCustomer()
    case 'organisation':
      return customerOrganisation()
    case 'contract':
      return workItemContract()
    case 'workItem':
      return eb.ref('e.work_item_id')
    case 'activityType':
      return eb.ref('e.activity_type_id')
    case 'user':
      return eb.ref('e.user_id')
    case 'team':
      return sql.ref<string | null>('tm.team_id')
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

/**
 * The filters as conditions on live entries `e`, for the report's one statement and for
 * the team's entries export alike. A customer or contract filter needs work items joined
 * as `w`, an organisation filter customers as `cu` too (left joins, so that "(none)"
 * keeps time without one); a team filter needs team_members (the team server's).
 */
export function entryFilterConditions(eb: EntryBuilder, filters: EntryFilterPlan): Expression<SqlBool>[] {
  const { customerIds, organisations, contractIds, workItemIds, activityTypeIds, teamIds, billable } = filters
  const conditions: Expression<SqlBool>[] = []
  if (workItemIds !== undefined) conditions.push(idCondition(eb, eb.ref('e.work_item_id'), workItemIds))
  if (activityTypeIds !== undefined) conditions.push(idCondition(eb, eb.ref('e.activity_type_id'), activityTypeIds))
  if (customerIds !== undefined) conditions.push(idCondition(eb, workItemCustomer(), customerIds))
  if (organisations !== undefined) conditions.push(idCondition(eb, customerOrganisation(), organisations))
  if (contractIds !== undefined) conditions.push(idCondition(eb, workItemContract(), contractIds))
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

const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/** The groups of live entries the plan asks for, with their sums; in no particular order. */
export async function aggregateEntries(db: Kysely<TeamReportTables>, plan: AggregatePlan): Promise<AggregateRow[]> {
  const { columns, customerIds, organisations, contractIds, teamIds, userIds } = plan
  const needsCustomers = columns.includes('organisation') || organisations !== undefined
  const needsWorkItems = needsCustomers || columns.includes('customer') || columns.includes('contract') || customerIds !== undefined || contractIds !== undefined
  // Grouped by team, a person counts once in each of their teams (among the filtered ones);
  // a person in none is in the null group.
  const teamsShown = present(teamIds)
  const query = db
    .selectFrom('time_entries as e')
    .$if(needsWorkItems, (q) => q.leftJoin('work_items as w', 'w.id', 'e.work_item_id'))
    // Deleted customers keep their organisation: their time still counts, as their names do.
    .$if(needsCustomers, (q) => q.leftJoin('customers as cu', (join) => join.on(sql<boolean>`${sql.ref('cu.id')} = ${sql.ref('w.customer_id')}`)))
    .$if(columns.includes('team'), (q) =>
      q.leftJoin('team_members as tm', (join) => {
        const onUser = join.onRef('tm.user_id', '=', 'e.user_id')
        if (teamIds === undefined) return onUser
        // Only "no team" asked for: join nothing (team_id is never null), so everyone left is in the null group.
        return teamsShown.length > 0 ? onUser.on('tm.team_id', 'in', teamsShown) : onUser.on('tm.team_id', 'is', null)
      }),
    )
    .select((eb) => [
      ...columns.map((column, index) => columnExpression(eb, column).as(`k${index}`)),
      eb.fn.sum<number>('e.rounded_seconds').as('total'),
      // billable is 0 or 1, so this sums the billable seconds without a CASE.
      eb.fn.sum<number>(eb('e.rounded_seconds', '*', eb.ref('e.billable'))).as('billable'),
      eb.fn.countAll<number>().as('entries'),
    ])
    .where('e.deleted_at', 'is', null)
    .where('e.day', '>=', plan.from)
    .where('e.day', '<=', plan.to)
    .where('e.status', 'in', [...plan.statuses])
    .$if(userIds !== undefined, (q) => q.where('e.user_id', 'in', [...(userIds ?? [])]))
    .where((eb) => eb.and(entryFilterConditions(eb, plan)))
    .$if(columns.length > 0, (q) => q.groupBy((eb) => columns.map((column) => columnExpression(eb, column))))
    .$if(plan.limit !== undefined, (q) => q.limit(plan.limit ?? 0))

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
      billable: toNumber(row['billable']),
      count,
    })
  }
  return groups
}
