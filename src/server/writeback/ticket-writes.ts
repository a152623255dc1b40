// Reading and retrying the outbox: the admin's list (by state, system, person, days), the
// admin's retry of what failed or waits, and a member's own entries' states for their
// devices (written with its link, waiting, failed with the system's reason). Nothing of a
// system's credentials is ever part of these answers.
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import type { ExpressionBuilder, Kysely } from 'kysely'
import { z } from 'zod'
import { DaySchema } from '@shared/entries'
import type { ServerDatabase, TicketWriteState } from '../db/schema'

export const TICKET_WRITE_STATES = ['waiting', 'written', 'failed', 'reverse_waiting', 'reverse_failed', 'reversed', 'cancelled'] as const satisfies readonly TicketWriteState[]
export const TicketWriteStateSchema = z.enum(TICKET_WRITE_STATES, `the state must be one of ${TICKET_WRITE_STATES.join(', ')}`)

export const WriteFilterSchema = z.strictObject({
  state: TicketWriteStateSchema.optional(),
  system: z.string().min(1).max(120).optional(),
  email: z.string().min(1).max(254).optional(),
  from: DaySchema.optional(),
  to: DaySchema.optional(),
  id: z.string().min(1).max(60).optional(),
})
export type WriteFilter = z.output<typeof WriteFilterSchema>

export interface TicketWriteListing {
  id: string
  entryId: string
  entryVersion: number
  email: string
  day: string
  system: string
  ticketUrl: string
  ticketId: string | null
  seconds: number
  state: TicketWriteState
  url: string | null
  lastError: string | null
  attempts: number
  nextAttemptAt: number
  updatedAt: number
}

function filtered(db: Kysely<ServerDatabase>, filter: WriteFilter) {
  let query = db
    .selectFrom('ticket_writes')
    .innerJoin('users', 'users.id', 'ticket_writes.user_id')
    .innerJoin('ticket_systems', 'ticket_systems.id', 'ticket_writes.system_id')
  if (filter.state) query = query.where('ticket_writes.state', '=', filter.state)
  if (filter.system) {
    const system = filter.system
    query = query.where((eb) => eb.or([eb('ticket_systems.name', '=', system), eb('ticket_systems.id', '=', system)]))
  }
  if (filter.email) query = query.where('users.email', '=', filter.email.trim().toLowerCase())
  if (filter.from) query = query.where('ticket_writes.day', '>=', filter.from)
  if (filter.to) query = query.where('ticket_writes.day', '<=', filter.to)
  if (filter.id) query = query.where('ticket_writes.id', '=', filter.id)
  return query
}

export async function listWrites(db: Kysely<ServerDatabase>, filter: WriteFilter, limit = 500): Promise<TicketWriteListing[]> {
  const rows = await filtered(db, filter)
    .select([
      'ticket_writes.id',
      'ticket_writes.entry_id',
      'ticket_writes.entry_version',
      'users.email',
      'ticket_writes.day',
      'ticket_systems.name as system',
      'ticket_writes.ticket_url',
      'ticket_writes.ticket_id',
      'ticket_writes.seconds',
      'ticket_writes.state',
      'ticket_writes.url',
      'ticket_writes.last_error',
      'ticket_writes.attempts',
      'ticket_writes.next_attempt_at',
      'ticket_writes.updated_at',
    ])
    .orderBy('ticket_writes.day')
    .orderBy('ticket_writes.created_at')
    .orderBy('ticket_writes.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    entryId: r.entry_id,
    entryVersion: r.entry_version,
    email: r.email,
    day: r.day,
    system: r.system,
    ticketUrl: r.ticket_url,
    ticketId: r.ticket_id,
    seconds: r.seconds,
    state: r.state,
    url: r.url,
    lastError: r.last_error,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    updatedAt: r.updated_at,
  }))
}

/**
 * Sends failed writes (and reversals) again, and makes waiting ones due now. Only jobs
 * nobody holds: one a worker is on finishes first. Answers how many it queued.
 */
export async function retryWrites(db: Kysely<ServerDatabase>, filter: WriteFilter, clock: () => number): Promise<{ retried: number }> {
  const now = clock()
  const ids = (await filtered(db, filter).select('ticket_writes.id').where('ticket_writes.state', 'in', ['failed', 'reverse_failed', 'waiting', 'reverse_waiting']).execute()).map((r) => r.id)
  let retried = 0
  for (const id of ids) {
    const free = (eb: ExpressionBuilder<ServerDatabase, 'ticket_writes'>) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])
    const asWrite = await db.updateTable('ticket_writes').set({ state: 'waiting', next_attempt_at: now, updated_at: now }).where('id', '=', id).where('state', 'in', ['failed', 'waiting']).where(free).executeTakeFirst()
    const asReverse = await db.updateTable('ticket_writes').set({ state: 'reverse_waiting', next_attempt_at: now, updated_at: now }).where('id', '=', id).where('state', 'in', ['reverse_failed', 'reverse_waiting']).where(free).executeTakeFirst()
    retried += Number(asWrite.numUpdatedRows) + Number(asReverse.numUpdatedRows)
  }
  return { retried }
}

/** One entry's write-back as its owner's devices show it: the newest write of each entry in the days. */
export type EntryWriteStatus = TicketWriteStatus

export async function ownWriteStatus(db: Kysely<ServerDatabase>, userId: string, from: string, to: string): Promise<EntryWriteStatus[]> {
  const rows = await db
    .selectFrom('ticket_writes')
    .innerJoin('ticket_systems', 'ticket_systems.id', 'ticket_writes.system_id')
    .select(['ticket_writes.entry_id', 'ticket_writes.entry_version', 'ticket_writes.day', 'ticket_systems.name', 'ticket_writes.ticket_url', 'ticket_writes.state', 'ticket_writes.url', 'ticket_writes.last_error', 'ticket_writes.created_at'])
    .where('ticket_writes.user_id', '=', userId)
    .where('ticket_writes.day', '>=', from)
    .where('ticket_writes.day', '<=', to)
    .where('ticket_writes.state', '!=', 'cancelled')
    .orderBy('ticket_writes.created_at')
    .orderBy('ticket_writes.entry_version')
    .execute()
  const newest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) newest.set(row.entry_id, row)
  return [...newest.values()]
    .map((r) => ({
      entryId: r.entry_id,
      entryVersion: r.entry_version,
      day: r.day,
      system: r.name,
      ticketUrl: r.ticket_url,
      state: r.state === 'reverse_waiting' || r.state === 'reverse_failed' ? ('reversing' as const) : (r.state as 'waiting' | 'written' | 'failed' | 'reversed'),
      url: r.state === 'written' ? r.url : null,
      reason: r.state === 'failed' || r.state === 'reverse_failed' || r.state === 'waiting' ? r.last_error : null,
    }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.entryId.localeCompare(b.entryId))
}
