// What the calendar draws, from what the host answered: one block per run of an entry,
// one per unbooked timer segment (a running one ends now and grows), and the entries
// that have a duration but no times (typed in the grid), which go to their day's strip.
import type { CalendarEntry, CalendarRange, CalendarWorkItem } from '@shared/calendar'
import type { RowKey } from '@shared/timesheet'
import { formatDuration } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { wallMinutes } from './layout'

export interface Block {
  key: string
  kind: 'entry' | 'timer'
  /** Runs of one group (an entry, a timer) never count as overlapping each other. */
  group: string
  startedAt: number
  endedAt: number
  /** The timer's colour, or null for time without a timer (drawn in a neutral colour). */
  color: string | null
  /** "TICKET-1234, Printer jam" (or "No work item"). */
  name: string
  /** "Timer 2": the slot, which is what the tray and the shortcuts call it. */
  timerLabel: string | null
  running: boolean
  /** The entry (and which of its runs) for entry blocks; null for timer segments. */
  entry: CalendarEntry | null
  run: number
  /** Its day is in a submitted or approved period, or it is not a draft any more. */
  readOnly: boolean
}

/** "TICKET-1234, Printer jam": reference and title as words, for screen and speech alike. */
export function workItemName(item: CalendarWorkItem | null, { t }: Pick<Translator, 't'> = ENGLISH): string {
  if (!item) return t('calendar.noWorkItem')
  return item.reference ? `${item.reference}, ${item.title}` : item.title
}

export function rowOf(entry: CalendarEntry): RowKey {
  return { workItemId: entry.workItemId, activityTypeId: entry.activityTypeId, billable: entry.billable }
}

export function toBlocks(range: CalendarRange, now: number, translator: Pick<Translator, 't'> = ENGLISH): Block[] {
  const { t } = translator
  const locked = new Set(range.days.filter((d) => d.lock !== null).map((d) => d.day))
  const blocks: Block[] = range.entries.flatMap((entry) =>
    entry.ranges.map((r, run) => ({
      key: `${entry.id}:${run}`,
      kind: 'entry' as const,
      group: entry.id,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      color: entry.timer?.color ?? null,
      name: workItemName(entry.workItem, translator),
      timerLabel: entry.timer ? t('tray.timerName', { slot: entry.timer.slot }) : null,
      running: false,
      entry,
      run,
      readOnly: locked.has(entry.day) || (entry.status !== 'draft' && entry.status !== 'rejected'),
    })),
  )
  for (const s of range.segments) {
    blocks.push({
      key: `segment:${s.id}`,
      kind: 'timer',
      group: `timer:${s.timerId}`,
      startedAt: s.startedAt,
      endedAt: s.endedAt ?? Math.max(now, s.startedAt),
      color: s.timer.color,
      name: workItemName(s.workItem, translator),
      timerLabel: t('tray.timerName', { slot: s.timer.slot }),
      running: s.endedAt === null,
      entry: null,
      run: 0,
      readOnly: true,
    })
  }
  return blocks
}

/** Entries with a duration and no times, by day: nothing booked is left out of the calendar. */
export function untimedByDay(range: CalendarRange): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>()
  for (const entry of range.entries) {
    if (entry.ranges.length > 0 || entry.roundedSeconds === 0) continue
    byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), entry])
  }
  return byDay
}

/** "9:05", as people say a time of day. */
export function clockText(minutes: number): string {
  const m = Math.round(minutes)
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`
}

/** "45 minutes", "1 hour 30 minutes" / "1 Stunde 30 Minuten". */
export function spokenMinutes(total: number, { t }: Pick<Translator, 't'> = ENGLISH): string {
  const m = Math.round(total)
  const hours = Math.floor(m / 60)
  const minutes = m % 60
  if (hours === 0) return t('calendar.minutes', { minutes })
  return minutes === 0 ? t('calendar.hours', { hours }) : t('calendar.hoursMinutes', { hours, minutes })
}

/** "TICKET-1234, Printer jam, 9:00 to 9:45, 45 minutes, Timer 2" (and "running", "read-only" when so). */
export function blockLabel(block: Block, zone: string, translator: Pick<Translator, 't'> = ENGLISH): string {
  const { t } = translator
  const from = wallMinutes(block.startedAt, zone)
  const length = (block.endedAt - block.startedAt) / 60_000
  const to = block.running ? t('calendar.now') : clockText(wallMinutes(block.endedAt, zone))
  // A list of what the block is, each part a whole phrase: the comma between them is the same in both languages.
  const parts = [block.name, t('calendar.fromTo', { from: clockText(from), to }), spokenMinutes(length, translator)]
  if (block.timerLabel) parts.push(block.timerLabel)
  if (block.running) parts.push(t('calendar.running'))
  else if (block.kind === 'timer') parts.push(t('calendar.notBooked'))
  if (block.entry && block.entry.ranges.length > 1) parts.push(t('calendar.runOf', { run: block.run + 1, runs: block.entry.ranges.length }))
  if (block.readOnly && block.entry) parts.push(t('calendar.readOnlyWord'))
  return parts.join(', ')
}

/** h:mm of an entry strip's chip. */
export function durationText(seconds: number): string {
  return formatDuration(seconds)
}
