// The billing run's arithmetic, pure: from the entries of a closed range to bills per
// customer. Only approved, billable time with a customer is billed; everything else is
// listed apart with the reason it was left out, so an empty bill explains itself. Per
// entry, in this order:
//   1. the overlap rule (the contract's, else the organisation's) decides the billable part
//      of time other billable timers of the same person also covered;
//   2. billing rounding (the contract's, else the organisation's) and its minimum charge;
//   3. the contract's included hours cover the earliest billed work first, at no charge;
//   4. what is beyond them is split into rate classes by the local time the work was done
//      (in proportion to the runs' time; time typed as a duration is normal time);
//   5. the rate (contract, customer, activity type) and the class make the amount.
// Bill lines sum seconds per customer, grouping, class and rate, and are priced once per
// line, in integers.
import { roundForBilling, type BillingRounding } from './billing-rounding'
import { amountFor } from './money'
import { applyOverlapRule, type OverlapRule } from './overlap-rule'
import { RATE_CLASSES, rateClassTotals, type RateCalendar, type RateClass } from './rate-classes'
import { resolveRate, type RateCard, type RateSource } from './rates'
import { shareOut } from './share-out'

export interface RunEntry {
  id: string
  personId: string
  day: string
  /** The zone the entry's runs were recorded in. */
  zone: string
  workItemId: string | null
  customerId: string | null
  contractId: string | null
  activityTypeId: string | null
  billable: boolean
  approved: boolean
  /** Approved time an admin voided since: left out as 'voided', not as merely not approved. */
  voided?: boolean
  /** Raw seconds of the entry. */
  seconds: number
  /** Its timer runs; empty for time typed as a duration. `marked`: this run was the primary timer's (else the entry's `primary` says). */
  runs: readonly { startedAt: number; endedAt: number; marked?: boolean }[]
  /** The technician marked this entry's timer as the primary one. */
  primary?: boolean
}

export interface RunContract {
  id: string
  /** Seconds the contract includes in the range; what is billed beyond them is charged. */
  includedSeconds: number
  overlapRule?: OverlapRule | undefined
  rounding?: BillingRounding | undefined
}

export interface RunSettings {
  overlapRule: OverlapRule
  rounding: BillingRounding
  calendar: RateCalendar
  card: RateCard
  groupBy: 'contract' | 'workItem' | 'activityType'
}

export type LeftOutReason = 'notApproved' | 'voided' | 'notBillable' | 'noCustomer' | 'noRate'

export interface LeftOut {
  entryId: string
  reason: LeftOutReason
  seconds: number
}

export interface BillLine {
  customerId: string
  /** The contract, work item or activity type id the line groups by (null: none). */
  group: string | null
  rateClass: RateClass
  /** Seconds charged on this line (beyond included hours). */
  seconds: number
  hourlyMinor: number
  multiplierBp: number
  source: RateSource
  amountMinor: number
  entryIds: string[]
}

export interface CustomerBill {
  customerId: string
  lines: BillLine[]
  /** Billed seconds the contracts' included hours covered, at no charge. */
  includedSeconds: number
  totalMinor: number
}

