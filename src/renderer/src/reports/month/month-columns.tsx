// The columns of each month view: what a helpdesk reads in a month of accounted time,
// durations in the person's display unit, days and instants written out.
import { formatDuration as format, type DurationUnit } from '@shared/duration'
import type { MonthCustomerRow, MonthEntryRow, MonthOrganisationRow, MonthTicketRow } from '@shared/month-views'
import type { Translator } from '@shared/i18n/translator'
import type { ReportSums } from '@shared/reports'
import { SELF_ACTOR } from '@shared/timesheet'
import { noneLabel } from '../report-text'
import { dayLabel, instantLabel } from './month-nav'
import { Clipped, NoValue, type MonthColumn } from './MonthTable'

type T = Pick<Translator, 't' | 'locale'>

const text = (value: string | null) => (value === null || value === '' ? <NoValue /> : <Clipped text={value} />)
const reference = (value: string | null) => (value === null || value === '' ? <NoValue /> : <span className="mv-ref">{value}</span>)

function entryColumns(unit: DurationUnit, totals: ReportSums, { t, locale }: T): MonthColumn<MonthEntryRow>[] {
  const formatDuration = (seconds: number) => format(seconds, unit, locale)
  return [
    { key: 'day', header: t('reports.month.col.day'), width: 128, cell: (r) => <span className="mv-nowrap">{dayLabel(r.day, locale)}</span> },
    { key: 'reference', header: t('reports.month.col.ticketNo'), width: 96, cell: (r) => reference(r.reference) },
    { key: 'title', header: t('reports.month.col.title'), width: 200, cell: (r) => (r.title === null ? <span className="muted">{t('reports.month.noWorkItem')}</span> : <Clipped text={r.title} />) },
    // The time right after what it was for: at a laptop's width the table scrolls sideways, and
    // the figure a helpdesk reads first must not be the part out of sight.
    { key: 'time', header: t('reports.month.col.time'), width: 88, numeric: true, cell: (r) => formatDuration(r.seconds), total: formatDuration(totals.totalSeconds) },
    {
      key: 'billable',
      header: t('reports.billable'),
      width: 112,
      cell: (r) => (r.billable ? t('reports.month.yes') : <span className="muted">{t('reports.month.no')}</span>),
      total: <span className="mv-nowrap">{formatDuration(totals.billableSeconds)}</span>,
    },
    { key: 'customer', header: t('reports.month.col.customer'), width: 140, cell: (r) => text(r.customerName) },
    { key: 'organisation', header: t('reports.month.col.organisation'), width: 140, cell: (r) => text(r.organisation) },
    { key: 'person', header: t('reports.month.col.person'), width: 110, cell: (r) => <Clipped text={r.userName === SELF_ACTOR ? t('history.you') : r.userName} /> },
    { key: 'activity', header: t('reports.month.col.activityType'), width: 130, cell: (r) => text(r.activityTypeName) },
    { key: 'created', header: t('reports.month.col.createdAt'), width: 156, cell: (r) => <span className="mv-nowrap">{instantLabel(r.createdAt, locale)}</span>, total: '' },
    { key: 'description', header: t('reports.month.col.description'), width: 220, cell: (r) => text(r.description) },
  ]
}

function ticketColumns(unit: DurationUnit, totals: ReportSums, { t, locale }: T): MonthColumn<MonthTicketRow>[] {
  const formatDuration = (seconds: number) => format(seconds, unit, locale)
  return [
    { key: 'reference', header: t('reports.month.col.ticket'), width: 92, rowHeader: true, cell: (r) => reference(r.reference) },
    { key: 'title', header: t('reports.month.col.title'), width: 200, cell: (r) => <Clipped text={r.title} /> },
    { key: 'customer', header: t('reports.month.col.customer'), width: 130, cell: (r) => text(r.customerName) },
    { key: 'organisation', header: t('reports.month.col.organisation'), width: 130, cell: (r) => text(r.organisation) },
    { key: 'month', header: t('reports.month.col.thisMonth'), width: 104, numeric: true, cell: (r) => formatDuration(r.monthSeconds), total: formatDuration(totals.totalSeconds) },
    { key: 'billable', header: t('reports.billable'), width: 92, numeric: true, cell: (r) => formatDuration(r.billableSeconds), total: formatDuration(totals.billableSeconds) },
    // Lifetimes of different tickets add up to nothing a bill uses: no total.
    { key: 'lifetime', header: t('reports.month.col.lifetime'), width: 112, numeric: true, cell: (r) => formatDuration(r.lifetimeSeconds), total: '' },
  ]
}

function customerColumns(unit: DurationUnit, totals: ReportSums, translator: T): MonthColumn<MonthCustomerRow>[] {
  const { t, locale } = translator
  const formatDuration = (seconds: number) => format(seconds, unit, locale)
  const count = (n: number) => n.toLocaleString(locale)
  return [
    {
      key: 'customer',
      header: t('reports.month.col.customer'),
      width: 240,
      rowHeader: true,
      cell: (r) => (r.customerId === null ? <span className="muted">{noneLabel(translator, 'customer')}</span> : <Clipped text={r.customerName} />),
    },
    { key: 'organisation', header: t('reports.month.col.organisation'), width: 200, cell: (r) => text(r.organisation) },
    { key: 'tickets', header: t('reports.month.col.tickets'), width: 80, numeric: true, cell: (r) => count(r.ticketCount), total: '' },
    { key: 'entries', header: t('reports.entries'), width: 80, numeric: true, cell: (r) => count(r.entryCount), total: count(totals.entryCount) },
    { key: 'month', header: t('reports.month.col.thisMonth'), width: 110, numeric: true, cell: (r) => formatDuration(r.monthSeconds), total: formatDuration(totals.totalSeconds) },
    { key: 'billable', header: t('reports.billable'), width: 110, numeric: true, cell: (r) => formatDuration(r.billableSeconds), total: formatDuration(totals.billableSeconds) },
  ]
}

function organisationColumns(unit: DurationUnit, totals: ReportSums, translator: T): MonthColumn<MonthOrganisationRow>[] {
  const { t, locale } = translator
  const formatDuration = (seconds: number) => format(seconds, unit, locale)
  const count = (n: number) => n.toLocaleString(locale)
  return [
    {
      key: 'organisation',
      header: t('reports.month.col.organisation'),
      width: 300,
      rowHeader: true,
      cell: (r) => (r.organisation === null ? <span className="muted">{noneLabel(translator, 'organisation')}</span> : <Clipped text={r.label} />),
    },
    { key: 'customers', header: t('reports.month.col.customers'), width: 100, numeric: true, cell: (r) => count(r.customerCount), total: '' },
    { key: 'entries', header: t('reports.entries'), width: 90, numeric: true, cell: (r) => count(r.entryCount), total: count(totals.entryCount) },
    { key: 'month', header: t('reports.month.col.thisMonth'), width: 120, numeric: true, cell: (r) => formatDuration(r.monthSeconds), total: formatDuration(totals.totalSeconds) },
    { key: 'billable', header: t('reports.billable'), width: 120, numeric: true, cell: (r) => formatDuration(r.billableSeconds), total: formatDuration(totals.billableSeconds) },
  ]
}

export const monthColumns = {
  entries: entryColumns,
  tickets: ticketColumns,
  customers: customerColumns,
  organisations: organisationColumns,
}
