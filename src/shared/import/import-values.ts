// The cells of other trackers' CSV exports, read: their days (ISO, US month first,
// European day first, German dots), times of day (24-hour or with AM/PM), durations
// (h:mm:ss, h:mm or decimal hours with a dot or a comma) and yes/no words. Each reader
// answers null for a cell it cannot read, so the row is refused naming its column.

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const SLASH_DAY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/
const DOT_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/

/** Which number comes first in a d/m/y day written with slashes: the US (Clockify's default) month, or the day. */
export type SlashOrder = 'month-first' | 'day-first'

function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > last) return null
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** A day as ISO 'YYYY-MM-DD'; a date with a time after it (Kimai's '2026-11-16 09:00') is read for its day. */
export function readDay(text: string, order: SlashOrder = 'month-first'): string | null {
  const cell = text.trim().split(/[ T]/)[0] ?? ''
  let match = ISO_DAY.exec(cell)
  if (match) return isoDay(Number(match[1]), Number(match[2]), Number(match[3]))
  match = DOT_DAY.exec(cell)
  if (match) return isoDay(Number(match[3]), Number(match[2]), Number(match[1]))
  match = SLASH_DAY.exec(cell)
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])]
    return order === 'month-first' ? isoDay(Number(match[3]), first, second) : isoDay(Number(match[3]), second, first)
  }
  return null
}

/** The file's order of slash days: day first as soon as any first number is over 12, or any second number is at most 12 while the first is not a month. */
export function slashOrderOf(cells: readonly string[]): SlashOrder {
  for (const cell of cells) {
    const match = SLASH_DAY.exec(cell.trim().split(/[ T]/)[0] ?? '')
    if (match && Number(match[1]) > 12) return 'day-first'
  }
  return 'month-first'
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/

/** A time of day as 'HH:MM:SS' (24-hour); a date before it (Kimai's '2026-11-16 09:00') is left aside. */
export function readTime(text: string): string | null {
  const cell = text.trim().replace(/^\S+[ T](?=\d{1,2}:)/, '')
  const match = TIME.exec(cell)
  if (!match) return null
  let hours = Number(match[1])
  const minutes = Number(match[2])
  const seconds = match[3] === undefined ? 0 : Number(match[3])
  const half = match[4]?.toLowerCase()
  if (half !== undefined) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (half === 'pm' ? 12 : 0)
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return null
  return [hours, minutes, seconds].map((n) => String(n).padStart(2, '0')).join(':')
}

/** Seconds of a 'HH:MM:SS' time since midnight. */
export function secondsOfDay(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number)
  return h * 3600 + m * 60 + s
}

const CLOCK_DURATION = /^(\d{1,4}):(\d{2})(?::(\d{2}))?$/
const DECIMAL_HOURS = /^\d+(?:[.,]\d+)?$/

/** A duration in whole seconds: '1:30:00', '1:30' (hours and minutes) or decimal hours '1.5' / '1,5'. */
export function readDuration(text: string): number | null {
  const cell = text.trim()
  const clock = CLOCK_DURATION.exec(cell)
  if (clock) {
    const minutes = Number(clock[2])
    const seconds = clock[3] === undefined ? 0 : Number(clock[3])
    if (minutes > 59 || seconds > 59) return null
    return Number(clock[1]) * 3600 + minutes * 60 + seconds
  }
  if (DECIMAL_HOURS.test(cell)) return Math.round(Number(cell.replace(',', '.')) * 3600)
  return null
}

const YES = new Set(['yes', 'true', '1', 'ja', 'y', 'x'])
const NO = new Set(['no', 'false', '0', 'nein', 'n', ''])

/** A billable flag: yes/no, true/false, 1/0 (German ja/nein); null for anything else. */
export function readFlag(text: string): boolean | null {
  const cell = text.trim().toLowerCase()
  if (YES.has(cell)) return true
  if (NO.has(cell)) return false
  return null
}

/** Tags as the trackers list them in one cell, split at commas. */
export function readTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
}

/** A stable 64-bit hash of text as 16 hex digits (two FNV-1a variants): a row's key, not a secret. */
export function rowHash(text: string): string {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ 0x5bd1e995
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    a = Math.imul(a ^ code, 0x01000193) >>> 0
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0
    b ^= b >>> 15
  }
  return a.toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}
