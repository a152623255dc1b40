// Local rows to and from their wire form: the shared mapping (src/shared/sync-rows.ts)
// plus what only the desktop keeps: the server's version of a row as last seen.
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from '@shared/sync'
import { activityTypeRow, contractRow, customerRow, entryRow, workItemRow } from '@shared/sync-rows'

export { activityTypeFields as activityTypeToWire, contractFields as contractToWire, customerFields as customerToWire, entryFields as entryToWire, workItemFields as workItemToWire } from '@shared/sync-rows'

export function entryFromWire(wire: EntryWire, userId: string) {
  return { ...entryRow(wire), user_id: userId, status: wire.status, server_version: wire.version }
}

export function workItemFromWire(wire: WorkItemWire) {
  return { ...workItemRow(wire), server_version: wire.version }
}

export function activityTypeFromWire(wire: ActivityTypeWire) {
  return { ...activityTypeRow(wire), server_version: wire.version }
}

export function customerFromWire(wire: CustomerWire) {
  return { ...customerRow(wire), server_version: wire.version }
}

export function contractFromWire(wire: ContractWire) {
  return { ...contractRow(wire), server_version: wire.version }
}
