// Where a device stands in the server's change streams: the reference stream (customers,
// contracts, activity types, work items: every device pulls them) and its person's own
// stream (their entries and periods). On the wire it is one opaque string,
// "r<reference>.u<own>". A plain number N is what devices held before there were two
// streams (one counter for everything); it means N in both, which is exact: every row
// numbered before the split carries a number at or below the counter each stream began at.
import { z } from 'zod'

export interface SyncCursor {
  /** The last reference-stream number this device has. */
  readonly reference: number
  /** The last number of its person's stream this device has. */
  readonly own: number
}

export const START_CURSOR: SyncCursor = { reference: 0, own: 0 }

const TWO_STREAMS = /^r(\d{1,15})\.u(\d{1,15})$/
const ONE_COUNTER = /^\d{1,15}$/

/** The wire form of a cursor. */
export function cursorText(cursor: SyncCursor): string {
  return `r${cursor.reference}.u${cursor.own}`
}

/** A cursor from its wire form or from an older device's plain number; null when it is neither. */
export function parseCursor(text: string): SyncCursor | null {
  if (ONE_COUNTER.test(text)) return { reference: Number(text), own: Number(text) }
  const match = TWO_STREAMS.exec(text)
  if (!match) return null
  return { reference: Number(match[1]), own: Number(match[2]) }
}

/** A cursor as a device sends it (`after`): either form, or nothing for the start. */
export const CursorInputSchema = z
  .union([z.string(), z.number()])
  .optional()
  .transform((value, ctx): SyncCursor => {
    if (value === undefined) return START_CURSOR
    const parsed = parseCursor(String(value))
    if (parsed) return parsed
    ctx.addIssue({ code: 'custom', message: 'a cursor is what the last pull answered ("r12.u40"), or an older number; leave it out to start from the beginning' })
    return z.NEVER
  })

/** A cursor as the server answers it. */
export const CursorTextSchema = z.string().regex(TWO_STREAMS, 'a cursor looks like "r12.u40"')
