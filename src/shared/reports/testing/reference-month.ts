// What a month view should say, worked out the slow and obvious way in plain JavaScript
// straight from a fixture's rows — no SQL, no engine code — so month view tests compare
// against sums computed independently. Orders are the documented ones, written out here
// again: entries by day, created_at, id; tickets by reference (natural order, none
// last) then title; customers and organisations by name, "(none)" last.
import type { EntryStatus } from '../../entries'
import type { MonthCustomerRow, MonthEntryRow, MonthOrganisationRow, MonthTicketRow } from '../../month-views'
import type { ReportSums } from '../../reports'
import type { FixtureEntry, ReportFixture } from './report-fixture'

export interface ReferenceMonth {
  totals: ReportSums
  entries: MonthEntryRow[]
  tickets: MonthTicketRow[]
  customers: MonthCustomerRow[]
  organisations: MonthOrganisationRow[]
}

const natural = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function referenceMonth(
  fixture: ReportFixture,
  month: string,
  options: { statuses?: readonly EntryStatus[]; userIds?: readonly string[]; userName?: (userId: string) => string } = {},
): ReferenceMonth {
  const statuses = options.statuses ?? ['draft', 'submitted', 'approved', 'rejected']
  const counts = (entry: FixtureEntry) => !entry.deleted && statuses.includes(entry.status) && (options.userIds === undefined || options.userIds.includes(entry.userId))
  const mine = fixture.entries.filter(counts)
  const inMonth = mine.filter((entry) => entry.day.slice(0, 7) === month)
  const item = (id: string | null) => fixture.workItems.find((w) => w.id === id)
  const customer = (id: string | null | undefined) => fixture.customers.find((c) => c.id === id)
  const name = options.userName ?? ((userId: string) => fixture.users.find((u) => u.id === userId)?.name ?? '?')

  const totals: ReportSums = { totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0 }
  for (const entry of inMonth) {
    totals.totalSeconds += entry.roundedSeconds
    if (entry.billable) totals.billableSeconds += entry.roundedSeconds
    else totals.nonBillableSeconds += entry.roundedSeconds
    totals.entryCount += 1
  }

  const entries = [...inMonth]
    .sort((a, b) => (a.day !== b.day ? byId(a.day, b.day) : a.createdAt !== b.createdAt ? a.createdAt - b.createdAt : byId(a.id, b.id)))
    .map((entry): MonthEntryRow => {
      const w = item(entry.workItemId)
      const c = customer(w?.customerId)
      return {
        entryId: entry.id,
        day: entry.day,
        reference: w?.reference ?? null,
        title: w?.title ?? null,
        workItemId: entry.workItemId,
        customerId: w?.customerId ?? null,
        customerName: c?.name ?? null,
        organisation: c?.organisation ?? null,
        userId: entry.userId,
        userName: name(entry.userId),
        activityTypeName: fixture.activityTypes.find((a) => a.id === entry.activityTypeId)?.name ?? null,
        billable: entry.billable,
        seconds: entry.roundedSeconds,
        description: entry.description,
        status: entry.status,
        createdAt: entry.createdAt,
      }
    })

  const tickets: MonthTicketRow[] = []
  for (const w of fixture.workItems) {
    const these = inMonth.filter((entry) => entry.workItemId === w.id)
    if (these.length === 0) continue
    const c = customer(w.customerId)
    tickets.push({
      workItemId: w.id,
      reference: w.reference,
      title: w.title,
      customerId: w.customerId,
      customerName: c?.name ?? null,
      organisation: c?.organisation ?? null,
      monthSeconds: these.reduce((sum, e) => sum + e.roundedSeconds, 0),
      billableSeconds: these.reduce((sum, e) => sum + (e.billable ? e.roundedSeconds : 0), 0),
      entryCount: these.length,
      lifetimeSeconds: mine.filter((entry) => entry.workItemId === w.id).reduce((sum, e) => sum + e.roundedSeconds, 0),
      createdAt: 1,
    })
  }
  tickets.sort((a, b) => {
    if (a.reference === null && b.reference !== null) return 1
    if (b.reference === null && a.reference !== null) return -1
    return natural.compare(a.reference ?? '', b.reference ?? '') || natural.compare(a.title, b.title) || byId(a.workItemId, b.workItemId)
  })

  const customerIdOf = (entry: FixtureEntry) => item(entry.workItemId)?.customerId ?? null
  const customers: MonthCustomerRow[] = []
  for (const id of [...fixture.customers.map((c) => c.id), null]) {
    const these = inMonth.filter((entry) => customerIdOf(entry) === id)
    if (these.length === 0) continue
    const c = customer(id)
    customers.push({
      customerId: id,
      customerName: c?.name ?? 'No customer',
      organisation: c?.organisation ?? null,
      monthSeconds: these.reduce((sum, e) => sum + e.roundedSeconds, 0),
      billableSeconds: these.reduce((sum, e) => sum + (e.billable ? e.roundedSeconds : 0), 0),
      entryCount: these.length,
      ticketCount: new Set(these.map((e) => e.workItemId).filter((w) => w !== null)).size,
    })
  }
  customers.sort((a, b) => (a.customerId === null ? 1 : b.customerId === null ? -1 : natural.compare(a.customerName, b.customerName) || byId(a.customerId, b.customerId)))

  const organisationOf = (entry: FixtureEntry) => customer(customerIdOf(entry))?.organisation ?? null
  const names = [...new Set(fixture.customers.map((c) => c.organisation).filter((o): o is string => o !== null)), null]
  const organisations: MonthOrganisationRow[] = []
  for (const organisation of names) {
    const these = inMonth.filter((entry) => organisationOf(entry) === organisation)
    if (these.length === 0) continue
    organisations.push({
      organisation,
      label: organisation ?? '(no organisation)',
      customerCount: new Set(these.map(customerIdOf).filter((c) => c !== null)).size,
      monthSeconds: these.reduce((sum, e) => sum + e.roundedSeconds, 0),
      billableSeconds: these.reduce((sum, e) => sum + (e.billable ? e.roundedSeconds : 0), 0),
      entryCount: these.length,
    })
  }
  organisations.sort((a, b) => (a.organisation === null ? 1 : b.organisation === null ? -1 : natural.compare(a.organisation, b.organisation) || byId(a.organisation, b.organisation)))

  return { totals, entries, tickets, customers, organisations }
}
