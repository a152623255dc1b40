// The sync protocol between a device and the team server. A device pushes batches of
// mutations, each with an id it made (a replayed batch changes nothing: the server
// answers a known id with the answer it gave before); it pulls what changed after a
// server cursor. A change based on an outdated version comes back as a conflict with
// the server's copy, never applied blindly; a change the server refuses comes back
// with the reason. The server is the judge of every period's status.
import { z } from 'zod'
import { DaySchema, EntrySourceSchema, EntryStatusSchema } from './entries'
import { refusalFields } from './errors'
import { englishRefusal } from './i18n/refusal-text'
import { ApprovalPatternSchema } from './period-workflow'
import { PeriodRuleSchema } from './periods'
import { PeriodStatusSchema } from './timesheet'
import { CursorInputSchema, CursorTextSchema } from './sync-cursor'
import { EntryRunWireSchema, MAX_ENTRY_RUNS, runsRefusal } from './sync-runs'
import { freeTextSchema, nameSchema } from './text'
import { ticketUrlSchema } from './ticket-url'

export const MAX_PUSH_MUTATIONS = 500
export const MAX_PULL_CHANGES = 1000
export const DEFAULT_PULL_CHANGES = 500

const Id = z.string().min(1).max(64)
const Instant = z.number().int().nonnegative()
const Version = z.number().int().positive()
const Name = z.string().min(1).max(200)

/** A time entry on the wire: the row as it is, a tombstone when deletedAt is set. */
export const EntryWireSchema = z.object({
  id: Id,
  day: DaySchema,
  workItemId: Id.nullable(),
  activityTypeId: Id.nullable(),
  billable: z.boolean(),
  description: z.string().max(2000),
  source: EntrySourceSchema,
  rawSeconds: z.number().int().nonnegative().max(86_400),
  roundedSeconds: z.number().int().nonnegative().max(86_400),
  status: EntryStatusSchema,
  version: Version,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
})
export type EntryWire = z.infer<typeof EntryWireSchema>

export const WorkItemWireSchema = z.object({
  id: Id,
  kind: z.enum(['ticket', 'work_order', 'task', 'general']),
  reference: z.string().min(1).max(64).nullable(),
  title: Name,
  customerId: Id.nullable(),
  contractId: Id.nullable(),
  billable: z.boolean(),
  active: z.boolean(),
  /** The ticket's page, null for none. Left out by an older device or server: the copy at the other end keeps its own. */
  ticketUrl: z.string().min(1).max(2048).nullable().optional(),
  version: Version,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
})
export type WorkItemWire = z.infer<typeof WorkItemWireSchema>

export const ActivityTypeWireSchema = z.object({ id: Id, name: Name, active: z.boolean(), isDefault: z.boolean(), version: Version, updatedAt: Instant, deletedAt: Instant.nullable() })
export type ActivityTypeWire = z.infer<typeof ActivityTypeWireSchema>

export const CustomerWireSchema = z.object({
  id: Id,
  name: Name,
  /** The customer's organisation, null for none. Left out by an older device or server: the copy at the other end keeps its own. */
  organisation: z.string().min(1).max(120).nullable().optional(),
  version: Version,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
})
export type CustomerWire = z.infer<typeof CustomerWireSchema>

export const ContractWireSchema = z.object({
  id: Id,
  customerId: Id,
  name: Name,
  includedMinutes: z.number().int().nonnegative().nullable(),
  version: Version,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
})
export type ContractWire = z.infer<typeof ContractWireSchema>

export const PeriodEventWireSchema = z.object({
  id: Id,
  at: Instant,
  actorName: z.string(),
  from: PeriodStatusSchema,
  to: PeriodStatusSchema,
  level: z.union([z.literal(1), z.literal(2)]).nullable(),
  reason: z.string().nullable(),
})
export type PeriodEventWire = z.infer<typeof PeriodEventWireSchema>

