// The heartbeat and absences: while a timer runs, every committed write of the engine (and
// its once-a-minute check) notes the time, so that a crash leaves behind when the app was
// last alive; on the next start the time since then is asked about, never booked unasked.
// Sleep and a locked screen are noted the same way and become a question when long enough.
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../db/schema'
import { insertPrompt, promptRunning, readState, writeState } from './timer-rows'

export const HEARTBEAT_MS = 60_000
/** A restart longer than this after the last heartbeat asks what to do with the gap. */
export const CRASH_GAP_MS = 2 * 60_000

/**
 * At start-up: timers that were running keep running; a gap since the last heartbeat
 * longer than CRASH_GAP_MS becomes a question per running timer, unless the app was quit
 * on purpose with its timers left counting.
 */
export async function restoreRunning(trx: Transaction<Database>, now: number): Promise<void> {
  const running = await trx.selectFrom('timers').select(['id']).where('state', '=', 'running').execute()
  const heartbeat = await readState(trx, 'heartbeat_at')
  const keptRunning = (await readState(trx, 'quit_keeping_timers')) === '1'
  if (running.length > 0 && heartbeat !== null && !keptRunning && now - Number(heartbeat) > CRASH_GAP_MS) {
    for (const timer of running) await insertPrompt(trx, 'crash-gap', timer.id, Number(heartbeat), now, now)
  }
  await trx.deleteFrom('app_state').where('key', '=', 'quit_keeping_timers').execute()
  if (running.length > 0) await writeState(trx, 'heartbeat_at', String(now))
}

/** Runs `work` on one connection with SQLite's commit not waiting for the disk (WAL stays consistent), then back to FULL. */
export async function withoutDiskWait<T>(conn: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`PRAGMA synchronous = NORMAL`.execute(conn)
  try {
    return await work()
  } finally {
    await sql`PRAGMA synchronous = FULL`.execute(conn)
  }
}

/**
 * One committed write transaction; the heartbeat rides along whenever a timer runs.
 * Resolves whether one does. `light`: the minute check's own commit, which does not wait
 * for the disk (TimerEngine.tick says why that is safe).
 */
export function commitWithHeartbeat(db: Kysely<Database>, now: number, work: (trx: Transaction<Database>, now: number) => Promise<void>, light: boolean): Promise<boolean> {
  const commit = (on: Kysely<Database>) =>
    on.transaction().execute(async (trx) => {
      await work(trx, now)
      const any = await trx.selectFrom('timers').select('id').where('state', '=', 'running').limit(1).executeTakeFirst()
      if (any) await writeState(trx, 'heartbeat_at', String(now))
      return any !== undefined
    })
  return light ? db.connection().execute((conn) => withoutDiskWait(conn, () => commit(conn))) : commit(db)
}

/** The machine went to sleep or was locked: when, kept in the database (the process may not survive). The first note of an absence stands. */
export async function noteAway(trx: Transaction<Database>, now: number): Promise<void> {
  if ((await readState(trx, 'away_since')) === null) await writeState(trx, 'away_since', String(now))
}

/** The machine is back: an absence of at least `minutes` becomes a question per running timer. Resolves whether one was asked. */
export async function askAboutAbsence(trx: Transaction<Database>, minutes: number | null, now: number): Promise<boolean> {
  const since = await readState(trx, 'away_since')
  await trx.deleteFrom('app_state').where('key', '=', 'away_since').execute()
  if (since === null || minutes === null || now - Number(since) < minutes * 60_000) return false
  return promptRunning(trx, 'idle', Number(since), now, now)
}
