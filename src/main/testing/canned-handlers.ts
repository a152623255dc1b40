// A complete handler map with fixed answers that satisfy the contract, for transport
// tests (IPC, HTTP) that care about routing and refusals, not about the services.
import type { CallName } from '@shared/contract'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { TimerSchema, type Timer } from '@shared/timers'
import type { Handlers } from '../api/invoke'

export function cannedTimer(slot: number, state: Timer['state']): Timer {
  return TimerSchema.parse({
    id: `0190a000-0000-7000-8000-00000000000${slot}`,
    slot,
    label: `Slot ${slot}`,
    color: '#EE6677',
    state,
    workItemId: null,
    activityTypeId: null,
    billable: true,
    note: '',
    closedSeconds: 120,
    runningSince: state === 'running' ? 1_700_000_000_000 : null,
  })
}

const emptySheet = { start: '2026-11-16', end: '2026-11-22', label: 'Week of 16 Nov 2026', status: 'open' as const, level: null, reason: null, queued: false, history: [], lock: null, days: [], rows: [] }

const item = { id: 'w1', kind: 'ticket' as const, reference: 'TICKET-1', title: 'Printer', customerId: null, customerName: null, contractId: null, billable: true, active: true, favourite: false, ticketUrl: null }

const noBilling = {
  currency: 'EUR',
  overlapRule: 'full' as const,
  rounding: { rule: { mode: 'none' as const, minutes: 1 as const }, scope: 'entry' as const },
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 480, workEndMinute: 1080 },
  activityRates: {},
  customerRates: {},
  contractRates: {},
  classes: {},
  contracts: {},
  holidays: [],
}
const emptyRun = { id: 'r1', from: '2026-11-01', to: '2026-11-30', groupBy: 'contract' as const, createdAt: 0, currency: 'EUR', bills: [], leftOut: [], totalMinor: 0, changes: null }

const noTime = { totalSeconds: 0, billableSeconds: 0, nonBillableSeconds: 0, entryCount: 0 }
const emptyReport = { rows: [], totals: noTime, people: 1, expectedSeconds: null, utilisation: { billableShare: null, ofExpected: null, billableOfExpected: null } }

const syncStatus = { state: 'standalone' as const, pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }

