// How a contract's use of its included hours reads: on its usage bar, beside it, and in
// the alert when it passes 80 % or 100 %. One place, so the panel and the alert agree;
// in the window's language (English without a translator, as the tests of its wording use it).
import { formatDuration, type DurationUnit } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import type { ContractUsageLevel } from '@shared/reports'
import { monthLabel, spokenHours, wholePercent } from '../month/month-nav'

type T = Pick<Translator, 't' | 'locale'>

/** Billable time as whole percent of the included hours (any billable time on zero included hours is 100 %). */
export function usagePercent(billableSeconds: number, includedSeconds: number): number {
  if (includedSeconds <= 0) return billableSeconds > 0 ? 100 : 0
  return wholePercent(billableSeconds / includedSeconds)
}

/** The meter's spoken value: "32 h of 40 h, 80 %", and how far over when it is. */
export function meterText(billableSeconds: number, includedSeconds: number, translator: T = ENGLISH): string {
  const { t } = translator
  const values = { used: spokenHours(billableSeconds, translator), included: spokenHours(includedSeconds, translator), percent: usagePercent(billableSeconds, includedSeconds) }
  return billableSeconds > includedSeconds ? t('reports.usage.meterOver', { ...values, over: spokenHours(billableSeconds - includedSeconds, translator) }) : t('reports.usage.meter', values)
}

/** The words beside the bar, which carry the level without its colour. */
export function levelText(level: ContractUsageLevel, billableSeconds: number, includedSeconds: number, unit: DurationUnit, { t, locale }: T = ENGLISH): string {
  if (level === 'over') {
    const beyond = billableSeconds - includedSeconds
    return beyond > 0 ? t('reports.usage.overBy', { duration: formatDuration(beyond, unit, locale) }) : t('reports.usage.allUsed')
  }
  return t('reports.usage.percentUsed', { percent: usagePercent(billableSeconds, includedSeconds) })
}

/** "40 included hours", "1 included hour", "32 h 30 min of included time". */
export function includedPhrase(includedSeconds: number, translator: T = ENGLISH): string {
  if (includedSeconds % 3600 !== 0) return translator.t('reports.usage.includedTime', { time: spokenHours(includedSeconds, translator) })
  return translator.t('reports.usage.includedHours', { hours: includedSeconds / 3600 })
}

/** "this month", or "in October 2026" for an alert about another month. */
export function monthPhrase(month: string, currentMonth: string, { t, locale }: T = ENGLISH): string {
  return month === currentMonth ? t('reports.usage.thisMonth') : t('reports.usage.inMonth', { month: monthLabel(month, locale) })
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
export function alertSentence(alert: UsageAlertFacts, currentMonth: string, unit: DurationUnit, translator: T = ENGLISH): string {
  const { t, locale } = translator
  const values = { name: contractLabel(alert), when: monthPhrase(alert.month, currentMonth, translator), included: includedPhrase(alert.includedSeconds, translator) }
  if (alert.level === 'over') {
    const beyond = alert.billableSeconds - alert.includedSeconds
    return beyond > 0 ? t('reports.usage.alertOver', { ...values, beyond: formatDuration(beyond, unit, locale) }) : t('reports.usage.alertAllUsed', values)
  }
  return t('reports.usage.alertNear', { ...values, percent: usagePercent(alert.billableSeconds, alert.includedSeconds) })
}
