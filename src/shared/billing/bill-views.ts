// A run's bills as people read them: each customer's bill and lines with names (the
// customer's, and the contract's, work item's or activity type's each line groups by),
// the entries counted once per bill, in customer-name order: the order a customer's
// invoice number counts in. The app names its own run as it is made; the team server
// names a saved run (which keeps ids) when it makes its files.
import type { CustomerBillView } from '../billing-api'
import type { CustomerBill } from './billing-run'

export interface BillNames {
  customer: (id: string) => string
  /** The name of what a line groups by; null when there is none to say. */
  group: (id: string) => string | null
}

export function billViews(bills: readonly CustomerBill[], names: BillNames): CustomerBillView[] {
  return bills
    .map((bill) => ({
      customerId: bill.customerId,
      customerName: names.customer(bill.customerId),
      includedSeconds: bill.includedSeconds,
      totalMinor: bill.totalMinor,
      entryCount: new Set(bill.lines.flatMap((line) => line.entryIds)).size,
      lines: bill.lines.map((line) => ({
        group: line.group,
        groupName: line.group === null ? null : (names.group(line.group) ?? line.group),
        rateClass: line.rateClass,
        seconds: line.seconds,
        hourlyMinor: line.hourlyMinor,
        multiplierBp: line.multiplierBp,
        source: line.source,
        amountMinor: line.amountMinor,
        entryCount: line.entryIds.length,
      })),
    }))
    .sort((a, b) => a.customerName.localeCompare(b.customerName) || a.customerId.localeCompare(b.customerId))
}
