// The one API contract between the renderer and the main process (over Electron IPC
// or the browser host's HTTP): every call with its request and response schema, and
// every event the main process pushes. Everything else is derived from this map.
import { z } from 'zod'
import { DaySchema, TimeEntrySchema } from './entries'
import { CreateEntryRequestSchema } from './entry-create'
import { SettingsPatchSchema, SettingsSchema, ShortcutStatusSchema } from './settings'
import { ConnectRequestSchema, SyncIssueSchema, SyncStatusSchema, TeamAccountSchema } from './sync'
import { CellChangeSchema, CellDetailsSchema, MAX_DAY_SECONDS, PeriodStatusSchema, PeriodSummarySchema, RowKeySchema, SubmissionRowSchema, TimesheetSchema } from './timesheet'
import { ContractUsageQuerySchema, ContractUsageSchema, ReportQuerySchema, ReportResultSchema } from './reports'
import { MonthViewQuerySchema, MonthViewResultSchema } from './month-views'
import { ExportRequestSchema, ExportResultSchema, TimesheetPdfRequestSchema } from './exports'
import { ApprovalDetailSchema, ApprovalQueueItemSchema, ApproveRequestSchema, DecisionResultSchema, RejectRequestSchema } from './approvals'
import { RunInputSchema } from './run-times'
import { TicketWriteStatusQuerySchema, TicketWriteStatusSchema } from './ticket-systems/write-status'
import { AddLocalTicketSystemSchema, LocalTicketSystemSchema, LocalTicketSystemsSchema, LocalTicketWriteSchema, TicketSystemTestSchema, UpdateLocalTicketSystemSchema } from './ticket-systems/local-systems'
import { CalendarRangeSchema } from './calendar'
import { billingCalls } from './billing-api'
import { ImportPreviewSchema, ImportRequestSchema, ImportSummarySchema } from './import/import-types'
import {
  HeldTimeSchema,
  PromptResolutionSchema,
  SlotSchema,
  StopResultSchema,
  TimerPromptSchema,
  TimerSchema,
  TimerUpdateSchema,
} from './timers'
import {
  ActivityTypeInputSchema,
  ActivityTypeSchema,
  ContractInputSchema,
  ContractSchema,
  CustomerInputSchema,
  CustomerSchema,
  WorkItemInputSchema,
  WorkItemSchema,
} from './work'

