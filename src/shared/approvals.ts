// What approvers see and send: the queue of submitted periods of their teams, one
// member's period read-only, and their decisions. Approvals happen online, on the team
// server; the desktop app only shows them. Administrators also reopen periods and void
// approved time, always with a reason that goes into the period's history.
import { z } from 'zod'
import { DaySchema } from './entries'
import { refusalFields } from './errors'
import { MAX_REASON_LENGTH } from './period-workflow'
import { EntryWireSchema, PeriodWireSchema } from './sync'

/** Ids are made by devices (UUIDs); printable ASCII only, so a NUL or a stray byte is refused before any lookup. */
const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'an id is letters, digits and punctuation, without spaces or control characters')
const Level = z.union([z.literal(1), z.literal(2)])
const Seconds = z.number().int().nonnegative()
const Reason = z.string().trim().min(1, 'a reason is required').max(MAX_REASON_LENGTH, `a reason can be at most ${MAX_REASON_LENGTH} characters`)

export const MemberSchema = z.object({ id: Id, name: z.string(), email: z.string() })

export const ApprovalQueueItemSchema = z.object({
  periodId: Id,
  member: MemberSchema,
  teams: z.array(z.string()),
  start: DaySchema,
  end: DaySchema,
  level: Level,
  submittedAt: z.number().int().nullable(),
  totalSeconds: Seconds,
  billableSeconds: Seconds,
  /** Expected hours of the period (8 h Monday to Friday on the server). */
  expectedSeconds: Seconds,
  /** Submitted again after a rejection: the detail lists what changed. */
  resubmitted: z.boolean(),
})
export type ApprovalQueueItem = z.infer<typeof ApprovalQueueItemSchema>

export const ApprovalQueueSchema = z.object({ items: z.array(ApprovalQueueItemSchema) })

export const ApprovalDetailSchema = z.object({
  member: MemberSchema,
  period: PeriodWireSchema,
  entries: z.array(EntryWireSchema),
  workItems: z.array(z.object({ id: Id, reference: z.string().nullable(), title: z.string() })),
  activityTypes: z.array(z.object({ id: Id, name: z.string() })),
  /** Expected hours of the period, as in the queue (8 h Monday to Friday on the server). */
  expectedSeconds: Seconds,
  /** Since the last rejection: ids of entries added or changed, and entries removed. */
  changedSinceRejection: z.object({ changed: z.array(Id), removed: z.array(EntryWireSchema) }).nullable(),
  /** The levels at which the caller may decide this period now (empty: read only). */
  canDecide: z.boolean(),
})
export type ApprovalDetail = z.infer<typeof ApprovalDetailSchema>

export const ApproveRequestSchema = z.object({ periodIds: z.array(Id).min(1).max(200) }).strict()
export const RejectRequestSchema = z.object({ periodId: Id, reason: Reason }).strict()
export const ReopenRequestSchema = z.object({ periodId: Id, reason: Reason }).strict()
export const VoidRequestSchema = z.object({ periodId: Id, reason: Reason }).strict()

/** One answer per period of a decision: several can be approved at once, each on its own. */
export const DecisionResultSchema = z.object({
  /** `message` in English for older devices and API clients; `messageId` and `values` let a newer window say it in its reader's language. */
  results: z.array(z.object({ periodId: Id, ok: z.boolean(), message: z.string(), ...refusalFields, period: PeriodWireSchema.nullable() })),
})
export type DecisionResult = z.infer<typeof DecisionResultSchema>
