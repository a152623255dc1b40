// How the Reports view writes what the engine answers, in the window's language: the
// names of groups (days, weeks and months in the locale; "No customer", "(none)",
// statuses and billable from the catalogue; customers and work items as named), the
// names of the dimensions, and ranges of days. The engine's own labels stay English for
// CSV; only what is shown is translated here.
import { dayRangeLabel, isValidDay } from '@shared/periods'
import { formatDayMedium, formatDayShort, formatDayWith, formatMonth, formatWeekdayDay } from '@shared/i18n/formats'
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'
import type { EntryStatus } from '@shared/entries'
import { MAX_REPORT_DAYS, UNKNOWN_LABEL, reportRangeDays, type ReportDimension, type ReportKey } from '@shared/reports'
import { BILLABLE_ID } from '@shared/reports/labels'

type T = Pick<Translator, 't' | 'locale'>

/** Each dimension as a sentence names it: "customer" / "Kunde". */
const DIMENSION_IDS: Readonly<Record<ReportDimension, MessageId>> = {
  day: 'reports.dimension.day',
  week: 'reports.dimension.week',
  month: 'reports.dimension.month',
  customer: 'reports.dimension.customer',
  organisation: 'reports.dimension.organisation',
  contract: 'reports.dimension.contract',
  workItem: 'reports.dimension.workItem',
  activityType: 'reports.dimension.activityType',
  user: 'reports.dimension.user',
  team: 'reports.dimension.team',
  status: 'reports.dimension.status',
  billable: 'reports.dimension.billable',
}

/** The plural of the dimensions a list filter picks from: "customers" / "Kunden". */
const PLURAL_IDS: Partial<Readonly<Record<ReportDimension, MessageId>>> = {
  customer: 'reports.plural.customer',
  organisation: 'reports.plural.organisation',
  contract: 'reports.plural.contract',
  workItem: 'reports.plural.workItem',
  activityType: 'reports.plural.activityType',
  user: 'reports.plural.user',
  team: 'reports.plural.team',
}

export const STATUS_IDS: Readonly<Record<EntryStatus, MessageId>> = {
  draft: 'reports.status.draft',
  submitted: 'reports.status.submitted',
  approved: 'reports.status.approved',
  rejected: 'reports.status.rejected',
  voided: 'reports.status.voided',
}

/** Statuses inside a sentence ("Statuses: draft, submitted"): lower case where the language writes them so. */
export const STATUS_WORD_IDS: Readonly<Record<EntryStatus, MessageId>> = {
  draft: 'reports.statusWord.draft',
  submitted: 'reports.statusWord.submitted',
  approved: 'reports.statusWord.approved',
  rejected: 'reports.statusWord.rejected',
  voided: 'reports.statusWord.voided',
}

export const capitalised = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)

export function dimensionName({ t }: Pick<Translator, 't'>, dimension: ReportDimension): string {
  return t(DIMENSION_IDS[dimension])
}

export function dimensionPlural(translator: Pick<Translator, 't'>, dimension: ReportDimension): string {
  const id = PLURAL_IDS[dimension]
  return id === undefined ? dimensionName(translator, dimension) : translator.t(id)
}

/** The group of time that has none of `dimension`: "No customer", "(no organisation)", else "(none)". */
export function noneLabel({ t }: Pick<Translator, 't'>, dimension: ReportDimension): string {
  if (dimension === 'customer') return t('work.noCustomer')
  if (dimension === 'organisation') return t('reports.noOrganisation')
  return t('reports.none')
}

/** '2025-03-03' → "Mon 3 Mar 2025" / "Mo., 3. März 2025". */
export function dayWithYear(day: string, locale: string): string {
  return `${formatDayShort(day, locale)} ${day.slice(0, 4).replace(/^0+/, '')}`
}

/** "16–22 Nov 2026" / "16.–22. Nov. 2026". */
export function rangeText(from: string, to: string, locale: string): string {
  // English keeps the periods' own words (the grid's); other languages take Intl's range.
  if (locale.startsWith('en') || !isValidDay(from) || !isValidDay(to)) return dayRangeLabel({ start: from, end: to })
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
  return format.formatRange(new Date(`${from}T12:00:00Z`), new Date(`${to}T12:00:00Z`))
}

/** A group's name as people read it (see the file's head). */
export function keyLabel(translator: T, key: ReportKey): string {
  const { t, locale } = translator
  if (key.id === null) return noneLabel(translator, key.dimension)
  switch (key.dimension) {
    case 'day':
      return isValidDay(key.id) ? dayWithYear(key.id, locale) : key.label
    case 'month':
      return formatMonth(key.id, locale)
    case 'week':
      return isValidDay(key.id) ? t('reports.weekOf', { day: formatDayMedium(key.id, locale) }) : key.label
    case 'status':
      return key.id in STATUS_IDS ? t(STATUS_IDS[key.id as EntryStatus]) : key.label
    case 'billable':
      return key.id === BILLABLE_ID ? t('reports.billable') : t('reports.nonBillable')
    default:
      return key.label === UNKNOWN_LABEL ? t('reports.unknown') : key.label
  }
}

/** Short day and month labels of the hours chart: "Mon 3" / "Mo 3.", "3 Mar" / "3. März", "Mar 25" / "März 25". */
export function chartDayShort(day: string, locale: string): string {
  return formatWeekdayDay(day, locale)
}
export function chartWeekShort(day: string, locale: string): string {
  return formatDayWith(day, locale, { day: 'numeric', month: 'short' })
}
export function chartMonthShort(day: string, locale: string): string {
  return formatDayWith(day, locale, { month: 'short', year: '2-digit' })
}

/**
 * What is wrong with a custom range, in the window's language: the problems a person can
 * make with the two date fields. Anything else (a hand-edited address) keeps the
 * engine's own sentence, `fallback`.
 */
export function rangeProblemText(translator: T, from: string, to: string, fallback: string): string {
  const { t, locale } = translator
  // English keeps the ISO days the engine writes; other languages read their own dates.
  const shown = (day: string) => (locale.startsWith('en') ? day : formatDayMedium(day, locale))
  if (from.trim() === '') return t('reports.problem.noFrom')
  if (to.trim() === '') return t('reports.problem.noTo')
  if (!isValidDay(from) || !isValidDay(to)) return fallback
  if (to < from) return t('reports.problem.order', { from: shown(from), to: shown(to) })
  const days = reportRangeDays(from, to)
  if (days > MAX_REPORT_DAYS) return t('reports.problem.tooLong', { max: MAX_REPORT_DAYS, from: shown(from), to: shown(to), days })
  return fallback
}
