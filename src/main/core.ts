// Everything Stint does that is not Electron: the store, the services and the handler
// map. The Electron main process and the browser host both build exactly this.
import { DaySchema } from '@shared/entries'
import { manualTimeOf } from '@shared/entry-create'
import { refuse, StintError } from '@shared/errors'
import type { Refusal } from '@shared/i18n/refusal-text'
import { SELF_ACTOR } from '@shared/timesheet'
import type { Handlers } from './api/invoke'
import type { Clock } from './clock'
import { scheduleLaterCheck } from './db/background-check'
import { openStore, type Store } from './db/store'
import { BillingService } from './billing/billing-service'
import { exportBillingRun } from './billing/billing-export'
import { CalendarReader } from './calendar/calendar-read'
import { Entries, type LockMode } from './entries/entries'
import { EventHub } from './events'
import type { Logger } from './logger'
import { readDeviceId, readLocalUserId } from './profile'
import { MemorySecretStore, type SecretStore } from './sync/secret-store'
import { SyncEngine } from './sync/sync-engine'
import { SyncService } from './sync/sync-service'
import { TRANSPORT_ERROR_CODE, TransportError, type SyncTransport } from './sync/transport'
import { SubmissionService } from './timesheet/submission-service'
import { LocalReports } from './reports/local-reports'
import { Exporter, type CsvDestination } from './reports/exporter'
import { exportTimesheetPdf } from './reports/timesheet-pdf-export'
import { UsageAlerts } from './reports/usage-alerts'
import type { SettingsStore } from './settings/settings-store'
import { TimesheetService } from './timesheet/timesheet-service'
import { realScheduler, type Scheduler } from './timers/scheduler'
import { TimerEngine } from './timers/timer-engine'
import { TicketWrites } from './sync/ticket-writes'
import { memoryTicketSecrets, type TicketSecrets } from './ticket-writes/secrets'
import { LocalTicketSystems } from './ticket-writes/service'
import { DesktopTicketWriter, desktopConnectors, type DesktopConnectorFactory } from './ticket-writes/worker'
import { WorkService } from './work/work-service'
import { ImportService } from './import/import-service'

export interface CoreOptions {
  dataDir: string
  clock: Clock
  logger: Logger
  settings: SettingsStore
  host: 'electron' | 'web'
  version: string
  scheduler?: Scheduler
  /** Where the team server token is kept; the browser host keeps it in memory. */
  secrets?: SecretStore
  /** Where a standalone technician's ticket-system credentials are kept (one secret per system); the browser host keeps them in memory. */
  ticketSecrets?: TicketSecrets
  /** Tests put a connector between the desktop's write-back and a real ticket system. */
  ticketConnectors?: DesktopConnectorFactory
  /** Tests bind sync to an in-process server. */
  transportFor?: (url: string, token: string) => SyncTransport
  /** Calls a host answers differently (the Electron shell knows its global shortcuts). */
  handlerOverrides?: Partial<Handlers>
  /** Told, in words, when the database file turns out damaged after start-up (the app shows it; the log has it anyway). */
  onDamagedFile?: (message: string, refusal: Refusal) => void
  /** Where CSV exports go: the app's save dialog, the browser host's downloads. Without one, 'export.csv' is refused. */
  exportDestination?: CsvDestination
  /** Opens a checked http(s) address in the system's browser (Electron's shell); the browser host has none, its page opens it. */
  openExternal?: (url: string) => Promise<void>
  /** Installs the browser extension's native host for one browser (src/main/extension/install-native-host.ts), with the command this host runs. */
  setUpBrowser?: (browser: 'chromium' | 'chrome' | 'firefox') => Promise<{ manifestPath: string }>
}

