// A fake host for timesheet component tests: one week in memory with the real service's
// rules and refusals (timer time cannot be typed away, a day has at most 24 hours, a
// locked period refuses every change, a block is applied whole or not at all).
import { refuse, StintError } from '@shared/errors'
import { lockKind } from '@shared/period-workflow'
import type { SyncStatus } from '@shared/sync'
import { MAX_DAY_SECONDS, rowKeyId, SELF_ACTOR, type CellChange, type PeriodEvent, type PeriodStatus, type PeriodSummary, type RowKey, type Timesheet } from '@shared/timesheet'
import type { ActivityType, WorkItem } from '@shared/work'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'

export const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']

export const WORK_ITEMS: WorkItem[] = [
  { id: 'w1', kind: 'ticket', reference: 'TICKET-1001', title: 'Printer on 2nd floor', customerId: null, customerName: null, contractId: null, billable: true, active: true, favourite: false, ticketUrl: null },
  { id: 'w2', kind: 'work_order', reference: 'WO-77', title: 'Install new switch', customerId: null, customerName: null, contractId: null, billable: true, active: true, favourite: false, ticketUrl: null },
  { id: 'w3', kind: 'general', reference: null, title: 'Team meeting', customerId: null, customerName: null, contractId: null, billable: false, active: true, favourite: false, ticketUrl: null },
]

export const ACTIVITY_TYPES: ActivityType[] = [
  { id: 'a1', name: 'Remote support', active: true, isDefault: true },
  { id: 'a2', name: 'On-site', active: true, isDefault: false },
]

interface Cell {
  fixed: number
  grid: number
  note: string | null
}

export interface TimesheetHostOptions {
  rows?: RowKey[]
  /** Seconds already in cells, by `${rowKeyId(row)}@${day}`, as timer time (fixed) and typed time (grid). */
  cells?: Record<string, Partial<Cell>>
  status?: PeriodStatus
  level?: 1 | 2 | null
  reason?: string | null
  queued?: boolean
  history?: PeriodEvent[]
  /** standalone (default): submitting approves at once; server: it waits for level 1. */
  mode?: 'standalone' | 'server'
  /** The sync state 'sync.status' answers (standalone by default, 'synced' with a server). */
  syncState?: SyncStatus['state']
  /** Timers the summary lists as still counting. */
  activeTimers?: PeriodSummary['activeTimers']
  /** Wall-clock seconds of overlapping billable timers the summary reports. */
  overlappedSeconds?: number
  /** What work.recentItems answers: ids by last use. */
  recentIds?: string[]
  extra?: ScriptedHandlers
}

export const row = (workItemId: string | null, activityTypeId: string | null = 'a1', billable = true): RowKey => ({ workItemId, activityTypeId, billable })

