// Where one entry's approved time stands on its ticket, as the team server tells the entry's
// owner (GET /v1/ticket-writes): written (with a link to it), waiting, failed (with the
// ticket system's own reason), being taken back, or taken back. One schema for the server's
// answer and the app's reading of it.
import { z } from 'zod'
import { DaySchema } from '../entries'

export const TICKET_WRITE_STATUSES = ['waiting', 'written', 'failed', 'reversing', 'reversed'] as const

export const TicketWriteStatusSchema = z.object({
  entryId: z.string(),
  entryVersion: z.number().int(),
  day: z.string(),
  /** The ticket system's name, as the admin called it ("Redmine"). */
  system: z.string(),
  ticketUrl: z.string(),
  state: z.enum(TICKET_WRITE_STATUSES),
  url: z.string().nullable().describe('The written time on the ticket system, when written.'),
  reason: z.string().nullable().describe('Why it failed or waits: the ticket system’s own words.'),
})
export type TicketWriteStatus = z.infer<typeof TicketWriteStatusSchema>

export const TicketWriteStatusQuerySchema = z.strictObject({ from: DaySchema, to: DaySchema })
export const TicketWriteStatusAnswerSchema = z.object({ entries: z.array(TicketWriteStatusSchema) })
