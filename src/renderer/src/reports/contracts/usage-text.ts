// How a contract's use of its included hours reads: on its usage bar, beside it, and in
// the alert when it passes 80 % or 100 %. One place, so the panel and the alert agree.
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { ContractUsageLevel } from '@shared/reports'
import { monthLabel, spokenHours, wholePercent } from '../month/month-nav'

/** Billable time as whole percent of the included hours (any billable time on zero included hours is 100 %). */
export function usagePercent(billableSeconds: number, includedSeconds: number): number {
  if (includedSeconds <= 0) return billableSeconds > 0 ? 100 : 0
  return wholePercent(billableSeconds / includedSeconds)
}

/** The meter's spoken value: "32 h of 40 h, 80 %", and how far over when it is. */
export function meterText(billableSeconds: number, includedSeconds: number): string {
  const percent = usagePercent(billableSeconds, includedSeconds)
  const base = `${spokenHours(billableSeconds)} of ${spokenHours(includedSeconds)}, ${percent} %`
  return billableSeconds > includedSeconds ? `${base}, over by ${spokenHours(billableSeconds - includedSeconds)}` : base
}

/** The words beside the bar, which carry the level without its colour. */
export function levelText(level: ContractUsageLevel, billableSeconds: number, includedSeconds: number, unit: DurationUnit): string {
  if (level === 'over') {
    const beyond = billableSeconds - includedSeconds
    return beyond > 0 ? `Over by ${formatDuration(beyond, unit)}` : 'All included hours used'
  }
  return `${usagePercent(billableSeconds, includedSeconds)} % used`
}

/** "40 included hours", "1 included hour", "32 h 30 min of included time". */
export function includedPhrase(includedSeconds: number): string {
  if (includedSeconds % 3600 !== 0) return `${spokenHours(includedSeconds)} of included time`
  const hours = includedSeconds / 3600
  return `${hours} included ${hours === 1 ? 'hour' : 'hours'}`
}

/** "this month", or "in October 2026" for an alert about another month. */
export function monthPhrase(month: string, currentMonth: string): string {
  return month === currentMonth ? 'this month' : `in ${monthLabel(month)}`
}

export interface UsageAlertFacts {
  month: string
  contractName: string
  customerName: string
  level: 'warning' | 'over'
  includedSeconds: number
  billableSeconds: number
}

/** "Acme · Support 2026", as the contract is named everywhere in the app. */
export const contractLabel = (alert: Pick<UsageAlertFacts, 'customerName' | 'contractName'>) => `${alert.customerName} · ${alert.contractName}`

/** The alert's sentence: "Acme · Support 2026 has used 80 % of its 40 included hours this month." */
export function alertSentence(alert: UsageAlertFacts, currentMonth: string, unit: DurationUnit): string {
  const when = monthPhrase(alert.month, currentMonth)
  const name = contractLabel(alert)
  if (alert.level === 'over') {
    const beyond = alert.billableSeconds - alert.includedSeconds
    return beyond > 0
      ? `${name} is over its included hours ${when}: ${formatDuration(beyond, unit)} beyond its ${includedPhrase(alert.includedSeconds)}.`
      : `${name} has used all of its ${includedPhrase(alert.includedSeconds)} ${when}.`
  }
  return `${name} has used ${usagePercent(alert.billableSeconds, alert.includedSeconds)} % of its ${includedPhrase(alert.includedSeconds)} ${when}.`
}
