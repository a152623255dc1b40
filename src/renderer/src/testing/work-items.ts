// A work item as the host sends it, for view tests: an active, billable ticket with no
// customer or contract unless the test says otherwise.
import type { WorkItem } from '@shared/work'

export function workItem(id: string, reference: string | null, title: string, extra: Partial<WorkItem> = {}): WorkItem {
  return { id, kind: 'ticket', reference, title, customerId: null, customerName: null, contractId: null, billable: true, active: true, favourite: false, ticketUrl: null, ...extra }
}
