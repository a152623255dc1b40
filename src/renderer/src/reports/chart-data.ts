// The numbers behind the report's charts, apart from the drawing: every bar of the range
// (days, weeks or months with no time too, so gaps show), the expected hours of each,
// the shares of the largest groups, and round axis steps.
import { formatMonth } from '@shared/i18n/formats'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { daysOf, periodContaining, weekdayOf } from '@shared/periods'
import type { ReportRow } from '@shared/reports'
import { chartDayShort, chartMonthShort, chartWeekShort, dayWithYear, keyLabel } from './report-text'

export interface HoursBar {
  /** The engine's id of the span: the day, the week's first day, or 'YYYY-MM'. */
  id: string
  /** Under the bar: "Mon 16", "16 Nov", "Nov 2026". */
  short: string
  /** In sentences and the data table: "Mon 16 Nov 2026", "Week of 16 Nov 2026", "November 2026". */
  long: string
  billableSeconds: number
  nonBillableSeconds: number
  /** Null when no expected hours are known (no settings). */
  expectedSeconds: number | null
}

/**
 * One bar per span of `bucket` that the range touches, in order, with the time of the
 * report rows grouped by that bucket alone. Expected time counts only the range's own
 * days (a week cut by the range expects less), times the people the report covers.
 */
export function hoursBars(
  rows: readonly ReportRow[],
  range: { from: string; to: string },
  bucket: 'day' | 'week' | 'month',
  weekStartsOn: number,
  expectedPerWeekday: readonly number[] | null,
  people: number,
  translator: Pick<Translator, 't' | 'locale'> = ENGLISH,
): HoursBar[] {
  const { locale } = translator
  const byId = new Map(rows.map((row) => [row.keys[0]?.id ?? '', row]))
  const bars: HoursBar[] = []
  const index = new Map<string, HoursBar>()
  for (const day of daysOf({ start: range.from, end: range.to })) {
    const id = bucket === 'day' ? day : bucket === 'week' ? periodContaining(day, { kind: 'weekly', weekStartsOn: weekStartsOn as 0 }).start : day.slice(0, 7)
    let bar = index.get(id)
    if (!bar) {
      const row = byId.get(id)
      const first = bucket === 'month' ? `${id}-01` : id
      bar = {
        id,
        short: bucket === 'day' ? chartDayShort(first, locale) : bucket === 'week' ? chartWeekShort(first, locale) : chartMonthShort(first, locale),
        long: bucket === 'day' ? dayWithYear(first, locale) : bucket === 'week' ? keyLabel(translator, { dimension: 'week', id, label: id }) : formatMonth(id, locale),
        billableSeconds: row?.billableSeconds ?? 0,
        nonBillableSeconds: row?.nonBillableSeconds ?? 0,
        expectedSeconds: expectedPerWeekday ? 0 : null,
      }
      index.set(id, bar)
      bars.push(bar)
    }
    if (expectedPerWeekday && bar.expectedSeconds !== null) bar.expectedSeconds += (expectedPerWeekday[weekdayOf(day)] ?? 0) * people
  }
  return bars
}

export interface ShareBar {
  /** The group's id ("(none)" has null); "other" for the rest folded together. */
  id: string | null
  label: string
  totalSeconds: number
  billableSeconds: number
  nonBillableSeconds: number
  /** Share of all the time in the chart, 0–1. */
  share: number
  other: boolean
}

/** The largest `limit` groups by time, the rest folded into one "Other" bar, each with its share. */
export function shareBars(rows: readonly ReportRow[], limit = 8, translator: Pick<Translator, 't' | 'locale'> = ENGLISH): ShareBar[] {
  const total = rows.reduce((sum, row) => sum + row.totalSeconds, 0)
  if (total === 0) return []
  const sorted = [...rows].filter((row) => row.totalSeconds > 0).sort((a, b) => b.totalSeconds - a.totalSeconds)
  const shown = sorted.length > limit ? sorted.slice(0, limit - 1) : sorted
  const rest = sorted.slice(shown.length)
  const bars: ShareBar[] = shown.map((row) => ({
    id: row.keys[0]?.id ?? null,
    label: row.keys[0] === undefined ? '' : keyLabel(translator, row.keys[0]),
    totalSeconds: row.totalSeconds,
    billableSeconds: row.billableSeconds,
    nonBillableSeconds: row.nonBillableSeconds,
    share: row.totalSeconds / total,
    other: false,
  }))
  if (rest.length > 0) {
    const sum = (pick: (row: ReportRow) => number) => rest.reduce((s, row) => s + pick(row), 0)
    const restTotal = sum((row) => row.totalSeconds)
    bars.push({
      id: 'other',
      label: translator.t('reports.chart.other', { count: rest.length }),
      totalSeconds: restTotal,
      billableSeconds: sum((row) => row.billableSeconds),
      nonBillableSeconds: sum((row) => row.nonBillableSeconds),
      share: restTotal / total,
      other: true,
    })
  }
  return bars
}

/** A round step for an axis up to `maxHours` with about `ticks` lines: 1, 2, 5, 10, 20, 50… hours. */
export function axisStep(maxHours: number, ticks = 4): number {
  if (maxHours <= 0) return 1
  const raw = maxHours / ticks
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude
  return Math.max(step, 0.5)
}

/** "37 %" for a share 0–1; below one percent "<1 %" so a sliver is not called nothing. */
export function percentText(share: number): string {
  if (share > 0 && share < 0.005) return '<1 %'
  return `${Math.round(share * 100)} %`
}

/** Hours for sentences: "8 h", "7.5 h" / "7,5 Std.". */
export function hoursText(seconds: number, translator: Pick<Translator, 't'> = ENGLISH): string {
  return translator.t('reports.hours', { hours: Math.round((seconds / 3600) * 10) / 10 })
}