const noRequest = z.object({}).strict()
const slotRequest = z.object({ slot: SlotSchema }).strict()
const idSchema = z.string().min(1, 'an id is required').max(64)

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Which host the renderer talks to: the Electron app or the browser host. */
  host: z.enum(['electron', 'web']),
  dataFile: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const calls = {
  'app.info': { request: noRequest, response: AppInfoSchema },

  'timers.list': { request: noRequest, response: z.array(TimerSchema) },
  'timers.start': { request: slotRequest, response: TimerSchema },
  'timers.pause': { request: slotRequest, response: TimerSchema },
  'timers.resume': { request: slotRequest, response: TimerSchema },
  'timers.stop': { request: z.object({ slot: SlotSchema, keepShort: z.boolean().optional() }).strict(), response: StopResultSchema },
  'timers.discard': { request: slotRequest, response: TimerSchema },
  'timers.pauseAll': { request: noRequest, response: z.array(TimerSchema) },
  'timers.update': { request: TimerUpdateSchema, response: TimerSchema },
  /** A running or paused timer's current run starts at `startedAt` (ms) instead: not in the future, not before its previous stop, not into a locked period. */
  'timers.setStart': { request: z.object({ slot: SlotSchema, startedAt: z.number({ error: 'a start is milliseconds since 1970 (UTC)' }).int('a start is whole milliseconds').min(0, 'a start is milliseconds since 1970 (UTC)') }).strict(), response: TimerSchema },
  /** Starts the first idle timer with a past entry's work item, activity type, billable flag and note. */
  'timers.continue': { request: z.object({ entryId: idSchema }).strict(), response: TimerSchema },
  /** Marks the timer in `slot` as the primary one (clearing any other mark), or clears its mark; a running timer's run is cut there. */
  'timers.setPrimary': { request: z.object({ slot: SlotSchema, primary: z.boolean({ error: 'primary is true or false' }) }).strict(), response: TimerSchema },

  'prompts.list': { request: noRequest, response: z.array(TimerPromptSchema) },
  'prompts.resolve': { request: z.object({ id: idSchema, resolution: PromptResolutionSchema }).strict(), response: z.array(TimerSchema) },
  /** Timer time in a locked period that the user kept aside until the period is reopened (answered with prompts.resolve). */
  'prompts.keptAside': { request: noRequest, response: z.array(HeldTimeSchema) },

  'work.listItems': { request: noRequest, response: z.array(WorkItemSchema) },
  /** Ids of active work items by last use, most recent first (at most 10). */
  'work.recentItems': { request: noRequest, response: z.array(z.string()) },
  'work.createItem': { request: WorkItemInputSchema, response: WorkItemSchema },
  'work.updateItem': { request: z.object({ id: idSchema, item: WorkItemInputSchema }).strict(), response: WorkItemSchema },
  'work.setFavourite': { request: z.object({ id: idSchema, favourite: z.boolean() }).strict(), response: WorkItemSchema },
  /**
   * Opens a work item's ticket page in the system's browser. Only a page stored on the item,
   * never an address the window names. `opened: false` where the host has no system browser
   * (the browser host): the page opens `url` itself.
   */
  'work.openTicketPage': { request: z.object({ id: idSchema }).strict(), response: z.object({ url: z.string(), opened: z.boolean() }) },
  'work.listActivityTypes': { request: noRequest, response: z.array(ActivityTypeSchema) },
  'work.saveActivityType': { request: z.object({ id: idSchema.nullable(), type: ActivityTypeInputSchema }).strict(), response: ActivityTypeSchema },
  'work.listCustomers': { request: noRequest, response: z.array(CustomerSchema) },
  'work.createCustomer': { request: CustomerInputSchema, response: CustomerSchema },
  'work.listContracts': { request: noRequest, response: z.array(ContractSchema) },
  'work.createContract': { request: ContractInputSchema, response: ContractSchema },

  'entries.list': { request: z.object({ from: DaySchema, to: DaySchema }).strict(), response: z.array(TimeEntrySchema) },
  /** Manual time on a row: a duration on a day, or a start and an end (split at local midnight into one entry per day); refused whole into a locked period. */
  'entries.create': { request: CreateEntryRequestSchema, response: z.array(TimeEntrySchema) },

  'timesheet.load': { request: z.object({ day: DaySchema }).strict(), response: TimesheetSchema },
  /** One call per edit; a pasted block is one call too, applied whole or not at all. */
  'timesheet.setCells': { request: z.object({ changes: z.array(CellChangeSchema).min(1).max(5000) }).strict(), response: TimesheetSchema },
  'timesheet.addRow': { request: z.object({ day: DaySchema, row: RowKeySchema }).strict(), response: TimesheetSchema },
  'timesheet.removeRow': { request: z.object({ day: DaySchema, row: RowKeySchema }).strict(), response: TimesheetSchema },
  'timesheet.copyPreviousRows': { request: z.object({ day: DaySchema }).strict(), response: TimesheetSchema },
  'timesheet.cellDetails': { request: z.object({ day: DaySchema, row: RowKeySchema }).strict(), response: CellDetailsSchema },
  'timesheet.setCellNote': { request: z.object({ day: DaySchema, row: RowKeySchema, note: z.string().max(2000) }).strict(), response: CellDetailsSchema },
  'timesheet.describeEntry': { request: z.object({ id: idSchema, description: z.string().max(2000) }).strict(), response: z.object({}) },
  /** From a cell's details, in an open period: one entry's duration (timer time is rounded again from it), a timer entry's runs, or the entry gone. */
  'timesheet.setEntryDuration': {
    request: z.object({ id: idSchema, seconds: z.number().int('a duration is whole seconds').min(1, 'a duration must be more than zero').max(MAX_DAY_SECONDS, 'a day has at most 24 hours') }).strict(),
    response: CellDetailsSchema,
  },
  'timesheet.setEntryRuns': { request: z.object({ id: idSchema, runs: z.array(RunInputSchema).min(1, 'an entry needs at least one run').max(48) }).strict(), response: CellDetailsSchema },
  'timesheet.deleteEntry': { request: z.object({ id: idSchema }).strict(), response: CellDetailsSchema },

  /** The Calendar view's days: entries with their runs, named and coloured, timer segments not booked yet, and each day's lock. */
  'calendar.range': { request: z.object({ from: DaySchema, to: DaySchema }).strict(), response: CalendarRangeSchema },

  /** What submitting would send: totals, over/under, empty days, timers still running. */
  'timesheet.summary': { request: z.object({ day: DaySchema }).strict(), response: PeriodSummarySchema },
  'timesheet.submit': { request: z.object({ day: DaySchema }).strict(), response: TimesheetSchema },
  'timesheet.withdraw': { request: z.object({ day: DaySchema }).strict(), response: TimesheetSchema },
  /** Standalone only (with a server, administrators reopen there). */
  'timesheet.reopen': { request: z.object({ day: DaySchema, reason: z.string().max(1000) }).strict(), response: TimesheetSchema },

  /** The user's recent periods (a year back) with status, time per entry status and history, newest first. */
  'submissions.list': { request: noRequest, response: z.array(SubmissionRowSchema) },

  /** Approvals are decided on the team server; these need it to be reachable. */
  'approvals.queue': { request: noRequest, response: z.array(ApprovalQueueItemSchema) },
  'approvals.detail': { request: z.object({ periodId: idSchema }).strict(), response: ApprovalDetailSchema },
  'approvals.approve': { request: ApproveRequestSchema, response: DecisionResultSchema },
  'approvals.reject': { request: RejectRequestSchema, response: DecisionResultSchema },

  /** A report of this device's own time, offline (the shared engine over the local database). */
  'reports.run': { request: ReportQuerySchema, response: ReportResultSchema },
  'reports.contractUsage': { request: ContractUsageQuerySchema, response: ContractUsageSchema },
  /** The same report over the team's time on the team server (approvers and admins see their teams; people and teams as groups). */
  'reports.team': { request: ReportQuerySchema, response: ReportResultSchema },
  'reports.teamContractUsage': { request: ContractUsageQuerySchema, response: ContractUsageSchema },
  /** A month view (entries, per ticket, per customer, per organisation) of this device's own time. */
  'reports.month': { request: MonthViewQuerySchema, response: MonthViewResultSchema },
  'reports.teamMonth': { request: MonthViewQuerySchema, response: MonthViewResultSchema },
  /** A CSV file of a report, a month view, contract usage or raw entries: a save dialog in the app, a download in the browser host. */
  'export.csv': { request: ExportRequestSchema, response: ExportResultSchema },
  /** Another tracker's CSV export (Toggl, Clockify, Harvest, Kimai; at most 20 MB): what it holds, what would be booked and what refused, and where its projects and clients go. */
  'import.preview': { request: ImportRequestSchema, response: ImportPreviewSchema },
  /** Books the preview's new rows as draft entries, with the new work items and customers, in one transaction. */
  'import.commit': { request: ImportRequestSchema, response: ImportSummarySchema },
  /** The period's timesheet as a PDF to print and sign: answered as export.csv is (a save dialog in the app, a download in the browser host). */
  'export.timesheetPdf': { request: TimesheetPdfRequestSchema, response: ExportResultSchema },

  'sync.status': { request: noRequest, response: SyncStatusSchema },
  'sync.now': { request: noRequest, response: SyncStatusSchema },
  'sync.account': { request: noRequest, response: TeamAccountSchema.nullable() },
  'sync.connect': { request: ConnectRequestSchema, response: TeamAccountSchema },
  'sync.disconnect': { request: noRequest, response: z.object({}) },
  'sync.issues': { request: noRequest, response: z.array(SyncIssueSchema) },
  'sync.resolveIssue': { request: z.object({ id: idSchema, choice: z.enum(['mine', 'server', 'discard']) }).strict(), response: z.array(SyncIssueSchema) },
  /** Where this person's entries of a span of days stand on their tickets (the team server's write-back). */
  'sync.ticketWrites': { request: TicketWriteStatusQuerySchema, response: z.array(TicketWriteStatusSchema) },
  /** Opens an entry's written time on its ticket system, as the team server links it: never an address the window names. */
  'sync.openWrittenTime': { request: z.object({ entryId: idSchema }).strict(), response: z.object({ url: z.string(), opened: z.boolean() }) },

  /** A standalone technician's own ticket systems (write-back from this device); credentials are write-only, never answered. */
  'tickets.systems': { request: noRequest, response: LocalTicketSystemsSchema },
  'tickets.addSystem': { request: AddLocalTicketSystemSchema, response: LocalTicketSystemSchema },
  'tickets.updateSystem': { request: UpdateLocalTicketSystemSchema, response: LocalTicketSystemSchema },
  'tickets.removeSystem': { request: z.object({ id: idSchema }).strict(), response: z.object({ id: z.string() }) },
  /** Asks the system for its activities with the stored credentials. */
  'tickets.testSystem': { request: z.object({ id: idSchema }).strict(), response: TicketSystemTestSchema },
  'tickets.writes': { request: noRequest, response: z.array(LocalTicketWriteSchema) },
  /** Sends failed writes again (one by id, or all). */
  'tickets.retryWrites': { request: z.object({ id: idSchema.optional() }).strict(), response: z.object({ retried: z.number().int() }) },

  'settings.get': { request: noRequest, response: SettingsSchema },
  'settings.update': { request: SettingsPatchSchema, response: SettingsSchema },
  'settings.shortcutStatus': { request: noRequest, response: ShortcutStatusSchema },
  /** Lets the browser extension talk to this app: installs the native-messaging host for one browser (its manifest names only Stint's extension). */
  'extension.setUpBrowser': { request: z.object({ browser: z.enum(['chromium', 'chrome', 'firefox']) }).strict(), response: z.object({ browser: z.string(), manifestPath: z.string() }) },

  /** Billing on this device (a standalone technician's; src/shared/billing-api.ts). */
  ...billingCalls,
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>

export const events = {
  'timers.changed': z.object({ timers: z.array(TimerSchema) }),
  'prompts.changed': z.object({ prompts: z.array(TimerPromptSchema) }),
  'entries.changed': z.object({}),
  'work.changed': z.object({}),
  'settings.changed': z.object({ settings: SettingsSchema }),
  'shortcuts.changed': ShortcutStatusSchema,
  'sync.changed': z.object({ status: SyncStatusSchema }),
  /** The team server decided one of the user's periods (approved, rejected, reopened): worth a notification. */
  'period.decided': z.object({ start: DaySchema, end: DaySchema, status: PeriodStatusSchema, reason: z.string().nullable(), by: z.string().nullable() }),
  /** A contract's billable time this month reached 80 % ('warning') or 100 % ('over') of its included hours; sent once per contract, month and level. */
  'contracts.usageAlert': z.object({
    month: z.string(),
    contractId: z.string(),
    contractName: z.string(),
    customerName: z.string(),
    level: z.enum(['warning', 'over']),
    includedSeconds: z.number().int().nonnegative(),
    billableSeconds: z.number().int().nonnegative(),
  }),
} as const satisfies Record<string, z.ZodType>

export type Calls = typeof calls
export type CallName = keyof Calls
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>
export type CallRequestParsed<N extends CallName> = z.output<Calls[N]['request']>
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export const CALL_NAMES = Object.keys(calls) as CallName[]
export const EVENT_NAMES = Object.keys(events) as EventName[]

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name)
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name)
}
