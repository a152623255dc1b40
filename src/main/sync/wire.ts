// Local rows to and from their wire form: the shared mapping (src/shared/sync-rows.ts)
// plus what only the desktop keeps: the server's version of a row as last seen.
import type { ActivityTypeWire, ContractWire, CustomerWire, EntryWire, WorkItemWire } from '@shared/sync'
import { isTimeZone } from '@shared/days'
import { runsRefusal, type EntryRunWire } from '@shared/sync-runs'
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

/**
 * An entry's runs for the server (its booked ranges, in the entry's zone): `runs` only
 * when it has some. An entry without ranges here (typed in the grid, or pulled from the
 * server, which sends no runs back) leaves them out, so the server keeps what it has. A
 * zone this runtime does not know falls back to the machine's, then UTC: the server
 * would refuse the entry for it. Runs the server would refuse (more than it takes, two
 * starting at one instant): left out as well, so the entry itself still syncs (and a
 * frozen batch always reads back).
 */
export function entryRunsToWire(ranges: readonly { started_at: number; ended_at: number; is_primary: number }[] | undefined, zone: string | null, fallbackZone: string): { runs?: EntryRunWire[] } {
  if (!ranges || ranges.length === 0) return {}
  const shown = [zone, fallbackZone].find((z): z is string => z !== null && isTimeZone(z)) ?? 'UTC'
  const runs = ranges.map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at, zone: shown, primary: r.is_primary === 1 }))
  return runsRefusal(runs) === null ? { runs } : {}
}
