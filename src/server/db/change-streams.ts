// Change numbering: every write to a synced row is stamped with a number from one of two
// kinds of stream, and devices pull "everything above my position" in each.
//   - The reference stream (org.change_seq) numbers customers, contracts, activity types
//     and work items: data every device pulls.
//   - One stream per person (change_streams.change_seq) numbers that person's time
//     entries and periods: data only their own devices pull.
// A writer takes numbers with `UPDATE … SET change_seq = change_seq + n RETURNING` inside
// its transaction and holds that row's lock to commit. Within one stream the numbers
// therefore commit in the order they were taken, so a reader that has seen number N can
// never later meet a row committed with a lower one. Different people's pushes lock
// different rows and run side by side; one person's two devices still queue.
// Lock order, so two writers can never wait on each other in a circle: the reference
// stream first (only when the transaction writes reference rows), then person streams
// in ascending user id. A transaction that breaks the order is stopped here, not left to
// deadlock under load.
// The two kinds of number are different types, and the schema only accepts a person's
// number in time_entries/periods and a reference number in reference tables, so a row
// cannot be numbered from the wrong stream.
import { sql, type Kysely, type Transaction } from 'kysely'
import { StintError } from '@shared/errors'
import type { ServerDatabase } from './schema'

declare const streamBrand: unique symbol
/** A number of the reference stream: only reference rows carry it. */
export type ReferenceSeq = number & { readonly [streamBrand]: 'reference' }
/** A number of one person's stream: only that person's entries and periods carry it. */
export type UserSeq = number & { readonly [streamBrand]: 'user' }

type Trx = Transaction<ServerDatabase>

/** What each open transaction holds, to check the lock order. Keyed by the transaction object every step of it shares. */
const held = new WeakMap<object, { reference: boolean; users: Set<string>; lastUser: string | null }>()

function holdingsOf(trx: Trx | Kysely<ServerDatabase>, what: string): { reference: boolean; users: Set<string>; lastUser: string | null } {
  if (!trx.isTransaction) throw new Error(`${what} must run inside the transaction that writes the change`)
  let holding = held.get(trx)
  if (!holding) {
    holding = { reference: false, users: new Set(), lastUser: null }
    held.set(trx, holding)
  }
  return holding
}

/**
 * A block of numbers taken at once. A step undone by its savepoint gives its numbers
 * back (rewind), so every row written carries a number from the block the transaction
 * holds, each number on one row only.
 */
export class SeqBlock<S extends number> {
  #next: number
  readonly #end: number
  constructor(first: number, count: number) {
    this.#next = first
    this.#end = first + count
  }
  readonly take = (): S => {
    if (this.#next >= this.#end) throw new Error('a transaction wrote more rows than it took change numbers for')
    return this.#next++ as S
  }
  mark(): number {
    return this.#next
  }
  rewind(to: number): void {
    this.#next = to
  }
}

/** Takes `count` numbers of the reference stream (its lock, to commit). Before any person's stream. */
export async function takeReferenceSeqs(trx: Trx | Kysely<ServerDatabase>, count: number): Promise<SeqBlock<ReferenceSeq>> {
  const holding = holdingsOf(trx, 'Numbering reference data')
  if (!holding.reference && holding.users.size > 0) throw new Error('lock order: the reference stream must be taken before any person\'s stream')
  const row = await trx
    .updateTable('org')
    .set((eb) => ({ change_seq: eb('change_seq', '+', count) }))
    .returning('change_seq')
    .executeTakeFirst()
  if (!row) throw new StintError('unavailable', 'This server has no organisation yet, so it cannot record changes. Run `npm run server -- init` first; nothing was changed.')
  holding.reference = true
  return new SeqBlock<ReferenceSeq>(row.change_seq - count + 1, count)
}

/** The next number of the reference stream. */
export async function nextReferenceSeq(trx: Trx | Kysely<ServerDatabase>): Promise<ReferenceSeq> {
  return (await takeReferenceSeqs(trx, 1)).take()
}

/**
 * Takes `count` numbers of `userId`'s stream (its lock, to commit). A person's stream
 * row is made on first use (people added after migration 0004 start at 1: they have no
 * older rows). Streams are taken in ascending user id; taking one already held is fine.
 */
export async function takeUserSeqs(trx: Trx | Kysely<ServerDatabase>, userId: string, count: number): Promise<SeqBlock<UserSeq>> {
  const holding = holdingsOf(trx, "Numbering a person's time")
  if (!holding.users.has(userId) && holding.lastUser !== null && userId < holding.lastUser) {
    throw new Error(`lock order: people's streams are taken in ascending id (${userId} after ${holding.lastUser})`)
  }
  // One statement on both databases: the upsert takes the row's lock like the UPDATE does.
  const row = await sql<{ change_seq: number | string }>`
    INSERT INTO change_streams (user_id, change_seq) VALUES (${userId}, ${count})
    ON CONFLICT (user_id) DO UPDATE SET change_seq = change_streams.change_seq + ${count}
    RETURNING change_seq`.execute(trx)
  const last = Number(row.rows[0]?.change_seq)
  holding.users.add(userId)
  if (holding.lastUser === null || userId > holding.lastUser) holding.lastUser = userId
  return new SeqBlock<UserSeq>(last - count + 1, count)
}

/** The next number of `userId`'s stream. */
export async function nextUserSeq(trx: Trx | Kysely<ServerDatabase>, userId: string): Promise<UserSeq> {
  return (await takeUserSeqs(trx, userId, 1)).take()
}

/** Takes the streams of several people in the one safe order; returns a block per person. */
export async function takeUsersSeqs(trx: Trx, counts: ReadonlyMap<string, number>): Promise<Map<string, SeqBlock<UserSeq>>> {
  const blocks = new Map<string, SeqBlock<UserSeq>>()
  for (const userId of [...counts.keys()].sort()) blocks.set(userId, await takeUserSeqs(trx, userId, counts.get(userId) ?? 0))
  return blocks
}

/**
 * The last number each stream has given that `userId` can see: the reference stream's and
 * the person's own (0 before their first change). A cursor beyond these was never given
 * by this database (see epoch.ts, databaseBehind).
 */
export async function streamHeads(db: Trx | Kysely<ServerDatabase>, userId: string): Promise<{ reference: number; own: number }> {
  const row = await sql<{ reference: number | string | null; own: number | string | null }>`
    SELECT (SELECT change_seq FROM org) AS reference, (SELECT change_seq FROM change_streams WHERE user_id = ${userId}) AS own`.execute(db)
  return { reference: Number(row.rows[0]?.reference ?? 0), own: Number(row.rows[0]?.own ?? 0) }
}
