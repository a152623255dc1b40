// The columns of each month view: what a helpdesk reads in a month of accounted time,
// durations in the person's display unit, days and instants written out.
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { MonthCustomerRow, MonthEntryRow, MonthOrganisationRow, MonthTicketRow } from '@shared/month-views'
import type { ReportSums } from '@shared/reports'
import { dayLabel, instantLabel } from './month-nav'
import { Clipped, NoValue, type MonthColumn } from './MonthTable'

const text = (value: string | null) => (value === null || value === '' ? <NoValue /> : <Clipped text={value} />)
const reference = (value: string | null) => (value === null || value === '' ? <NoValue /> : <span className="mv-ref">{value}</span>)
const entries = (n: number) => n.toLocaleString('en')

function entryColumns(unit: DurationUnit, totals: ReportSums): MonthColumn<MonthEntryRow>[] {
  return [
    { key: 'day', header: 'Day', width: 116, cell: (r) => <span className="mv-nowrap">{dayLabel(r.day)}</span> },
    { key: 'reference', header: 'Ticket no.', width: 96, cell: (r) => reference(r.reference) },
    { key: 'title', header: 'Title', width: 200, cell: (r) => (r.title === null ? <span className="muted">No work item</span> : <Clipped text={r.title} />) },
    // The time right after what it was for: at a laptop's width the table scrolls sideways, and
    // the figure a helpdesk reads first must not be the part out of sight.
    { key: 'time', header: 'Time', width: 88, numeric: true, cell: (r) => formatDuration(r.seconds, unit), total: formatDuration(totals.totalSeconds, unit) },
    {
      key: 'billable',
      header: 'Billable',
      width: 84,
      cell: (r) => (r.billable ? 'Yes' : <span className="muted">No</span>),
      total: <span className="mv-nowrap">{formatDuration(totals.billableSeconds, unit)}</span>,
    },
    { key: 'customer', header: 'Customer', width: 140, cell: (r) => text(r.customerName) },
    { key: 'organisation', header: 'Organisation', width: 140, cell: (r) => text(r.organisation) },
    { key: 'person', header: 'Person', width: 110, cell: (r) => <Clipped text={r.userName} /> },
    { key: 'activity', header: 'Activity type', width: 130, cell: (r) => text(r.activityTypeName) },
    { key: 'created', header: 'Created at', width: 156, cell: (r) => <span className="mv-nowrap">{instantLabel(r.createdAt)}</span>, total: '' },
    { key: 'description', header: 'Description', width: 220, cell: (r) => text(r.description) },
  ]
}

function ticketColumns(unit: DurationUnit, totals: ReportSums): MonthColumn<MonthTicketRow>[] {
  return [
    { key: 'reference', header: 'Ticket', width: 92, rowHeader: true, cell: (r) => reference(r.reference) },
    { key: 'title', header: 'Title', width: 200, cell: (r) => <Clipped text={r.title} /> },
    { key: 'customer', header: 'Customer', width: 130, cell: (r) => text(r.customerName) },
    { key: 'organisation', header: 'Organisation', width: 130, cell: (r) => text(r.organisation) },
    { key: 'month', header: 'This month', width: 104, numeric: true, cell: (r) => formatDuration(r.monthSeconds, unit), total: formatDuration(totals.totalSeconds, unit) },
    { key: 'billable', header: 'Billable', width: 92, numeric: true, cell: (r) => formatDuration(r.billableSeconds, unit), total: formatDuration(totals.billableSeconds, unit) },
    // Lifetimes of different tickets add up to nothing a bill uses: no total.
    { key: 'lifetime', header: 'Over its life', width: 112, numeric: true, cell: (r) => formatDuration(r.lifetimeSeconds, unit), total: '' },
  ]
}

function customerColumns(unit: DurationUnit, totals: ReportSums): MonthColumn<MonthCustomerRow>[] {
  return [
    { key: 'customer', header: 'Customer', width: 240, rowHeader: true, cell: (r) => (r.customerId === null ? <span className="muted">{r.customerName}</span> : <Clipped text={r.customerName} />) },
    { key: 'organisation', header: 'Organisation', width: 200, cell: (r) => text(r.organisation) },
    { key: 'tickets', header: 'Tickets', width: 80, numeric: true, cell: (r) => entries(r.ticketCount), total: '' },
    { key: 'entries', header: 'Entries', width: 80, numeric: true, cell: (r) => entries(r.entryCount), total: entries(totals.entryCount) },
    { key: 'month', header: 'This month', width: 110, numeric: true, cell: (r) => formatDuration(r.monthSeconds, unit), total: formatDuration(totals.totalSeconds, unit) },
    { key: 'billable', header: 'Billable', width: 110, numeric: true, cell: (r) => formatDuration(r.billableSeconds, unit), total: formatDuration(totals.billableSeconds, unit) },
  ]
}

function organisationColumns(unit: DurationUnit, totals: ReportSums): MonthColumn<MonthOrganisationRow>[] {
  return [
    { key: 'organisation', header: 'Organisation', width: 300, rowHeader: true, cell: (r) => (r.organisation === null ? <span className="muted">{r.label}</span> : <Clipped text={r.label} />) },
    { key: 'customers', header: 'Customers', width: 100, numeric: true, cell: (r) => entries(r.customerCount), total: '' },
    { key: 'entries', header: 'Entries', width: 90, numeric: true, cell: (r) => entries(r.entryCount), total: entries(totals.entryCount) },
    { key: 'month', header: 'This month', width: 120, numeric: true, cell: (r) => formatDuration(r.monthSeconds, unit), total: formatDuration(totals.totalSeconds, unit) },
    { key: 'billable', header: 'Billable', width: 120, numeric: true, cell: (r) => formatDuration(r.billableSeconds, unit), total: formatDuration(totals.billableSeconds, unit) },
  ]
}

export const monthColumns = {
  entries: entryColumns,
  tickets: ticketColumns,
  customers: customerColumns,
  organisations: organisationColumns,
}