/** A period's status as the server decided it, with its history. */
export const PeriodWireSchema = z.object({
  id: Id,
  start: DaySchema,
  end: DaySchema,
  status: PeriodStatusSchema,
  level: z.union([z.literal(1), z.literal(2)]).nullable(),
  reason: z.string().nullable(),
  version: Version,
  updatedAt: Instant,
  events: z.array(PeriodEventWireSchema),
})
export type PeriodWire = z.infer<typeof PeriodWireSchema>

const base = { id: z.uuid('a client mutation id is a UUID') }

/**
 * An id a device sends for a row or a link: visible ASCII only (UUIDs and the built-in
 * ids are), so no control character (PostgreSQL cannot store a NUL), space or look-alike
 * ever reaches a key column. Pulls read ids leniently, like the rest of a pulled row.
 */
const ChangeId = z
  .string({ error: 'an id is text' })
  .min(1, 'an id cannot be empty')
  .max(64, 'an id has at most 64 characters')
  .regex(/^[\x21-\x7e]+$/, 'an id is letters, digits and punctuation only: no spaces, control or invisible characters')

// What a device may send is checked harder than what it reads back: names are normalised
// and refuse invisible characters, free text refuses control characters (see text.ts), and
// the lengths are the server's column limits. Pulls stay lenient, so a row stored before a
// rule existed never stops a device's pull.
const EntryChangeSchema = EntryWireSchema.omit({ version: true, status: true }).extend({
  id: ChangeId,
  workItemId: ChangeId.nullable(),
  activityTypeId: ChangeId.nullable(),
  description: freeTextSchema('An entry description', 2000),
  /**
   * The entry's timer runs (sync-runs.ts), for the server's billing. Left out (an older
   * device, an entry without runs on this device): the server keeps the runs it has.
   * An empty list: the entry has no runs now. A tombstone's runs go whatever it says.
   */
  runs: z
    .array(EntryRunWireSchema)
    .max(MAX_ENTRY_RUNS)
    .superRefine((runs, ctx) => {
      const refused = runsRefusal(runs)
      if (refused) ctx.addIssue({ code: 'custom', message: englishRefusal(refused) })
    })
    .optional(),
})
const WorkItemChangeSchema = WorkItemWireSchema.omit({ version: true }).extend({
  id: ChangeId,
  reference: nameSchema('A ticket reference', { max: 64 }).nullable(),
  title: nameSchema('A work item title', { max: 200 }),
  customerId: ChangeId.nullable(),
  contractId: ChangeId.nullable(),
  ticketUrl: ticketUrlSchema.nullable().optional(),
})
const ActivityTypeChangeSchema = ActivityTypeWireSchema.omit({ version: true }).extend({ id: ChangeId, name: nameSchema('An activity type name', { max: 80 }) })
const CustomerChangeSchema = CustomerWireSchema.omit({ version: true }).extend({
  id: ChangeId,
  name: nameSchema('A customer name', { max: 120 }),
  organisation: nameSchema('An organisation', { max: 120 }).nullable().optional(),
})
/** Included time up to 100,000 hours, as the server's admin commands allow (and within a 32-bit column on PostgreSQL). */
export const MAX_INCLUDED_MINUTES = 100_000 * 60
const ContractChangeSchema = ContractWireSchema.omit({ version: true }).extend({
  id: ChangeId,
  customerId: ChangeId,
  name: nameSchema('A contract name', { max: 120 }),
  includedMinutes: z.number().int().nonnegative().max(MAX_INCLUDED_MINUTES, 'a contract includes at most 100,000 hours').nullable(),
})

/** One change a device made. `baseVersion` is the server version it was made on (null: new). */
export const MutationSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('entry.put'), baseVersion: Version.nullable(), entry: EntryChangeSchema }),
  z.object({ ...base, type: z.literal('workItem.put'), baseVersion: Version.nullable(), item: WorkItemChangeSchema }),
  z.object({ ...base, type: z.literal('activityType.put'), baseVersion: Version.nullable(), activityType: ActivityTypeChangeSchema }),
  z.object({ ...base, type: z.literal('customer.put'), baseVersion: Version.nullable(), customer: CustomerChangeSchema }),
  z.object({ ...base, type: z.literal('contract.put'), baseVersion: Version.nullable(), contract: ContractChangeSchema }),
  z.object({ ...base, type: z.literal('period.submit'), start: DaySchema, end: DaySchema }),
  z.object({ ...base, type: z.literal('period.withdraw'), start: DaySchema }),
])
export type Mutation = z.infer<typeof MutationSchema>
export type MutationType = Mutation['type']

