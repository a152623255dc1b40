// The Calendar view's read of a span of days: the entries the grid counts (through the
// entries module, so both views read the same rows), named and coloured, the timer
// segments not booked yet (so running timers show before they stop), and the lock of
// each day. Reads only: every change goes through the grid's own calls.
import { TZDate } from '@date-fns/tz'
import type { Kysely } from 'kysely'
import { MAX_CALENDAR_DAYS, type CalendarRange, type CalendarTimer, type CalendarWorkItem } from '@shared/calendar'
import { refuse } from '@shared/errors'
import { addDays, isValidDay } from '@shared/periods'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Entries } from '../entries/entries'
import { overlappedSecondsOf } from '../reports/report-overlap'

export interface CalendarDeps {
  db: Kysely<Database>
  clock: Clock
  entries: Entries
  /** Whose time this device records: whose billable runs overlap (left out: no overlap is read). */
  userId?: () => string
}

/** The days from `from` to `to`, both included; refused with the reason when the span is not one the calendar shows. */
export function calendarDays(from: string, to: string): string[] {
  if (!isValidDay(from) || !isValidDay(to)) throw refuse('invalid_request', 'refusal.range.notDates')
  // The sentence the reports' rangeOrderProblem says, by id.
  if (from > to) throw refuse('invalid_request', 'refusal.range.backwardsLastDay', { isoToDay: to, isoFromDay: from })
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (days.length === MAX_CALENDAR_DAYS) throw refuse('invalid_request', 'refusal.calendar.tooLong', { max: MAX_CALENDAR_DAYS })
    days.push(day)
  }
  return days
}

/** The first instant of a local day in `zone` (a midnight the clocks skip starts the day later). */
function startOfDay(day: string, zone: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number)
  return new TZDate(y, m - 1, d, zone).getTime()
}

export class CalendarReader {
  constructor(private readonly deps: CalendarDeps) {}

  async range(from: string, to: string): Promise<CalendarRange> {
    const days = calendarDays(from, to)
    const { db, clock, entries } = this.deps
    const zone = clock.timeZone()
    const spanStart = startOfDay(from, zone)
    const spanEnd = startOfDay(addDays(to, 1), zone)
    const segmentsRead = db
      .selectFrom('timer_segments as s')
      .innerJoin('timers as t', 't.id', 's.timer_id')
      .select(['s.id', 's.timer_id', 's.started_at', 's.ended_at', 't.work_item_id'])
      .where('t.state', '!=', 'idle')
      .where('t.deleted_at', 'is', null)
      .where('s.booked_at', 'is', null)
      .where('s.discarded_at', 'is', null)
      .where('s.started_at', '<', spanEnd)
      // An open segment runs until now, not into the days after it.
      .where((eb) => (clock.now() > spanStart ? eb.or([eb('s.ended_at', 'is', null), eb('s.ended_at', '>', spanStart)]) : eb('s.ended_at', '>', spanStart)))
      .orderBy('s.started_at')
      .execute()
    const userId = this.deps.userId
    const [stored, locked, segments, overlapped] = await Promise.all([
      entries.loadWithZones({ from, to }),
      entries.lockedDays(days),
      segmentsRead,
      userId ? overlappedSecondsOf(db, userId(), from, to) : new Map<string, number>(),
    ])
    const names = await this.names(
      [...stored.map(({ entry }) => entry.workItemId), ...segments.map((s) => s.work_item_id)],
      stored.map(({ entry }) => entry.activityTypeId),
    )

    return {
      timeZone: zone,
      days: days.map((day) => ({ day, lock: locked.get(day) ?? null })),
      // Voided time is kept for the record but counts nowhere, as in the grid.
      entries: stored
        .filter(({ entry }) => entry.status !== 'voided')
        .map(({ entry: e, timeZone }) => ({
          ...e,
          // Typed time carries no zone: it is read in the machine's, as the grid's details do.
          timeZone: timeZone ?? zone,
          workItem: (e.workItemId && names.items.get(e.workItemId)) || null,
          activityName: (e.activityTypeId && names.types.get(e.activityTypeId)) || null,
          timer: (e.timerId && names.timers.get(e.timerId)) || null,
          overlappedSeconds: overlapped.get(e.id) ?? 0,
        })),
      segments: segments.flatMap((s) => {
        const timer = names.timers.get(s.timer_id)
        if (!timer) return []
        return [{ id: s.id, timerId: s.timer_id, startedAt: s.started_at, endedAt: s.ended_at, timer, workItemId: s.work_item_id, workItem: (s.work_item_id && names.items.get(s.work_item_id)) || null }]
      }),
    }
  }

  /**
   * The shown work items (deleted ones too: old time keeps its name) and activity types,
   * and the timer slots, by id. Only the ones the span uses: the view reads again on every
   * change, and a team's catalogue can hold thousands of work items.
   */
  private async names(itemIds: readonly (string | null)[], typeIds: readonly (string | null)[]) {
    const { db } = this.deps
    const wanted = (ids: readonly (string | null)[]) => [...new Set(ids.filter((id): id is string => id !== null))]
    const items = wanted(itemIds)
    const types = wanted(typeIds)
    const [itemRows, typeRows, timers] = await Promise.all([
      items.length === 0 ? [] : db.selectFrom('work_items as w').leftJoin('customers as c', 'c.id', 'w.customer_id').select(['w.id', 'w.reference', 'w.title', 'c.name as customerName']).where('w.id', 'in', items).execute(),
      types.length === 0 ? [] : db.selectFrom('activity_types').select(['id', 'name']).where('id', 'in', types).execute(),
      db.selectFrom('timers').select(['id', 'slot', 'label', 'color']).where('deleted_at', 'is', null).execute(),
    ])
    return {
      items: new Map<string, CalendarWorkItem>(itemRows.map((w) => [w.id, { reference: w.reference, title: w.title, customerName: w.customerName }])),
      types: new Map(typeRows.map((t) => [t.id, t.name])),
      timers: new Map<string, CalendarTimer>(timers.map((t) => [t.id, { slot: t.slot, label: t.label, color: t.color }])),
    }
  }
}
