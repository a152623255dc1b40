// The messages between the browser extension, its native-messaging host and the desktop
// app (src/main/extension/ticket-socket.ts). Each hop reads them with these schemas, like
// IPC: anything not exactly understood is answered with a refusal, never guessed at.
// Requests carry an id the answer repeats; the desktop also pushes `tickets` events, the
// state of every ticket timer, whenever a timer changes.
import { z } from 'zod'
import { CUSTOMER_MAX_LENGTH, TICKET_REF_MAX_LENGTH, TICKET_REF_PATTERN, TIMER_TITLE_MAX_LENGTH } from './ticket-link'

/** The host's name as Chromium and Firefox know it (lower case, dots): the manifest file is `<name>.json`. */
export const NATIVE_HOST_NAME = 'app.stint.native_host'
/** Chromium's own limit for one message from a host is 1 MB; Stint's messages stay far below it. */
export const NATIVE_MESSAGE_MAX_BYTES = 1024 * 1024
export const TICKET_URL_MAX_LENGTH = 2048

const RequestId = z.string().min(1).max(64)
export const TicketRefSchema = z.string().max(TICKET_REF_MAX_LENGTH).regex(TICKET_REF_PATTERN)
/** The ticket's page: http(s) only, the address the adapter made canonical. */
export const TicketUrlSchema = z
  .string()
  .max(TICKET_URL_MAX_LENGTH)
  .regex(/^https?:\/\/[^\s]+$/, 'a ticket page is an http or https address')

export const ExtensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ id: RequestId, type: z.literal('state'), ref: TicketRefSchema }).strict(),
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
  z.object({ id: RequestId, type: z.literal('pause'), ref: TicketRefSchema }).strict(),
  z.object({ id: RequestId, type: z.literal('stop'), ref: TicketRefSchema }).strict(),
])
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>

/** One ticket's timer as the control shows it; `idle` when no timer holds the ticket. */
export const TicketTimerSchema = z
  .object({
    ref: TicketRefSchema,
    state: z.enum(['idle', 'running', 'paused']),
    slot: z.number().int().min(1).max(9).nullable(),
    closedSeconds: z.number().int().nonnegative(),
    /** Start of the open segment (ms since epoch) while running: the control counts on from it. */
    runningSince: z.number().int().nullable(),
  })
  .strict()
export type TicketTimer = z.infer<typeof TicketTimerSchema>

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