export interface BillingRunResult {
  currency: string
  bills: CustomerBill[]
  leftOut: LeftOut[]
  /** Per billed entry: raw, overlapped, after the overlap rule, billed (rounded), covered by included hours. */
  entries: Map<string, { customerId: string; rawSeconds: number; overlappedSeconds: number; billableSeconds: number; billedSeconds: number; includedSeconds: number }>
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

export function runBilling(all: readonly RunEntry[], contracts: readonly RunContract[], settings: RunSettings): BillingRunResult {
  const leftOut: LeftOut[] = []
  const billed: RunEntry[] = []
  for (const entry of all) {
    const reason: LeftOutReason | null = entry.voided === true ? 'voided' : !entry.approved ? 'notApproved' : !entry.billable ? 'notBillable' : entry.customerId === null ? 'noCustomer' : null
    if (reason) leftOut.push({ entryId: entry.id, reason, seconds: entry.seconds })
    else billed.push(entry)
  }
  const contractOf = new Map(contracts.map((c) => [c.id, c]))
  const ruleOf = (entry: RunEntry) => (entry.contractId !== null ? contractOf.get(entry.contractId)?.overlapRule : undefined) ?? settings.overlapRule

  // 1. The overlap rule, per person, over the billable entries' runs.
  const billableSeconds = new Map<string, number>()
  const overlapped = new Map<string, number>()
  const byPerson = groupBy(billed, (e) => e.personId)
  for (const entries of byPerson.values()) {
    const runs = entries.flatMap((e) => e.runs.map((r) => ({ entryId: e.id, startedAt: r.startedAt, endedAt: r.endedAt, marked: r.marked ?? e.primary === true })))
    const results = new Map<OverlapRule, ReturnType<typeof applyOverlapRule>>()
    for (const entry of entries) {
      const rule = ruleOf(entry)
      if (!results.has(rule)) results.set(rule, applyOverlapRule(runs, rule))
      const result = results.get(rule)?.get(entry.id)
      // Time typed as a duration has no runs: it overlaps nothing that can be seen.
      billableSeconds.set(entry.id, result ? Math.floor((entry.seconds * result.billableMs) / Math.max(1, result.rawMs)) : entry.seconds)
      overlapped.set(entry.id, result ? Math.floor(result.overlappedMs / 1000) : 0)
    }
  }

  // 2. Billing rounding, by the policy each entry's contract sets.
  const policyKey = (e: RunEntry) => (e.contractId !== null && contractOf.get(e.contractId)?.rounding ? e.contractId : '')
  const rounded = new Map<string, number>()
  for (const [key, entries] of groupBy(billed, policyKey)) {
    const policy = (key !== '' ? contractOf.get(key)?.rounding : undefined) ?? settings.rounding
    const items = entries.map((e) => ({ entryId: e.id, workItemId: e.workItemId, day: e.day, seconds: billableSeconds.get(e.id) ?? 0 }))
    for (const [id, seconds] of roundForBilling(items, policy)) rounded.set(id, seconds)
  }

  // 3. Included hours cover the earliest billed work of each contract first.
  const covered = new Map<string, number>()
  const firstStart = (e: RunEntry) => Math.min(...e.runs.map((r) => r.startedAt), Number.POSITIVE_INFINITY)
  const chronological = [...billed].sort((a, b) => a.day.localeCompare(b.day) || firstStart(a) - firstStart(b) || a.id.localeCompare(b.id))
  const left = new Map(contracts.map((c) => [c.id, Math.max(0, c.includedSeconds)]))
  for (const entry of chronological) {
    const available = entry.contractId !== null ? (left.get(entry.contractId) ?? 0) : 0
    const take = Math.min(available, rounded.get(entry.id) ?? 0)
    covered.set(entry.id, take)
    if (entry.contractId !== null && take > 0) left.set(entry.contractId, available - take)
  }

  // 4 and 5. What is beyond, by rate class, priced per line.
  const lines = new Map<string, BillLine>()
  const noRate = new Set<string>()
  for (const entry of chronological) {
    const charged = (rounded.get(entry.id) ?? 0) - (covered.get(entry.id) ?? 0)
    if (charged <= 0) continue
    const shares = classShares(entry, charged, settings.calendar)
    const priced = shares.map(([rateClass, seconds]) => ({ rateClass, seconds, rate: resolveRate(settings.card, { ...entry, rateClass }) }))
    if (priced.some((p) => p.rate === null)) {
      noRate.add(entry.id)
      continue
    }
    const group = settings.groupBy === 'contract' ? entry.contractId : settings.groupBy === 'workItem' ? entry.workItemId : entry.activityTypeId
    for (const { rateClass, seconds, rate } of priced) {
      if (!rate || seconds === 0) continue
      const key = [entry.customerId, group, rateClass, rate.hourlyMinor, rate.multiplierBp, rate.source].join('\u0000')
      const line = lines.get(key) ?? { customerId: entry.customerId ?? '', group, rateClass, seconds: 0, hourlyMinor: rate.hourlyMinor, multiplierBp: rate.multiplierBp, source: rate.source, amountMinor: 0, entryIds: [] }
      line.seconds += seconds
      if (!line.entryIds.includes(entry.id)) line.entryIds.push(entry.id)
      lines.set(key, line)
    }
  }
  for (const id of noRate) leftOut.push({ entryId: id, reason: 'noRate', seconds: billed.find((e) => e.id === id)?.seconds ?? 0 })

  const bills = new Map<string, CustomerBill>()
  const bill = (customerId: string): CustomerBill => {
    const found = bills.get(customerId) ?? { customerId, lines: [], includedSeconds: 0, totalMinor: 0 }
    bills.set(customerId, found)
    return found
  }
  for (const line of lines.values()) {
    line.amountMinor = amountFor(line.seconds, line.hourlyMinor, line.multiplierBp)
    const b = bill(line.customerId)
    b.lines.push(line)
    b.totalMinor += line.amountMinor
  }
  for (const entry of billed) if (!noRate.has(entry.id) && entry.customerId !== null) bill(entry.customerId).includedSeconds += covered.get(entry.id) ?? 0

  const entries: BillingRunResult['entries'] = new Map()
  for (const entry of billed) {
    if (noRate.has(entry.id)) continue
    entries.set(entry.id, { customerId: entry.customerId ?? '', rawSeconds: entry.seconds, overlappedSeconds: overlapped.get(entry.id) ?? 0, billableSeconds: billableSeconds.get(entry.id) ?? 0, billedSeconds: rounded.get(entry.id) ?? 0, includedSeconds: covered.get(entry.id) ?? 0 })
  }
  return { currency: settings.card.currency, bills: [...bills.values()].sort((a, b) => a.customerId.localeCompare(b.customerId)), leftOut, entries }
}

/** `seconds` over the entry's rate classes in proportion to its runs' time in each (whole seconds, largest remainder, then class order). */
function classShares(entry: RunEntry, seconds: number, calendar: RateCalendar): [RateClass, number][] {
  const totals: Record<RateClass, number> = { normal: 0, afterHours: 0, weekend: 0, holiday: 0 }
  for (const run of entry.runs) {
    const part = rateClassTotals(run.startedAt, run.endedAt, entry.zone, calendar)
    for (const c of RATE_CLASSES) totals[c] += part[c]
  }
  const all = RATE_CLASSES.reduce((sum, c) => sum + totals[c], 0)
  if (all === 0) return [['normal', seconds]]
  const shares = shareOut(seconds, RATE_CLASSES.map((c) => totals[c]))
  return RATE_CLASSES.map((c, i): [RateClass, number] => [c, shares[i] ?? 0]).filter(([, s]) => s > 0)
}
