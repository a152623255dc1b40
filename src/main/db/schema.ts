// Row types of the local SQLite database, one interface per table. Kysely converts
// nothing: SQLite has no booleans or dates, so instants are integer ms and flags 0/1.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

export interface TimersTable {
  id: string
  slot: number
  label: string
  color: string
  state: 'idle' | 'running' | 'paused'
  created_at: number
  updated_at: number
  version: Generated<number>
  deleted_at: number | null
}

export interface TimerSegmentsTable {
  id: string
  timer_id: string
  started_at: number
  ended_at: number | null
  /** IANA zone the segment ran in: days are split in it later, whatever zone the machine is in then. */
  time_zone: string
  created_at: number
  updated_at: number
}

export interface Database {
  timers: TimersTable
  timer_segments: TimerSegmentsTable
}

export type TimerRow = Selectable<TimersTable>
export type NewTimerRow = Insertable<TimersTable>
export type TimerUpdate = Updateable<TimersTable>
export type TimerSegmentRow = Selectable<TimerSegmentsTable>
