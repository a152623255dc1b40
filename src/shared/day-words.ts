// Days in what a person reads: the grid's own words ("Thu 3 Dec"), one function for the
// grid's header, the renderer's messages and the host's refusals, so a banner never says
// 2026-12-03 beside a grid that says Thu 3 Dec. Files and logs keep ISO days.
import { formatDayShort } from './i18n/formats'
import { weekdayOf } from './periods'

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

/** "2026-12-03" → "Thu 3 Dec", as the grid's column headers read; with a locale as it names days and months ("Do 3. Dez."). */
export function shortDayLabel(day: string, locale?: string): string {
  // English keeps the grid's own three-letter months (en-GB's Intl writes 'Sept').
  if (locale !== undefined && !locale.startsWith('en')) return formatDayShort(day, locale)
  const month = Number(day.slice(5, 7))
  const date = Number(day.slice(8, 10))
  return `${WEEKDAYS[weekdayOf(day)]} ${date} ${MONTHS[month - 1] ?? ''}`
}

// An ISO day standing alone as a word: not inside a file name, path or id
// (stint-entries-2026-11-01.csv) and not the date of an instant (2026-11-16T08:00Z).
const LONE_DAY = /(?<![\w/\\.-])(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w-]|\.\w)/g

/** `text` with each ISO day that stands alone written as the grid writes it (in `locale` when given). */
export function readableDays(text: string, locale?: string): string {
  return text.replace(LONE_DAY, (day) => shortDayLabel(day, locale))
}

/** A day in the reader's words: the grid's own in English ("Thu 3 Dec"), the locale's otherwise ("Do 3. Dez."). */
export function dayWordFor(day: string, reader: { readonly locale: string }): string {
  return shortDayLabel(day, reader.locale)
}
