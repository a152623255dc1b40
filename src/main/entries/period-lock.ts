// The period lock on this device: whether a day's entries may change here, and which
// lock it is (each window says why and what to do from it, refusal.lock.*). Every local write of an entry asks it
// first (the writers in entry-rows.ts take the proof it hands out); the rule itself is
// the shared workflow's `isLocked` and `lockKind`. A day is locked when a stored period of the user
// that covers it is submitted or approved, whatever the period rule is now.
import { refuse } from '@shared/errors'
import { isLocked, lockKind, type LockMode } from '@shared/period-workflow'
import type { PeriodStatus } from '@shared/timesheet'
import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../db/schema'

type Db = Kysely<Database> | Transaction<Database>

export { lockKind, type LockKind, type LockMode } from '@shared/period-workflow'

const checked = Symbol('days checked against the period lock')

/**
 * Days found open in this transaction: the only key the entry writers accept, so a write
 * that never asked the lock does not compile (and a day that was not asked about throws).
 */
export interface OpenDays {
  readonly [checked]: ReadonlySet<string>
}

export interface DayCheck {
  open: OpenDays
  /** The locked days among those asked about, with their period's status. */
  locked: ReadonlyMap<string, PeriodStatus>
}

/** Which of the days are locked for this user, and the key for the others. */
export async function checkDays(db: Db, user: string, days: Iterable<string>): Promise<DayCheck> {
  const wanted = [...new Set(days)].sort()
  const locked = new Map<string, PeriodStatus>()
  const first = wanted[0]
  const last = wanted[wanted.length - 1]
  if (first !== undefined && last !== undefined) {
    const periods = await db
      .selectFrom('periods')
      .select(['start_day', 'end_day', 'status'])
      .where('user_id', '=', user)
      .where('deleted_at', 'is', null)
      .where('start_day', '<=', last)
      .where('end_day', '>=', first)
      .execute()
    for (const day of wanted) {
      const lock = periods.find((p) => p.start_day <= day && day <= p.end_day && isLocked(p.status))
      if (lock) locked.set(day, lock.status)
    }
  }
  return { open: { [checked]: new Set(wanted.filter((d) => !locked.has(d))) }, locked }
}

/** The key for the days, or a refusal with the lock's reason when any of them is locked. */
export async function requireOpen(db: Db, user: string, days: Iterable<string>, mode: LockMode): Promise<OpenDays> {
  const { open, locked } = await checkDays(db, user, days)
  const [first] = locked.values()
  const lock = first === undefined ? null : lockKind(first, mode)
  if (lock !== null) throw refuse('conflict', 'refusal.periodLocked', { lock })
  return open
}

/** The writers' guard: a day the lock was not asked about here is a bug, never a silent write. */
export function assertOpen(open: OpenDays, day: string): void {
  if (!open[checked].has(day)) throw new Error(`time entries of ${day} were about to change without the period lock being asked`)
}
