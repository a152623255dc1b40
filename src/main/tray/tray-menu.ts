// What the tray shows in words: its menu, tooltip and macOS title, described from the
// timers' state without Electron, plus when those words next go stale. Times are whole
// minutes, so the tray wakes at most once a minute and not at all when nothing runs.
// Words come from the catalogue in the translator's language (English by default).
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { SLOT_COUNT, elapsedSeconds, type Timer } from '@shared/timers'

/** The parts of a timer the tray reads; a full Timer fits. */
export type TrayTimer = Pick<Timer, 'slot' | 'label' | 'color' | 'state' | 'closedSeconds' | 'runningSince' | 'primary'>

/** What a menu click asks for; a click handler switches on `type`. */
export type TrayActionId =
  | { type: 'start' | 'pause' | 'resume' | 'stop'; slot: number }
  | { type: 'new-timer' }
  | { type: 'continue'; entryId: string }
  | { type: 'pause-all' }
  | { type: 'open' }
  | { type: 'quit' }

export type TrayMenuItem =
  | { kind: 'separator' }
  /** A line of text the user cannot click (shown disabled). */
  | { kind: 'info'; label: string }
  | { kind: 'action'; id: TrayActionId; label: string; enabled?: boolean; /** '#RRGGBB' for an icon swatch */ color?: string }
  | { kind: 'submenu'; label: string; /** '#RRGGBB' for an icon swatch */ color?: string; items: TrayMenuItem[] }

/** A past entry the tray offers to continue (src/main/entries' recentStopped). */
export interface TrayRecent {
  entryId: string
  label: string
}

/** Windows keeps 127 UTF-16 code units of a tray tooltip (128 with the terminating NUL). */
export const MAX_TOOLTIP_LENGTH = 127
/** Longer labels are cut in the menu so it stays narrow. */
export const MAX_MENU_LABEL_LENGTH = 40
/** However close a minute boundary, the tray sleeps at least this long. */
export const MIN_REFRESH_MS = 1000

const ELLIPSIS = '…'

/** Cuts text to at most `max` UTF-16 code units, ellipsis included, never splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = ''
  for (const codePoint of text) {
    if (cut.length + codePoint.length > max - ELLIPSIS.length) break
    cut += codePoint
  }
  // "Timer 1 (0:25)…" reads better than "Timer 1 (0:25), …".
  return cut.replace(/[\s,;]+$/u, '') + ELLIPSIS
}

function activeTimers(timers: readonly TrayTimer[]): TrayTimer[] {
  return timers.filter((t) => t.state !== 'idle').toSorted((a, b) => a.slot - b.slot)
}

function runningTimers(timers: readonly TrayTimer[]): TrayTimer[] {
  return activeTimers(timers).filter((t) => t.state === 'running')
}

function displayLabel(timer: TrayTimer, max: number, { t }: Translator): string {
  const label = timer.label.trim()
  return truncate(label === '' ? t('tray.timerName', { slot: timer.slot }) : label, max)
}

/** `12 min`, `1 h 05 min`: whole minutes, because the menu is refreshed at most once a minute. */
export function formatMenuDuration(seconds: number, { t }: Translator = ENGLISH): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60)
  if (minutes < 60) return t('tray.minutes', { minutes })
  return t('tray.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') })
}