export interface Core {
  readonly store: Store
  readonly events: EventHub
  readonly handlers: Handlers
  readonly timers: TimerEngine
  /** The one home of time entries (the tray reads its Recent list here). */
  readonly entries: Entries
  readonly work: WorkService
  readonly timesheet: TimesheetService
  readonly settings: SettingsStore
  readonly sync: SyncEngine
  readonly team: SyncService
  readonly submission: SubmissionService
  /** The desktop's write-back for a standalone technician (with a team server it does nothing). */
  readonly ticketWriter: DesktopTicketWriter
  readonly localTickets: LocalTicketSystems
  /** Ends the engine's schedule and closes the database; keepRunning says the user chose to keep timers counting. */
  close(options?: { keepRunning: boolean }): Promise<void>
}

const MAX_RANGE_DAYS = 366
/** Which calls only a team server answers, as the refusal names them (refusal.team.none). */
const APPROVALS = 'approvals'
const TEAM_REPORTS = 'reports'
const TICKET_WRITES = 'tickets'

export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, clock, logger, settings } = options
  const store = await openStore({ dataDir, logger, now: () => clock.now() })
  const events = new EventHub()
  let userId: string
  try {
    userId = await readLocalUserId(store.db)
  } catch (error) {
    await store.close()
    throw error
  }
  const owner = () => userId
  // Who reopens a locked period: the person themselves standalone, an administrator with a server.
  const mode = (): LockMode => (team.currentAccount() ? 'server' : 'standalone')
  const entries = new Entries({ db: store.db, clock, userId: owner, mode, rounding: () => settings.get().timers.rounding })
  const timers = new TimerEngine({ db: store.db, clock, events, scheduler: options.scheduler ?? realScheduler, settings: () => settings.get().timers, entries })
  // The role is the team server's, once connected: a member's device refuses what the server would.
  const work = new WorkService({ db: store.db, clock, events, role: () => team.currentAccount()?.role ?? null })
  const timesheet = new TimesheetService({ db: store.db, sqlite: store.sqlite, clock, events, settings: () => settings.get().timesheet, userId: owner, entries })
  const team = new SyncService({
    db: store.db,
    clock,
    events,
    secrets: options.secrets ?? new MemorySecretStore(),
    ...(options.transportFor ? { transportFor: options.transportFor } : {}),
    onUserId: (id) => {
      userId = id
    },
    onRules: (me) => {
      // The organisation's period rule is every member's.
      const rule = me.organisation.periodRule
      if (JSON.stringify(settings.get().timesheet.periodRule) !== JSON.stringify(rule)) {
        events.emit('settings.changed', { settings: settings.update({ timesheet: { periodRule: rule } }) })
      }
    },
  })
  let deviceId: string
  try {
    await work.seedDefaults()
    await timers.init()
    await team.init()
    deviceId = await readDeviceId(store.db)
  } catch (error) {
    await store.close()
    throw error
  }
  const sync = new SyncEngine({
    db: store.db,
    clock,
    scheduler: options.scheduler ?? realScheduler,
    events,
    logger,
    transport: () => team.transport(),
    configured: () => team.currentAccount() !== null,
    onMe: (me) => team.refresh(me),
    userId: owner,
    deviceId,
  })
  const reports = new LocalReports({ db: store.db, userId: owner, clock, settings: () => settings.get().timesheet, userName: () => team.currentAccount()?.name ?? null })
  const usageAlerts = new UsageAlerts({ db: store.db, contractUsage: (month) => reports.contractUsage(month), events, clock, scheduler: options.scheduler ?? realScheduler, logger })
  const ticketSecrets = options.ticketSecrets ?? memoryTicketSecrets()
  const ticketWriter = new DesktopTicketWriter({
    db: store.db,
    connectors: options.ticketConnectors ?? desktopConnectors,
    secrets: ticketSecrets,
    clock: () => clock.now(),
    scheduler: options.scheduler ?? realScheduler,
    enabled: () => mode() === 'standalone',
    logger,
  })
  const localTickets = new LocalTicketSystems({
    db: store.db,
    clock: () => clock.now(),
    secrets: ticketSecrets,
    connectors: options.ticketConnectors ?? desktopConnectors,
    mode,
    userId: owner,
    onDue: () => ticketWriter.soon(),
  })
  const submission = new SubmissionService({
    onApproved: () => ticketWriter.soon(),
    db: store.db,
    clock,
    events,
    timesheet,
    timers: () => timers.list(),
    userId: owner,
    mode,
    actorName: () => team.currentAccount()?.name ?? SELF_ACTOR,
  })
  sync.start()
  usageAlerts.start()
  ticketWriter.start()
  // A file opened without reading it through (the last close was clean) is read through later, off the start path.
  const laterCheck = store.checkedOnOpen
    ? null
    : scheduleLaterCheck({
        file: store.file,
        check: () => store.checkInBackground(),
        scheduler: options.scheduler ?? realScheduler,
        report: (message, refusal) => {
          logger.error(message)
          options.onDamagedFile?.(message, refusal)
        },
        onError: (error) => logger.error('the background check of the database failed', error),
      })
  /**
   * A call that only the team server can answer (approvals, the team's reports), with the
   * reason when it cannot: `what` names it for the refusal (approvals, the team's reports).
   */
  const online = async <T>(what: typeof APPROVALS | typeof TEAM_REPORTS | typeof TICKET_WRITES, call: (transport: SyncTransport) => Promise<T>): Promise<T> => {
    const transport = team.transport()
    if (!transport) throw team.currentAccount() ? refuse('unavailable', 'refusal.team.notSignedIn') : refuse('unavailable', 'refusal.team.none', { what })
    try {
      return await call(transport)
    } catch (error) {
      if (error instanceof TransportError) throw new StintError(TRANSPORT_ERROR_CODE[error.kind], error.message, error.refusal)
      throw error
    }
  }
  const announceSync = async () => events.emit('sync.changed', { status: await sync.status() })
  const exporter = new Exporter({
    db: store.db,
    userId: owner,
    reports,
    online: (call) => online(TEAM_REPORTS, call),
    teamServer: () => (team.transport() ? 'ready' : team.currentAccount() ? 'signed-out' : 'none'),
    destination: () => options.exportDestination,
  })

  const calendar = new CalendarReader({ db: store.db, clock, entries, userId: owner })
  const billing = new BillingService({ db: store.db, clock, userId: owner })
  const importer = new ImportService({ db: store.db, clock, entries, events, userId: owner })
  const ticketWrites = new TicketWrites({
    db: store.db,
    online: (call) => online(TICKET_WRITES, call),
    openExternal: options.openExternal,
    // Standalone, the desktop's own write-back answers; with a team server, the server's.
    local: () => (mode() === 'standalone' ? (from, to) => localTickets.status(from, to) : null),
  })

  const handlers: Handlers = {
    'app.info': () => ({ version: options.version, host: options.host, dataFile: store.file }),

    'timers.list': () => timers.list(),
    'timers.start': ({ slot }) => timers.start(slot),
    'timers.pause': ({ slot }) => timers.pause(slot),
    'timers.resume': ({ slot }) => timers.resume(slot),
    'timers.stop': ({ slot, keepShort }) => timers.stop(slot, { keepShort: keepShort ?? false }),
    'timers.discard': ({ slot }) => timers.discard(slot),
    'timers.pauseAll': () => timers.pauseAll(),
    'timers.update': (patch) => timers.update(patch),
    'timers.setStart': ({ slot, startedAt }) => timers.setStart(slot, startedAt),
    'timers.continue': ({ entryId }) => timers.continueEntry(entryId),
    'timers.setPrimary': ({ slot, primary }) => timers.setPrimary(slot, primary),

    'prompts.list': () => timers.prompts(),
    'prompts.resolve': ({ id, resolution }) => timers.resolvePrompt(id, resolution),
    'prompts.keptAside': () => timers.keptAside(),

    'work.listItems': () => work.listWorkItems(),
    'work.recentItems': () => work.recentItemIds(),
    'work.createItem': (input) => work.createWorkItem(input),
    'work.updateItem': ({ id, item }) => work.updateWorkItem(id, item),
    'work.setFavourite': ({ id, favourite }) => work.setFavourite(id, favourite),
    'extension.setUpBrowser': async ({ browser }) => {
      if (!options.setUpBrowser) throw refuse('unavailable', 'refusal.extension.noSetUp')
      try {
        return { browser, manifestPath: (await options.setUpBrowser(browser)).manifestPath }
      } catch (error) {
        logger.error(`setting up the native host for ${browser} failed`, error)
        throw refuse('unavailable', 'refusal.extension.setUpFailed', { browser, reason: (error as Error).message })
      }
    },
    'work.openTicketPage': async ({ id }) => {
      const url = await work.ticketPage(id)
      if (!options.openExternal) return { url, opened: false }
      await options.openExternal(url)
      return { url, opened: true }
    },
    'work.listActivityTypes': () => work.listActivityTypes(),
    'work.saveActivityType': ({ id, type }) => work.saveActivityType(id, type),
    'work.listCustomers': () => work.listCustomers(),
    'work.createCustomer': ({ name, organisation }) => work.createCustomer(name, organisation),
    'work.listContracts': () => work.listContracts(),
    'work.createContract': (input) => work.createContract(input),

    'entries.list': ({ from, to }) => {
      const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
      if (!DaySchema.safeParse(from).success || Number.isNaN(days)) throw refuse('invalid_request', 'refusal.range.notDates')
      if (days < 0) throw refuse('invalid_request', 'refusal.range.backwards', { isoToDay: to, isoFromDay: from })
      if (days > MAX_RANGE_DAYS) throw refuse('invalid_request', 'refusal.range.tooLong', { max: MAX_RANGE_DAYS })
      return entries.load({ from, to })
    },

    'entries.create': (request) => timesheet.createEntries(request.row, request.description, manualTimeOf(request)),

    'timesheet.load': ({ day }) => timesheet.load(day),
    'timesheet.setCells': ({ changes }) => timesheet.setCells(changes),
    'timesheet.addRow': ({ day, row }) => timesheet.addRow(day, row),
    'timesheet.removeRow': ({ day, row }) => timesheet.removeRow(day, row),
    'timesheet.copyPreviousRows': ({ day }) => timesheet.copyPreviousRows(day),
    'timesheet.cellDetails': ({ day, row }) => timesheet.cellDetails(day, row),
    'timesheet.setCellNote': ({ day, row, note }) => timesheet.setCellNote(day, row, note),
    'timesheet.describeEntry': async ({ id, description }) => {
      await timesheet.describeEntry(id, description)
      return {}
    },
    'timesheet.setEntryDuration': ({ id, seconds }) => timesheet.setEntryDuration(id, seconds),
    'timesheet.setEntryRuns': ({ id, runs }) => timesheet.setEntryRuns(id, runs),
    'timesheet.deleteEntry': ({ id }) => timesheet.deleteEntry(id),

    'calendar.range': ({ from, to }) => calendar.range(from, to),

    'timesheet.summary': ({ day }) => submission.summary(day),
    'timesheet.submit': async ({ day }) => {
      const sheet = await submission.submit(day)
      sync.soon()
      return sheet
    },
    'timesheet.withdraw': async ({ day }) => {
      const sheet = await submission.withdraw(day)
      sync.soon()
      return sheet
    },
    'timesheet.reopen': ({ day, reason }) => submission.reopen(day, reason),

    'submissions.list': () => submission.list(),

    'approvals.queue': () => online(APPROVALS, (t) => t.approvalQueue()),
    'approvals.detail': ({ periodId }) => online(APPROVALS, (t) => t.approvalDetail(periodId)),
    'approvals.approve': async ({ periodIds }) => {
      const result = await online(APPROVALS, (t) => t.approve(periodIds))
      sync.soon()
      return result
    },
    'approvals.reject': async ({ periodId, reason }) => {
      const result = await online(APPROVALS, (t) => t.reject(periodId, reason))
      sync.soon()
      return result
    },

    'reports.run': (query) => reports.run(query),
    'reports.contractUsage': ({ month, statuses }) => reports.contractUsage(month, { statuses }),
    'reports.team': (query) => online(TEAM_REPORTS, (t) => t.teamReport(query)),
    'reports.teamContractUsage': (query) => online(TEAM_REPORTS, (t) => t.teamContractUsage(query)),
    'reports.month': (query) => reports.month(query),
    'reports.teamMonth': (query) => online(TEAM_REPORTS, (t) => t.teamMonth(query)),
    'export.csv': (request) => exporter.export(request),
    'import.preview': (request) => importer.preview(request),
    'import.commit': (request) => importer.commit(request),
    'export.timesheetPdf': (request) =>
      exportTimesheetPdf(
        {
          load: (day) => timesheet.load(day),
          workItems: () => work.listWorkItems(),
          activityTypes: () => work.listActivityTypes(),
          unit: () => settings.get().timesheet.unit,
          person: () => team.currentAccount()?.name ?? null,
          now: () => clock.now(),
          destination: () => options.exportDestination,
        },
        request,
      ),

    'sync.status': () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'sync.account': () => team.currentAccount(),
    'sync.connect': async ({ url, token }) => {
      const account = await team.connect(url, token)
      void sync.syncNow()
      return account
    },
    'sync.disconnect': async () => {
      await team.disconnect()
      await announceSync()
      return {}
    },
    'sync.issues': () => team.issues(),
    'sync.ticketWrites': ({ from, to }) => ticketWrites.list(from, to),
    'tickets.systems': () => localTickets.list(),
    'tickets.addSystem': (input) => localTickets.add(input),
    'tickets.updateSystem': (input) => localTickets.update(input),
    'tickets.removeSystem': ({ id }) => localTickets.remove(id),
    'tickets.testSystem': ({ id }) => localTickets.test(id),
    'tickets.writes': () => localTickets.writes(),
    'tickets.retryWrites': ({ id }) => localTickets.retry(id),
    'sync.openWrittenTime': ({ entryId }) => ticketWrites.openWritten(entryId),
    'sync.resolveIssue': async ({ id, choice }) => {
      const issues = await team.resolveIssue(id, choice)
      sync.soon()
      return issues
    },

    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      const next = settings.update(patch)
      events.emit('settings.changed', { settings: next })
      return next
    },
    // The Electron shell replaces this with the real registration report.
    'settings.shortcutStatus': () => ({ available: false, entries: [] }),

    'billing.settings': () => billing.settings(),
    'billing.updateSettings': (patch) => billing.updateSettings(patch),
    'billing.setHolidays': ({ holidays }) => billing.setHolidays(holidays),
    'billing.run': ({ from, to, groupBy }) => billing.run(from, to, groupBy),
    'billing.runs': () => billing.runs(),
    'billing.runDetail': ({ id }) => billing.runDetail(id),
    'billing.exportRun': (request) => exportBillingRun({ runDetail: (id) => billing.runDetail(id), now: () => clock.now(), destination: () => options.exportDestination }, request),
  }
  Object.assign(handlers, options.handlerOverrides)
  return {
    store,
    events,
    handlers,
    timers,
    entries,
    work,
    timesheet,
    settings,
    sync,
    team,
    submission,
    ticketWriter,
    localTickets,
    close: async (closeOptions = { keepRunning: true }) => {
      await ticketWriter.stop()
      await laterCheck?.stop()
      usageAlerts.stop()
      await usageAlerts.settled()
      sync.stop()
      await sync.settled()
      await timers.shutdown(closeOptions)
      await store.close()
    },
  }
}