export const PushRequestSchema = z.object({
  deviceId: Id,
  mutations: z.array(MutationSchema).min(1).max(MAX_PUSH_MUTATIONS, `a push carries at most ${MAX_PUSH_MUTATIONS} mutations; send the rest in the next batch`),
})
export type PushRequest = z.infer<typeof PushRequestSchema>

/**
 * What the server reads of a push before it looks at any change: who sends it, and up to
 * 500 changes that each carry an id its answer can be matched by. Each change is then
 * checked on its own (MutationSchema), so one the server cannot take is answered
 * `refused` with the reason while the rest apply. Only a push whose shape is wrong, or a
 * change without a usable id, is refused as a whole.
 */
export const PushEnvelopeSchema = z.strictObject(
  {
    deviceId: z.string({ error: 'deviceId names the sending device: text of 1 to 64 characters' }).min(1, 'deviceId cannot be empty').max(64, 'deviceId has at most 64 characters'),
    mutations: z
      .array(
        z.looseObject(
          {
            id: z
              .string({ error: 'each change needs its id (a UUID), so that its answer can be matched to it' })
              .min(1, 'a change id cannot be empty')
              .max(64, 'a change id has at most 64 characters')
              .regex(/^[\x21-\x7e]+$/, 'a change id is letters, digits and punctuation only'),
          },
          { error: 'each change is an object with an id and a type' },
        ),
        { error: 'mutations is a list of changes' },
      )
      .min(1, 'a push carries at least one change')
      .max(MAX_PUSH_MUTATIONS, `a push carries at most ${MAX_PUSH_MUTATIONS} mutations; send the rest in the next batch`),
  },
  { error: 'a push is a JSON object: { "deviceId": …, "mutations": [ … ] }' },
)

/** The server's answer to one mutation; the same answer again for a replayed id. */
export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.string(), status: z.literal('applied'), version: Version.nullable() }),
  /**
   * `current`: the server's copy (an EntryWire, WorkItemWire … or PeriodWire for a period move), null when it has none.
   * `reason` in English for older devices and API clients; `messageId` and `values` let a newer device say it in its reader's language.
   */
  z.object({ id: z.string(), status: z.literal('conflict'), reason: z.string(), ...refusalFields, current: z.unknown() }),
  z.object({ id: z.string(), status: z.literal('refused'), reason: z.string(), ...refusalFields, current: z.unknown().optional() }),
])
export type MutationResult = z.infer<typeof MutationResultSchema>

export const PushResponseSchema = z.object({ results: z.array(MutationResultSchema) })
export type PushResponse = z.infer<typeof PushResponseSchema>

export const PullQuerySchema = z.object({
  /** The cursor of the last pull (sync-cursor.ts); an older device's plain number still works. */
  after: CursorInputSchema,
  limit: z.coerce.number().int().min(1).max(MAX_PULL_CHANGES).default(DEFAULT_PULL_CHANGES),
})

export const PullResponseSchema = z.object({
  entries: z.array(EntryWireSchema),
  periods: z.array(PeriodWireSchema),
  workItems: z.array(WorkItemWireSchema),
  activityTypes: z.array(ActivityTypeWireSchema),
  customers: z.array(CustomerWireSchema),
  contracts: z.array(ContractWireSchema),
  /** Pull again after this (sync-cursor.ts); the same position as `after` when nothing changed. */
  cursor: CursorTextSchema,
  /** More changes wait beyond this page. */
  more: z.boolean(),
  /**
   * The server database's epoch, new after a restore from backup. A device that sees it
   * change pulls everything again and sends back what the database lost. Optional, so a
   * server from before it still syncs.
   */
  epoch: z.string().min(1).max(64).optional(),
  /**
   * Present when `after` lies beyond every number this database has given: it is older
   * than what this device has seen (restored from a backup nobody marked with a new
   * epoch). The device does what it does for a new epoch.
   */
  behind: z.literal(true).optional(),
})
export type PullResponse = z.infer<typeof PullResponseSchema>

