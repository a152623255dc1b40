// Overlapped time on this device, for the grid's cell details and the calendar: how much
// of each of the person's entries another of their billable entries also ran. Worked out
// where the reports' "Overlapped" measure is (src/shared/reports/overlap.ts), over this
// device's runs (time_entry_ranges).
import type { Kysely } from 'kysely'
import { overlappedSecondsOf as overlappedInStore } from '@shared/reports/overlap'
import type { Database } from '../db/schema'
import { localReportStore } from './local-reports'

/** Overlapped seconds of the person's live entries on the days `from`–`to`, by entry id (entries without any are left out). */
export function overlappedSecondsOf(db: Kysely<Database>, userId: string, from: string, to: string): Promise<Map<string, number>> {
  return overlappedInStore(localReportStore(db), userId, from, to)
}