/** `h:mm`, e.g. `0:25`, `1:05`. */
export function formatHoursMinutes(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

function timerSubmenu(timer: TrayTimer, nowMs: number, translator: Translator): TrayMenuItem {
  const { t } = translator
  const label = displayLabel(timer, MAX_MENU_LABEL_LENGTH, translator)
  const name = timer.primary === true ? t('tray.primaryName', { name: label }) : label
  const duration = formatMenuDuration(elapsedSeconds(timer, nowMs), translator)
  const { slot } = timer
  const running = timer.state === 'running'
  return {
    kind: 'submenu',
    label: t(running ? 'tray.runningTimer' : 'tray.pausedTimer', { name, duration }),
    color: timer.color,
    items: [
      running ? { kind: 'action', id: { type: 'pause', slot }, label: t('tray.pause') } : { kind: 'action', id: { type: 'resume', slot }, label: t('tray.resume') },
      { kind: 'action', id: { type: 'stop', slot }, label: t('tray.stop') },
    ],
  }
}

/** "Recent": continuing one of the last stopped entries starts a timer like it (left out when there is none). */
function recentSubmenu(recent: readonly TrayRecent[], slotFree: boolean, { t }: Translator): TrayMenuItem[] {
  if (recent.length === 0) return []
  return [
    {
      kind: 'submenu',
      label: t('tray.recent'),
      items: recent.map((r) => ({ kind: 'action', id: { type: 'continue', entryId: r.entryId }, label: t('tray.continue', { label: truncate(r.label, MAX_MENU_LABEL_LENGTH) }), enabled: slotFree })),
    },
  ]
}

/**
 * The tray's context menu: questions Stint is waiting on (a crash gap, idle time, time
 * that fell into a locked period) first, since nothing decides them silently; then the
 * active timers in slot order, then the global actions.
 */
export function buildTrayMenu(timers: readonly TrayTimer[], nowMs: number, questions = 0, recent: readonly TrayRecent[] = [], translator: Translator = ENGLISH): TrayMenuItem[] {
  const { t } = translator
  const active = activeTimers(timers)
  const busySlots = new Set(active.map((timer) => timer.slot))
  const head: TrayMenuItem[] = active.length === 0 ? [{ kind: 'info', label: t('tray.noTimer') }] : active.map((timer) => timerSubmenu(timer, nowMs, translator))
  const asking: TrayMenuItem[] = questions === 0 ? [] : [{ kind: 'action', id: { type: 'open' }, label: t('tray.questions', { count: questions }) }, { kind: 'separator' }]
  return [
    ...asking,
    ...head,
    { kind: 'separator' },
    { kind: 'action', id: { type: 'new-timer' }, label: t('tray.newTimer'), enabled: busySlots.size < SLOT_COUNT },
    ...recentSubmenu(recent, busySlots.size < SLOT_COUNT, translator),
    { kind: 'action', id: { type: 'pause-all' }, label: t('tray.pauseAll'), enabled: active.some((timer) => timer.state === 'running') },
    { kind: 'separator' },
    { kind: 'action', id: { type: 'open' }, label: t('tray.open') },
    { kind: 'action', id: { type: 'quit' }, label: t('tray.quit') },
  ]
}

/** `Stint — 2 running: Timer 1 (0:25), Timer 4 (1:10); 1 paused`, cut to fit Windows' limit. */
export function trayTooltip(timers: readonly TrayTimer[], nowMs: number, translator: Translator = ENGLISH): string {
  const { t } = translator
  const active = activeTimers(timers)
  const running = active.filter((timer) => timer.state === 'running')
  const pausedCount = active.length - running.length
  if (active.length === 0) return t('tray.tooltipNone')
  if (running.length === 0) return t('tray.tooltipPaused', { count: pausedCount })

  const head = t('tray.tooltipRunning', { count: running.length })
  const tail = pausedCount > 0 ? t('tray.tooltipPausedTail', { count: pausedCount }) : ''
  const list = running.map((timer) => `${displayLabel(timer, MAX_TOOLTIP_LENGTH, translator)} (${formatHoursMinutes(elapsedSeconds(timer, nowMs))})`).join(', ')
  // Cut the list, never the counts at either end.
  const room = MAX_TOOLTIP_LENGTH - head.length - tail.length
  return head + truncate(list, room) + tail
}

/** The macOS menu-bar title: the longest-running timer's `h:mm`, `+n` for the others running; '' when none runs. */
export function trayTitle(timers: readonly TrayTimer[], nowMs: number): string {
  const running = runningTimers(timers)
  if (running.length === 0) return ''
  const longest = Math.max(...running.map((t) => elapsedSeconds(t, nowMs)))
  const others = running.length - 1
  return formatHoursMinutes(longest) + (others > 0 ? ` +${others}` : '')
}

/**
 * How long the tray may sleep before a minute it shows goes stale: until the soonest
 * next whole minute of any running timer, at least MIN_REFRESH_MS (a timer that fires a
 * hair early then waits a second instead of spinning). null when nothing runs: the tray
 * then only redraws on state changes.
 */
export function msUntilNextMinute(timers: readonly TrayTimer[], nowMs: number): number | null {
  let soonest: number | null = null
  for (const timer of timers) {
    if (timer.state !== 'running' || timer.runningSince === null) continue
    const nextMinute = 60 * (Math.floor(elapsedSeconds(timer, nowMs) / 60) + 1)
    // elapsedSeconds counts whole seconds of the open segment, so the minute turns exactly
    // when that segment has lasted (nextMinute - closedSeconds) seconds.
    const turnsAt = timer.runningSince + (nextMinute - timer.closedSeconds) * 1000
    const wait = turnsAt - nowMs
    if (soonest === null || wait < soonest) soonest = wait
  }
  return soonest === null ? null : Math.max(MIN_REFRESH_MS, soonest)
}