/** The lock's words as the real host says them (src/main/entries/period-lock.ts), by who can reopen. */
export function timesheetHost(options: TimesheetHostOptions = {}) {
  const rows: RowKey[] = [...(options.rows ?? [row('w1'), row('w2')])]
  const cells = new Map<string, Cell>(Object.entries(options.cells ?? {}).map(([id, c]) => [id, { fixed: c.fixed ?? 0, grid: c.grid ?? 0, note: c.note ?? null }]))
  let status = options.status ?? 'open'
  let level = options.level ?? (status === 'submitted' ? 1 : null)
  let reason = options.reason ?? null
  let queued = options.queued ?? false
  const history: PeriodEvent[] = [...(options.history ?? [])]
  const mode = options.mode ?? 'standalone'
  let clock = Date.parse('2026-11-23T09:00:00')
  const move = (to: PeriodStatus, why: string | null) => {
    history.push({ id: `e${history.length + 1}`, at: (clock += 60_000), actor: mode === 'standalone' ? SELF_ACTOR : 'Ana Lima', from: status, to, reason: why })
    status = to
    reason = why
  }
  const cellOf = (key: RowKey, day: string): Cell => cells.get(`${rowKeyId(key)}@${day}`) ?? { fixed: 0, grid: 0, note: null }

  const sheet = (): Timesheet => ({
    start: WEEK[0] ?? '',
    end: WEEK[6] ?? '',
    label: '16–22 Nov 2026',
    status,
    level,
    reason,
    queued,
    history: [...history],
    lock: lockKind(status, mode),
    days: WEEK.map((day, i) => ({ day, weekday: (i + 1) % 7, expectedSeconds: i < 5 ? 8 * 3600 : 0 })),
    rows: rows.map((key) => {
      const rowCells = WEEK.map((day) => {
        const c = cellOf(key, day)
        return { day, totalSeconds: c.fixed + c.grid, fixedSeconds: c.fixed, gridSeconds: c.grid, entryCount: (c.fixed > 0 ? 1 : 0) + (c.grid > 0 ? 1 : 0), note: c.note }
      })
      return { ...key, key: rowKeyId(key), added: true, cells: rowCells, totalSeconds: rowCells.reduce((s, c) => s + c.totalSeconds, 0) }
    }),
  })

  const refuseIfLocked = () => {
    const lock = lockKind(status, mode)
    if (lock) throw refuse('conflict', 'refusal.periodLocked', { lock })
  }

  const setCells = (changes: CellChange[]) => {
    refuseIfLocked()
    const next = new Map(cells)
    for (const change of changes) {
      const current = cellOf(change.row, change.day)
      if (change.totalSeconds < current.fixed) throw new StintError('invalid_request', `That is less than the time recorded by timers in that cell on ${change.day}. Nothing was changed.`)
      next.set(`${rowKeyId(change.row)}@${change.day}`, { ...current, grid: change.totalSeconds - current.fixed })
      if (!rows.some((r) => rowKeyId(r) === rowKeyId(change.row))) rows.push(change.row)
    }
    for (const day of new Set(changes.map((c) => c.day))) {
      const total = [...next.entries()].filter(([id]) => id.endsWith(`@${day}`)).reduce((s, [, c]) => s + c.fixed + c.grid, 0)
      if (total > MAX_DAY_SECONDS) throw new StintError('invalid_request', `A day has at most 24 hours: ${day} would have more. Nothing was changed.`)
    }
    cells.clear()
    for (const [id, c] of next) cells.set(id, c)
    return sheet()
  }

  const days = () => WEEK.map((day, i) => ({ day, expectedSeconds: i < 5 ? 8 * 3600 : 0, seconds: rows.reduce((sum, key) => sum + cellOf(key, day).fixed + cellOf(key, day).grid, 0) }))
  const summary = (): PeriodSummary => ({
    start: WEEK[0] ?? '',
    end: WEEK[6] ?? '',
    label: '16–22 Nov 2026',
    status,
    totalSeconds: days().reduce((s, d) => s + d.seconds, 0),
    overlappedSeconds: options.overlappedSeconds ?? 0,
    billableSeconds: rows.filter((r) => r.billable).reduce((s, key) => s + WEEK.reduce((t, day) => t + cellOf(key, day).fixed + cellOf(key, day).grid, 0), 0),
    expectedSeconds: days().reduce((s, d) => s + d.expectedSeconds, 0),
    days: days(),
    emptyDays: days()
      .filter((d) => d.expectedSeconds > 0 && d.seconds === 0)
      .map((d) => d.day),
    activeTimers: options.activeTimers ?? [],
    mode,
  })
  const syncStatus = (): SyncStatus => ({
    state: options.syncState ?? (mode === 'standalone' ? 'standalone' : 'synced'),
    pending: 0,
    issues: 0,
    lastSyncedAt: null,
    nextAttemptAt: null,
    message: options.syncState === 'offline' ? 'The team server at https://ts.example.com cannot be reached (fetch failed).' : null,
  })

  const host = scriptedHost({
    'sync.status': () => syncStatus(),
    'timesheet.summary': () => summary(),
    // The real service's moves (see period-workflow.ts), with its refusals.
    'timesheet.submit': () => {
      if (status === 'submitted' || status === 'approved') throw new StintError('conflict', `This period is already ${status}. Nothing was changed.`)
      if (mode === 'standalone') move('approved', null)
      else {
        move('submitted', null)
        level = 1
        queued = options.syncState === 'offline'
      }
      return sheet()
    },
    'timesheet.withdraw': () => {
      if (mode === 'standalone') throw new StintError('conflict', 'Without a team server a submitted period is approved at once, so there is nothing to withdraw. Reopen it to change it.')
      if (status !== 'submitted' || level !== 1) throw new StintError('conflict', 'The first approver has already approved this period, so it can no longer be withdrawn. Ask an approver to reject it. Nothing was changed.')
      move('open', null)
      level = null
      queued = false
      return sheet()
    },
    'timesheet.reopen': ({ reason: why }) => {
      if (mode === 'server') throw new StintError('forbidden', 'With a team server, only an administrator can reopen a period, on the server.')
      if (why.trim() === '') throw new StintError('conflict', 'A reason is required, so the person knows what to fix. Nothing was changed.')
      move('open', why.trim())
      return sheet()
    },
    'work.listItems': () => WORK_ITEMS,
    'work.recentItems': () => options.recentIds ?? [],
    'work.listActivityTypes': () => ACTIVITY_TYPES,
    'work.listCustomers': () => [],
    'timesheet.load': () => sheet(),
    'timesheet.setCells': ({ changes }) => setCells(changes),
    'timesheet.addRow': ({ row: key }) => {
      refuseIfLocked()
      if (rows.some((r) => rowKeyId(r) === rowKeyId(key))) throw new StintError('conflict', 'That row is already in this period.')
      rows.push(key)
      return sheet()
    },
    'timesheet.removeRow': ({ row: key }) => {
      refuseIfLocked()
      const index = rows.findIndex((r) => rowKeyId(r) === rowKeyId(key))
      if (index >= 0) rows.splice(index, 1)
      return sheet()
    },
    'timesheet.cellDetails': ({ day, row: key }) => ({ day, row: key, note: cellOf(key, day).note, lock: lockKind(status, mode), entries: [] }),
    ...options.extra,
  })
  return { ...host, sheet, cell: (key: RowKey, day: string) => cellOf(key, day) }
}