export function cannedHandlers(): Handlers {
  return {
    'app.info': () => ({ version: '0.1.0', host: 'electron', dataFile: '/home/tech/.config/Stint/stint.sqlite' }),
    'timers.list': () => [cannedTimer(1, 'idle'), cannedTimer(2, 'running')],
    'timers.start': ({ slot }) => Promise.resolve(cannedTimer(slot, 'running')),
    'timers.pause': ({ slot }) => cannedTimer(slot, 'paused'),
    'timers.resume': ({ slot }) => cannedTimer(slot, 'running'),
    'timers.stop': ({ slot }) => ({ outcome: 'stopped', timer: cannedTimer(slot, 'idle'), entries: [], heldSeconds: 0 }),
    'timers.discard': ({ slot }) => cannedTimer(slot, 'idle'),
    'timers.pauseAll': () => [cannedTimer(1, 'paused')],
    'timers.update': ({ slot }) => cannedTimer(slot, 'idle'),
    'timers.setStart': ({ slot }) => cannedTimer(slot, 'running'),
    'timers.continue': () => cannedTimer(1, 'running'),
    'timers.setPrimary': ({ slot, primary }) => ({ ...cannedTimer(slot, 'idle'), primary }),
    'prompts.list': () => [],
    'prompts.resolve': () => [],
    'prompts.keptAside': () => [],
    'work.listItems': () => [item],
    'work.recentItems': () => [item.id],
    'work.openTicketPage': () => ({ url: 'https://helpdesk.example.com/issues/1', opened: true }),
    'extension.setUpBrowser': ({ browser }) => ({ browser, manifestPath: '/home/ana/.config/chromium/NativeMessagingHosts/app.stint.json' }),
    'work.createItem': () => item,
    'work.updateItem': () => item,
    'work.setFavourite': ({ favourite }) => ({ ...item, favourite }),
    'work.listActivityTypes': () => [],
    'work.saveActivityType': ({ type }) => ({ id: 'a1', name: type.name, active: true, isDefault: false }),
    'work.listCustomers': () => [],
    'work.createCustomer': ({ name, organisation }) => ({ id: 'c1', name, organisation: organisation ?? null }),
    'work.listContracts': () => [],
    'work.createContract': (input) => ({ id: 'k1', customerId: input.customerId, name: input.name, includedMinutes: null }),
    'entries.list': () => [],
    'entries.create': () => [],
    'timesheet.load': () => emptySheet,
    'timesheet.setCells': () => emptySheet,
    'timesheet.addRow': () => emptySheet,
    'timesheet.removeRow': () => emptySheet,
    'timesheet.copyPreviousRows': () => emptySheet,
    'timesheet.cellDetails': ({ day, row }) => ({ day, row, note: null, lock: null, entries: [] }),
    'timesheet.setCellNote': ({ day, row, note }) => ({ day, row, note, lock: null, entries: [] }),
    'timesheet.describeEntry': () => ({}),
    'timesheet.setEntryDuration': () => ({ day: '2026-11-16', row: { workItemId: null, activityTypeId: null, billable: true }, note: null, lock: null, entries: [] }),
    'timesheet.setEntryRuns': () => ({ day: '2026-11-16', row: { workItemId: null, activityTypeId: null, billable: true }, note: null, lock: null, entries: [] }),
    'timesheet.deleteEntry': () => ({ day: '2026-11-16', row: { workItemId: null, activityTypeId: null, billable: true }, note: null, lock: null, entries: [] }),
    'calendar.range': ({ from }) => ({ timeZone: 'UTC', days: [{ day: from, lock: null }], entries: [], segments: [] }),
    'timesheet.summary': () => ({ ...emptySheet, totalSeconds: 0, billableSeconds: 0, overlappedSeconds: 0, expectedSeconds: 0, days: [], emptyDays: [], activeTimers: [], mode: 'standalone' as const }),
    'timesheet.submit': () => emptySheet,
    'timesheet.withdraw': () => emptySheet,
    'timesheet.reopen': () => emptySheet,
    'submissions.list': () => [],
    'approvals.queue': () => [],
    'approvals.detail': () => {
      throw new Error('no approvals in the canned handlers')
    },
    'approvals.approve': () => ({ results: [] }),
    'approvals.reject': () => ({ results: [] }),
    'reports.run': (query) => ({ ...emptyReport, query }),
    'reports.contractUsage': ({ month, statuses }) => ({ month, from: `${month}-01`, to: `${month}-28`, statuses, contracts: [] }),
    'reports.team': (query) => ({ ...emptyReport, query }),
    'reports.teamContractUsage': ({ month, statuses }) => ({ month, from: `${month}-01`, to: `${month}-28`, statuses, contracts: [] }),
    'reports.month': ({ month, view, statuses }) => ({ view, month, from: `${month}-01`, to: `${month}-28`, statuses, totals: noTime, rowCount: 0, rows: [] }),
    'reports.teamMonth': ({ month, view, statuses }) => ({ view, month, from: `${month}-01`, to: `${month}-28`, statuses, totals: noTime, rowCount: 0, rows: [] }),
    'export.csv': () => ({ status: 'cancelled' }),
    'import.preview': ({ fileName }) => ({ fileName, source: 'toggl', rows: [], projects: [], clients: [], totals: { rows: 0, toImport: 0, toImportSeconds: 0, refused: 0 } }),
    'import.commit': () => ({ source: 'toggl', imported: 0, importedSeconds: 0, refused: [], createdWorkItems: [], createdCustomers: [] }),
    'export.timesheetPdf': () => ({ status: 'cancelled' }),
    'sync.status': () => syncStatus,
    'sync.now': () => syncStatus,
    'sync.account': () => null,
    'sync.connect': ({ url }) => ({ url, userId: 'u1', name: 'Tess Tech', email: 'tess@example.com', role: 'member', approverLevels: [], tokenProtection: 'memory' }),
    'sync.disconnect': () => ({}),
    'sync.issues': () => [],
    'sync.ticketWrites': () => [],
    'sync.openWrittenTime': () => ({ url: 'https://helpdesk.example.com/time_entries/1', opened: true }),
    'sync.resolveIssue': () => [],
    'tickets.systems': () => ({ mode: 'standalone', systems: [] }),
    'tickets.addSystem': ({ kind, name, baseUrl }) => ({ id: 'ts1', kind, name, baseUrl, activityMap: {}, active: true, hasCredentials: true }),
    'tickets.updateSystem': ({ id }) => ({ id, kind: 'redmine', name: 'Redmine', baseUrl: 'https://redmine.example.com', activityMap: {}, active: true, hasCredentials: true }),
    'tickets.removeSystem': ({ id }) => ({ id }),
    'tickets.testSystem': () => ({ ok: true, activities: [], reason: null }),
    'tickets.writes': () => [],
    'tickets.retryWrites': () => ({ retried: 0 }),
    'settings.get': () => DEFAULT_SETTINGS,
    'settings.update': () => DEFAULT_SETTINGS,
    'settings.shortcutStatus': () => ({ available: false, entries: [] }),
    'billing.settings': () => noBilling,
    'billing.updateSettings': () => noBilling,
    'billing.setHolidays': () => noBilling,
    'billing.run': () => emptyRun,
    'billing.runs': () => [],
    'billing.runDetail': () => emptyRun,
    'billing.exportRun': () => ({ status: 'cancelled' }),
  }
}

/** The canned handlers, each recording the request it was given. */
export function recordingHandlers(): { handlers: Handlers; calls: { name: CallName; request: unknown }[] } {
  const calls: { name: CallName; request: unknown }[] = []
  const canned = cannedHandlers() as Record<CallName, (request: unknown) => unknown>
  const handlers = Object.fromEntries(
    (Object.keys(canned) as CallName[]).map((name) => [
      name,
      (request: unknown) => {
        calls.push({ name, request })
        return canned[name](request)
      },
    ]),
  ) as unknown as Handlers
  return { handlers, calls }
}
