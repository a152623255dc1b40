// What the calendar draws, from what the host answered: one block per run of an entry,
// one per unbooked timer segment (a running one ends now and grows), and the entries
// that have a duration but no times (typed in the grid), which go to their day's strip.
import type { CalendarEntry, CalendarRange, CalendarWorkItem } from '@shared/calendar'
import type { RowKey } from '@shared/timesheet'
import { formatDuration } from '@shared/duration'
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
export function workItemName(item: CalendarWorkItem | null): string {
  if (!item) return 'No work item'
  return item.reference ? `${item.reference}, ${item.title}` : item.title
}

export function rowOf(entry: CalendarEntry): RowKey {
  return { workItemId: entry.workItemId, activityTypeId: entry.activityTypeId, billable: entry.billable }
}

export function toBlocks(range: CalendarRange, now: number): Block[] {
  const locked = new Set(range.days.filter((d) => d.lockedReason !== null).map((d) => d.day))
  const blocks: Block[] = range.entries.flatMap((entry) =>
    entry.ranges.map((r, run) => ({
      key: `${entry.id}:${run}`,
      kind: 'entry' as const,
      group: entry.id,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      color: entry.timer?.color ?? null,
      name: workItemName(entry.workItem),
      timerLabel: entry.timer ? `Timer ${entry.timer.slot}` : null,
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
      name: workItemName(s.workItem),
      timerLabel: `Timer ${s.timer.slot}`,
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

/** "45 minutes", "1 hour 30 minutes". */
export function spokenMinutes(total: number): string {
  const m = Math.round(total)
  const hours = Math.floor(m / 60)
  const minutes = m % 60
  const parts = [hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '', minutes > 0 || hours === 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '']
  return parts.filter(Boolean).join(' ')
}

/** "TICKET-1234, Printer jam, 9:00 to 9:45, 45 minutes, Timer 2" (and "running", "read-only" when so). */
export function blockLabel(block: Block, zone: string): string {
  const from = wallMinutes(block.startedAt, zone)
  const length = (block.endedAt - block.startedAt) / 60_000
  const to = block.running ? 'now' : clockText(wallMinutes(block.endedAt, zone))
  const parts = [block.name, `${clockText(from)} to ${to}`, spokenMinutes(length)]
  if (block.timerLabel) parts.push(block.timerLabel)
  if (block.running) parts.push('running')
  else if (block.kind === 'timer') parts.push('paused, not booked yet')
  if (block.entry && block.entry.ranges.length > 1) parts.push(`run ${block.run + 1} of ${block.entry.ranges.length}`)
  if (block.readOnly && block.entry) parts.push('read-only')
  return parts.join(', ')
}

/** h:mm of an entry strip's chip. */
export function durationText(seconds: number): string {
  return formatDuration(seconds)
}
