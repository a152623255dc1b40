// What time is booked against: work items (tickets, work orders, tasks, general
// activities), optionally owned by a customer and contract, and activity types.
import { z } from 'zod'
import { nameSchema } from './text'
import { ticketUrlSchema } from './ticket-url'

const name = (max: number, what: string) => nameSchema(what, { max })

export const WorkItemKindSchema = z.enum(['ticket', 'work_order', 'task', 'general'])
export type WorkItemKind = z.infer<typeof WorkItemKindSchema>

export const WORK_ITEM_KIND_LABELS: Record<WorkItemKind, string> = {
  ticket: 'Ticket',
  work_order: 'Work order',
  task: 'Task',
  general: 'General activity',
}

export const CustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The group a customer belongs to ("Acme Group"), for reports per organisation; null for none. */
  organisation: z.string().nullable(),
})
export type Customer = z.infer<typeof CustomerSchema>

export const ContractSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  includedMinutes: z.number().int().nonnegative().nullable(),
})
export type Contract = z.infer<typeof ContractSchema>

export const WorkItemSchema = z.object({
  id: z.string(),
  kind: WorkItemKindSchema,
  reference: z.string().nullable(),
  title: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  contractId: z.string().nullable(),
  billable: z.boolean(),
  active: z.boolean(),
  favourite: z.boolean(),
  /** The ticket's page in its ticket system (https://redmine.example.com/issues/42), null for none. */
  ticketUrl: z.string().nullable(),
})
export type WorkItem = z.infer<typeof WorkItemSchema>

export const WorkItemInputSchema = z
  .object({
    kind: WorkItemKindSchema,
    reference: name(64, 'A reference').nullable().optional(),
    title: name(200, 'A title'),
    customerId: z.string().nullable().optional(),
    contractId: z.string().nullable().optional(),
    billable: z.boolean().optional(),
    active: z.boolean().optional(),
    ticketUrl: ticketUrlSchema.nullable().optional(),
  })
  .strict()
export type WorkItemInput = z.infer<typeof WorkItemInputSchema>

export const ActivityTypeSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean(), isDefault: z.boolean() })
export type ActivityType = z.infer<typeof ActivityTypeSchema>

export const ActivityTypeInputSchema = z
  .object({ name: name(80, 'A name'), active: z.boolean().optional(), isDefault: z.boolean().optional() })
  .strict()

/** Free text, trimmed; left out, blank or null all mean "no organisation". */
export const OrganisationInputSchema = z
  .string({ error: 'An organisation is text, such as "Acme Group", or null for none' })
  .pipe(nameSchema('An organisation', { max: 120, required: false }))
  .nullable()
  .optional()
  .transform((text) => (text === undefined || text === null || text === '' ? null : text))

export const CustomerInputSchema = z.object({ name: name(120, 'A customer name'), organisation: OrganisationInputSchema }).strict()
export type CustomerInput = z.input<typeof CustomerInputSchema>

export const ContractInputSchema = z
  .object({ customerId: z.string(), name: name(120, 'A contract name'), includedMinutes: z.number().int().min(0).max(1_000_000).nullable().optional() })
  .strict()

/** What a work item is called in lists: "TICKET-1234 · Printer on 2nd floor". */
export function workItemDisplayName(item: Pick<WorkItem, 'reference' | 'title'>): string {
  return item.reference ? `${item.reference} · ${item.title}` : item.title
}

/**
 * The activity types every new database starts with, on every device and on the team
 * server alike. Fixed ids, so a device that connects later finds the server's copies of
 * the same rows instead of adding five more.
 */
export const DEFAULT_ACTIVITY_TYPES: readonly { id: string; name: string; isDefault: boolean }[] = [
  { id: '0190a000-57a1-7000-8000-00000000a001', name: 'Remote support', isDefault: true },
  { id: '0190a000-57a1-7000-8000-00000000a002', name: 'On-site', isDefault: false },
  { id: '0190a000-57a1-7000-8000-00000000a003', name: 'Admin', isDefault: false },
  { id: '0190a000-57a1-7000-8000-00000000a004', name: 'Meeting', isDefault: false },
  { id: '0190a000-57a1-7000-8000-00000000a005', name: 'Training', isDefault: false },
]
