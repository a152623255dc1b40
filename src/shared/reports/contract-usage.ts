// Contract usage for a month, the input of a billing run: per contract its included
// hours, the time booked on its work items, and the billable time beyond what it
// includes — with a warning from 80 % and 'over' from 100 %. Same engine, same scope
// rules as every report: the app sees one's own share, the server the team's.
import { refuse } from '../errors'
import { periodContaining } from '../periods'
import { ContractUsageQuerySchema, UNKNOWN_LABEL, contractUsageLevel, type ContractUsage, type ContractUsageQuery, type ContractUsageRow } from '../reports'
import { aggregateEntries } from './aggregate'
import { teamTables } from './engine'
import type { ReportScope, ReportStore } from './tables'

const CHUNK = 500
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

function parseContractUsageQuery(input: unknown): ContractUsageQuery {
  const parsed = ContractUsageQuerySchema.safeParse(input)
  if (parsed.success) return parsed.data
  throw refuse('invalid_request', 'refusal.contractUsage.notWorkedOut', { summary: [...new Set(parsed.error.issues.map((issue) => issue.message))].join(' ') })
}

/** Usage of every live contract (and of any other with time in the month) in `month` ('YYYY-MM'). */
export async function contractUsage(store: ReportStore, scope: ReportScope, month: string, options: { statuses?: ContractUsageQuery['statuses'] } = {}): Promise<ContractUsage> {
  const query = parseContractUsageQuery({ month, ...options })
  const { start: from, end: to } = periodContaining(`${query.month}-01`, { kind: 'monthly' })
  const db = teamTables(store)
  const nobody = scope.userIds !== undefined && scope.userIds.length === 0

  const used = new Map<string, { total: number; billable: number; count: number }>()
  const groups = nobody ? [] : await aggregateEntries(db, { from, to, columns: ['contract'], statuses: query.statuses, userIds: scope.userIds })
  for (const group of groups) {
    const id = group.values[0]
    if (typeof id === 'string') used.set(id, { total: group.total, billable: group.billable, count: group.count })
  }

  const contractColumns = ['c.id', 'c.name', 'c.customer_id', 'c.included_minutes', 'cu.name as customer_name'] as const
  const contracts = await db
    .selectFrom('contracts as c')
    .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(contractColumns)
    .where('c.deleted_at', 'is', null)
    .execute()
  // Deleted contracts still bill the time booked on them this month.
  const listed = new Set(contracts.map((contract) => contract.id))
  const missing = [...used.keys()].filter((id) => !listed.has(id))
  for (let start = 0; start < missing.length; start += CHUNK) {
    contracts.push(
      ...(await db
        .selectFrom('contracts as c')
        .leftJoin('customers as cu', 'cu.id', 'c.customer_id')
        .select(contractColumns)
        .where('c.id', 'in', missing.slice(start, start + CHUNK))
        .execute()),
    )
  }

  const rows = contracts.map((contract): ContractUsageRow => {
    const usage = used.get(contract.id) ?? { total: 0, billable: 0, count: 0 }
    const included = contract.included_minutes === null ? null : contract.included_minutes * 60
    return {
      contractId: contract.id,
      contractName: contract.name,
      customerId: contract.customer_id,
      customerName: contract.customer_name ?? UNKNOWN_LABEL,
      includedSeconds: included,
      usedSeconds: usage.total,
      billableSeconds: usage.billable,
      nonBillableSeconds: usage.total - usage.billable,
      entryCount: usage.count,
      beyondIncludedSeconds: included === null ? null : Math.max(0, usage.billable - included),
      share: included === null || included === 0 ? null : usage.billable / included,
      level: contractUsageLevel(usage.billable, included),
    }
  })
  rows.sort((a, b) => collator.compare(a.customerName, b.customerName) || collator.compare(a.contractName, b.contractName) || (a.contractId < b.contractId ? -1 : 1))
  return { month: query.month, from, to, statuses: query.statuses, contracts: rows }
}