/** What GET /v1/me tells a device: who it syncs for, the teams it is in and approves for, and the rules it follows. */
export const MeResponseSchema = z.object({
  user: z.object({ id: Id, name: z.string(), email: z.string(), role: z.enum(['member', 'approver', 'admin']) }),
  organisation: z.object({ name: z.string(), periodRule: PeriodRuleSchema }),
  teams: z.array(z.object({ id: Id, name: z.string(), approvalPattern: ApprovalPatternSchema })),
  approves: z.array(z.object({ teamId: Id, teamName: z.string(), level: z.union([z.literal(1), z.literal(2)]) })),
  /** The server database's epoch, as in a pull: a device checks it before it pushes (see PullResponseSchema). */
  epoch: z.string().min(1).max(64).optional(),
  /** As in a pull, for the cursor the device sent as `after` (see PullResponseSchema). */
  behind: z.literal(true).optional(),
})

/** GET /v1/me?after=<cursor>: a device sends where it has pulled to, so a restore nobody marked is noticed before it pushes. */
export const MeQuerySchema = z.object({ after: CursorInputSchema })
export type MeResponse = z.infer<typeof MeResponseSchema>

/**
 * What the app shows about sync: standalone (no server), syncing, synced, pending N (also
 * while the server asks this device to wait), offline (the server cannot be reached),
 * problem (the server answers, but with an error: its message says which), needs
 * attention (changes the server refused), not signed in.
 */
export const SyncStatusSchema = z.object({
  state: z.enum(['standalone', 'syncing', 'synced', 'pending', 'offline', 'problem', 'attention', 'unauthorized']),
  pending: z.number().int().nonnegative(),
  issues: z.number().int().nonnegative(),
  lastSyncedAt: z.number().int().nullable(),
  nextAttemptAt: z.number().int().nullable(),
  message: z.string().nullable(),
  /**
   * The catalogue id of `message` (a refusal.* id, or a sync.* one of the status's own), so
   * the window says it in its language; without one (an older host) the window shows `message`.
   */
  messageId: z.string().min(1).optional(),
  /** The id's values: data, as a refusal's (the reader formats days and seconds). */
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type SyncStatus = z.infer<typeof SyncStatusSchema>

/** The team server this device syncs with, as Settings shows it. */
export const TeamAccountSchema = z.object({
  url: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['member', 'approver', 'admin']),
  /** Levels the user approves at in some team (empty: not an approver). */
  approverLevels: z.array(z.union([z.literal(1), z.literal(2)])),
  /** keychain: encrypted by the OS; plain-text: Linux without a keyring; memory: until the app quits. */
  tokenProtection: z.enum(['keychain', 'plain-text', 'memory']),
})
export type TeamAccount = z.infer<typeof TeamAccountSchema>

export const ConnectRequestSchema = z
  .object({
    url: z.string().trim().min(1, 'the server address is required').max(500),
    token: z.string().trim().min(20, 'a device token is long: paste all of it').max(200, 'that is longer than any device token'),
  })
  .strict()

/** A change the server refused or found in conflict, waiting for the user. */
export const SyncIssueSchema = z.object({
  id: z.string(),
  kind: z.enum(['conflict', 'refused']),
  entity: z.string(),
  entityId: z.string(),
  /** The server's reason as it was given (English); the window names the change itself, from `entity` and `mine`. */
  reason: z.string(),
  /** The reason's refusal id and values, when the server sent them: the window says it in its own language. */
  ...refusalFields,
  mine: z.record(z.string(), z.unknown()).nullable(),
  server: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.number().int(),
})
export type SyncIssue = z.infer<typeof SyncIssueSchema>
