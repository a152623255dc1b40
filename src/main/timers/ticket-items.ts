// The work item of a ticket that a link, the command line or the browser extension names:
// found by the ticket's page first (one page, one item), then by its reference, and made
// when there is none. Two ticket systems may both have a #42: a reference already tied to
// another ticket's page is never reused for this one; the new item's reference then carries
// its host ("rt.example.com/#42"), so time never lands on the other system's ticket.
import { sql, type Kysely, type Transaction } from 'kysely'
import { refuse } from '@shared/errors'
import { newId } from '@shared/ids'
import { TICKET_REF_MAX_LENGTH } from '@shared/ticket-link'
import { ticketUrlHost } from '@shared/ticket-url'
import { SLOT_COUNT } from '@shared/timers'
import type { Database, TimerRow } from '../db/schema'
import { customerLike, workItemLike } from '../work/look-alikes'
import { slotForTicket } from './timer-rows'

type Db = Kysely<Database> | Transaction<Database>

export interface TicketRequest {
  ref: string
  title?: string | undefined
  customer?: string | undefined
  /** The ticket's page (already checked by src/shared/ticket-url.ts). */
  url?: string | undefined
}

export interface TicketItem {
  id: string
  billable: 0 | 1
  reference: string | null
  title: string
}

export async function findOrCreateTicket(db: Db, command: TicketRequest, now: number): Promise<TicketItem> {
  const url = command.url
  if (url !== undefined) {
    const byPage = await itemOfPage(db, url)
    if (byPage) return byPage
  }
  // Look-alikes (letter case, spacing, invisible characters) find the item or customer that exists.
  const existing = await workItemLike(db, { reference: command.ref, title: command.title ?? command.ref })
  if (existing && (url === undefined || existing.ticket_url === null)) {
    if (url !== undefined) await attachPage(db, existing.id, url, now)
    return existing
  }
  let ref = command.ref
  if (existing && url !== undefined) {
    ref = hostQualified(command.ref, url)
    const qualified = await workItemLike(db, { reference: ref, title: command.title ?? ref })
    if (qualified && qualified.ticket_url === null) {
      await attachPage(db, qualified.id, url, now)
      return qualified
    }
    if (qualified) throw refuse('conflict', 'refusal.ticketRefTaken', { ref: command.ref })
  }
  let customerId: string | null = null
  if (command.customer) {
    const customer = await customerLike(db, command.customer)
    customerId = customer?.id ?? newId()
    if (!customer) await db.insertInto('customers').values({ id: customerId, name: command.customer, created_at: now, updated_at: now, deleted_at: null }).execute()
  }
  const item = { id: newId(), kind: 'ticket' as const, reference: ref, title: command.title ?? command.ref, customer_id: customerId, contract_id: null, billable: 1 as const, active: 1 as const, ticket_url: url ?? null, created_at: now, updated_at: now, deleted_at: null }
  await db.insertInto('work_items').values(item).execute()
  return { id: item.id, billable: item.billable, reference: item.reference, title: item.title }
}

/** The slot of the running or paused timer of a ticket: by its page when given, else by its reference in any letter case. */
export async function activeSlotOfTicket(db: Db, ticket: { ref: string; url?: string | undefined }): Promise<number | undefined> {
  let query = db.selectFrom('timers').innerJoin('work_items', 'work_items.id', 'timers.work_item_id').select('timers.slot').where('timers.state', '!=', 'idle')
  query = ticket.url !== undefined ? query.where('work_items.ticket_url', '=', ticket.url) : query.where(sql<boolean>`work_items.reference = ${ticket.ref} COLLATE NOCASE`)
  const timer = await query.orderBy('timers.slot').executeTakeFirst()
  if (timer || ticket.url === undefined) return timer?.slot
  // A timer started by a plain link before its page was known.
  return activeSlotOfTicket(db, { ref: ticket.ref })
}

async function itemOfPage(db: Db, url: string): Promise<TicketItem | undefined> {
  return db
    .selectFrom('work_items')
    .select(['id', 'billable', 'reference', 'title'])
    .where('ticket_url', '=', url)
    .where('deleted_at', 'is', null)
    .orderBy('active', 'desc')
    .orderBy('created_at')
    .executeTakeFirst()
}

async function attachPage(db: Db, id: string, url: string, now: number): Promise<void> {
  await db.updateTable('work_items').set((eb) => ({ ticket_url: url, updated_at: now, version: eb('version', '+', 1) })).where('id', '=', id).execute()
}

/** "#42" of rt.example.com becomes "rt.example.com/#42", within the reference's length. */
function hostQualified(ref: string, url: string): string {
  const room = TICKET_REF_MAX_LENGTH - ref.length - 1
  const host = ticketUrlHost(url).slice(0, Math.max(room, 0)).replace(/[^A-Za-z0-9.:-]+$/, '')
  return host === '' ? ref : `${host}/${ref}`
}

/**
 * The timer a ticket's start goes to: the ticket's own when one has it, else an idle one,
 * pointed at the ticket's work item (made when there is none). Refused when all nine are
 * busy with other work.
 */
export async function timerForTicket(trx: Transaction<Database>, command: TicketRequest, now: number): Promise<TimerRow> {
  const item = await findOrCreateTicket(trx, command, now)
  const target = slotForTicket(await trx.selectFrom('timers').selectAll().orderBy('slot').execute(), item.id)
  if (!target) throw refuse('conflict', 'refusal.allTimersInUseToStart', { count: SLOT_COUNT, ref: command.ref })
  if (target.state !== 'running' && target.work_item_id !== item.id) {
    await trx
      .updateTable('timers')
      .set((eb) => ({ work_item_id: item.id, billable: item.billable, label: (item.reference ?? item.title).slice(0, 60), note: '', updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', target.id)
      .execute()
  }
  return target
}
