// The messages between the browser extension, its native-messaging host and the desktop
// app (src/main/extension/ticket-socket.ts). Each hop reads them with these schemas, like
// IPC: anything not exactly understood is answered with a refusal, never guessed at.
// Requests carry an id the answer repeats; the desktop also pushes `tickets` events, the
// state of every ticket timer, whenever a timer changes.
import { z } from 'zod'
import { CUSTOMER_MAX_LENGTH, TICKET_REF_MAX_LENGTH, TICKET_REF_PATTERN, TIMER_TITLE_MAX_LENGTH } from './ticket-link'
import { TICKET_URL_MAX_LENGTH } from './ticket-url'

/** The host's name as Chromium and Firefox know it (lower case, dots): the manifest file is `<name>.json`. */
export const NATIVE_HOST_NAME = 'app.stint.native_host'
/** Chromium's own limit for one message from a host is 1 MB; Stint's messages stay far below it. */
export const NATIVE_MESSAGE_MAX_BYTES = 1024 * 1024

const RequestId = z.string().min(1).max(64)
export const TicketRefSchema = z.string().max(TICKET_REF_MAX_LENGTH).regex(TICKET_REF_PATTERN)
/** The ticket's page: http(s) only, the address the adapter made canonical (checked fully by src/shared/ticket-url.ts in the app). */
export const TicketUrlSchema = z
  .string()
  .max(TICKET_URL_MAX_LENGTH)
  .regex(/^https?:\/\/[^\s]+$/, 'a ticket page is an http or https address')

export const ExtensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ id: RequestId, type: z.literal('state'), ref: TicketRefSchema, url: TicketUrlSchema }).strict(),
  z
    .object({
      id: RequestId,
      type: z.literal('start'),
      ref: TicketRefSchema,
      url: TicketUrlSchema,
      title: z.string().max(TIMER_TITLE_MAX_LENGTH * 4).optional(),
      customer: z.string().max(CUSTOMER_MAX_LENGTH * 4).optional(),
    })
    .strict(),
  z.object({ id: RequestId, type: z.literal('pause'), ref: TicketRefSchema, url: TicketUrlSchema }).strict(),
  z.object({ id: RequestId, type: z.literal('stop'), ref: TicketRefSchema, url: TicketUrlSchema }).strict(),
])
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>

/** One ticket's timer as the control shows it; `idle` when no timer holds the ticket. Requests carry the ticket's page, which finds its work item first (src/main/timers/ticket-items.ts). */
export const TicketTimerSchema = z
  .object({
    /** The work item's reference (one another system's ticket of the same number has its host in it). */
    ref: z.string().max(TICKET_REF_MAX_LENGTH),
    /** The work item's ticket page: a page finds its timer by it first; null for a timer started by a link without one. */
    url: z.string().max(TICKET_URL_MAX_LENGTH).nullable(),
    state: z.enum(['idle', 'running', 'paused']),
    slot: z.number().int().min(1).max(9).nullable(),
    closedSeconds: z.number().int().nonnegative(),
    /** Start of the open segment (ms since epoch) while running: the control counts on from it. */
    runningSince: z.number().int().nullable(),
  })
  .strict()
export type TicketTimer = z.infer<typeof TicketTimerSchema>

/**
 * The timer of the ticket on a page, as the engine finds it (src/main/timers/ticket-items.ts):
 * by its page, else by its reference when that timer's item has no page yet (a plain link started it).
 */
export function timerOfTicket(timers: readonly TicketTimer[], ticket: { ref: string; url: string }): TicketTimer | undefined {
  return timers.find((t) => t.url === ticket.url) ?? timers.find((t) => t.url === null && t.ref.toLowerCase() === ticket.ref.toLowerCase())
}

export const ExtensionErrorSchema = z
  .object({
    code: z.string().min(1).max(40),
    /** Already in the app's language. */
    message: z.string().max(2000),
  })
  .strict()

export const ExtensionMessageSchema = z.union([
  z.object({ id: RequestId, ok: z.literal(true), timer: TicketTimerSchema }).strict(),
  z.object({ id: RequestId, ok: z.literal(false), error: ExtensionErrorSchema }).strict(),
  /** Every ticket timer that is running or paused, after any change. */
  z.object({ type: z.literal('tickets'), timers: z.array(TicketTimerSchema).max(9) }).strict(),
  /** From the host only: the desktop app is not running (or went away). */
  z.object({ type: z.literal('offline') }).strict(),
])
export type ExtensionMessage = z.infer<typeof ExtensionMessageSchema>

/** A request's answer when the request itself could not be read (its id, when it had a readable one). */
export function unreadableRequest(raw: unknown, message: string): ExtensionMessage {
  const id = typeof raw === 'object' && raw !== null && 'id' in raw && RequestId.safeParse(raw.id).success ? String(raw.id) : 'unknown'
  return { id, ok: false, error: { code: 'invalid_request', message: message.slice(0, 2000) } }
}
