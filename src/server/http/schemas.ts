// Zod schemas of the server's answers that no shared contract already describes (the
// admin listings, health and readiness, the error body). Each is pinned to the type the
// service returns, so the API document cannot drift from what the routes send.
import { z } from 'zod'
import type { ServerErrorBody } from './errors'
import type { Team, User } from '../org/lookup'
import type { CustomerListing, MergeResult, WorkItemListing } from '../reference/reference-admin'
import { RoleSchema } from '../org/inputs'
import { ApprovalPatternSchema } from '@shared/period-workflow'

/** True only when A and B are the same type; a schema whose output is not its service's type fails to compile. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

const Instant = z.number().int().nonnegative()
const UserBriefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() })

export const UserSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), role: RoleSchema, createdAt: Instant, deactivatedAt: Instant.nullable() })
export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  approvalPattern: ApprovalPatternSchema,
  members: z.array(UserBriefSchema),
  approvers: z.array(z.object({ level: z.union([z.literal(1), z.literal(2)]), user: UserBriefSchema })),
})
export const CustomerListingSchema = z.object({ id: z.string(), name: z.string(), organisation: z.string().nullable(), madeBy: z.string().nullable(), adminManaged: z.boolean() })
export const WorkItemListingSchema = z.object({
  id: z.string(),
  kind: z.string(),
  reference: z.string().nullable(),
  title: z.string(),
  customer: z.string().nullable(),
  /** The ticket's page, where its approved time is written back; null for none. */
  ticketUrl: z.string().nullable(),
  active: z.boolean(),
  madeBy: z.string().nullable(),
  adminManaged: z.boolean(),
})
export const MergeResultSchema = z.object({ from: z.string(), into: z.string(), moved: z.number().int(), kept: z.number().int(), keptIn: z.array(z.string()) })
export const RenameResultSchema = z.object({ before: z.string(), after: z.string() })
export const DeactivateCustomerResultSchema = z.object({ name: z.string(), workItems: z.number().int() })
export const DeactivateWorkItemResultSchema = z.object({ label: z.string() })

export const HealthResponseSchema = z.object({ ok: z.literal(true) })
export const ReadyResponseSchema = z.object({ ready: z.literal(true) })

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('A stable code such as invalid_request, unauthenticated, forbidden, not_found, conflict, rate_limited, unavailable.'),
    message: z.string().describe('A sentence for the person who asked: what was wrong and what was kept.'),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('For invalid input: each field and what is wrong with it.'),
  }),
})

// Compile-time pins: each schema describes exactly what its service returns.
export const PINNED = {
  user: true satisfies Same<z.infer<typeof UserSchema>, User>,
  team: true satisfies Same<z.infer<typeof TeamSchema>, Team>,
  customer: true satisfies Same<z.infer<typeof CustomerListingSchema>, CustomerListing>,
  workItem: true satisfies Same<z.infer<typeof WorkItemListingSchema>, WorkItemListing>,
  merge: true satisfies Same<z.infer<typeof MergeResultSchema>, MergeResult>,
  error: true satisfies Same<z.infer<typeof ErrorBodySchema>['error']['message'], ServerErrorBody['error']['message']>,
} as const
