import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import {
  MAX_TOOLTIP_LENGTH,
  buildTrayMenu,
  formatMenuDuration,
  msUntilNextMinute,
  trayTitle,
  trayTooltip,
  type TrayActionId,
  type TrayMenuItem,
  type TrayTimer,
} from './tray-menu'

const MINUTE = 60_000
/** 2025-03-10 10:00:00 UTC */
const TEN_AM = Date.UTC(2025, 2, 10, 10, 0, 0)

function idle(slot: number, label = `Timer ${slot}`): TrayTimer {
  return { slot, label, color: DEFAULT_TIMER_COLORS[slot - 1] ?? '#888888', state: 'idle', closedSeconds: 0, runningSince: null }
}

function running(slot: number, since: number, closedSeconds = 0, label = `Timer ${slot}`): TrayTimer {
  return { ...idle(slot, label), state: 'running', runningSince: since, closedSeconds }
}

function paused(slot: number, closedSeconds: number, label = `Timer ${slot}`): TrayTimer {
  return { ...idle(slot, label), state: 'paused', closedSeconds }
}

/** Labels of the top level, as a person reads the menu. */
const labels = (menu: TrayMenuItem[]): string[] => menu.map((item) => (item.kind === 'separator' ? '---' : item.label))

function action(menu: TrayMenuItem[], type: TrayActionId['type']): Extract<TrayMenuItem, { kind: 'action' }> {
  const found = menu.find((item) => item.kind === 'action' && item.id.type === type)
  if (found?.kind !== 'action') throw new Error(`no ${type} item`)
  return found
}

const submenus = (menu: TrayMenuItem[]) => menu.filter((item) => item.kind === 'submenu')

describe('tray menu', () => {
  it('says no timer runs, offers a new one, and has nothing to pause when all slots are idle', () => {
    const menu = buildTrayMenu([1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => idle(s)), TEN_AM)
    expect(labels(menu)).toEqual(['No timer running', '---', 'New timer', 'Pause all', '---', 'Open Stint', 'Quit Stint'])
    expect(menu[0]).toEqual({ kind: 'info', label: 'No timer running' })
    expect(action(menu, 'new-timer').enabled).toBe(true)
    expect(action(menu, 'pause-all').enabled).toBe(false)
    expect(action(menu, 'open').enabled).toBeUndefined()
    expect(action(menu, 'quit').enabled).toBeUndefined()
  })

  it('lists two running and one paused timer in slot order, each with its own actions and minutes', () => {
    const now = TEN_AM + 90 * MINUTE
    const timers = [
      running(7, now - 12 * MINUTE - 59_000), // 12 min 59 s: still "12 min"
      paused(3, 65 * 60 + 30),
      idle(1),
      running(2, now - 5 * MINUTE, 60 * 60), // an hour closed + 5 min open
    ]
    const menu = buildTrayMenu(timers, now)
    expect(labels(menu).slice(0, 4)).toEqual(['● Timer 2 — 1 h 05 min', 'Timer 3 — 1 h 05 min (paused)', '● Timer 7 — 12 min', '---'])
    expect(submenus(menu)).toEqual([
      {
        kind: 'submenu',
        label: '● Timer 2 — 1 h 05 min',
        color: DEFAULT_TIMER_COLORS[1],
        items: [
          { kind: 'action', id: { type: 'pause', slot: 2 }, label: 'Pause' },
          { kind: 'action', id: { type: 'stop', slot: 2 }, label: 'Stop' },
        ],
      },
      {
        kind: 'submenu',
        label: 'Timer 3 — 1 h 05 min (paused)',
        color: DEFAULT_TIMER_COLORS[2],
        items: [
          { kind: 'action', id: { type: 'resume', slot: 3 }, label: 'Resume' },
          { kind: 'action', id: { type: 'stop', slot: 3 }, label: 'Stop' },
        ],
      },
      {
        kind: 'submenu',
        label: '● Timer 7 — 12 min',
        color: DEFAULT_TIMER_COLORS[6],
        items: [
          { kind: 'action', id: { type: 'pause', slot: 7 }, label: 'Pause' },
          { kind: 'action', id: { type: 'stop', slot: 7 }, label: 'Stop' },
        ],
      },
    ])
    expect(labels(menu)).not.toContain('No timer running')
    expect(action(menu, 'new-timer').enabled).toBe(true)
    expect(action(menu, 'pause-all').enabled).toBe(true)
  })

  it('shows whole minutes only, never seconds', () => {
    expect(formatMenuDuration(0)).toBe('0 min')
    expect(formatMenuDuration(59)).toBe('0 min')
    expect(formatMenuDuration(60)).toBe('1 min')
    expect(formatMenuDuration(3599)).toBe('59 min')
    expect(formatMenuDuration(3600)).toBe('1 h 00 min')
    expect(formatMenuDuration(26 * 3600 + 7 * 60 + 59)).toBe('26 h 07 min')
  })

  it('cannot pause all when only paused timers are left', () => {
    const menu = buildTrayMenu([paused(1, 600), paused(2, 60)], TEN_AM)
    expect(action(menu, 'pause-all').enabled).toBe(false)
  })

  it('refuses a new timer when all nine slots are busy', () => {
    const timers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => (s % 2 === 0 ? paused(s, 60) : running(s, TEN_AM)))
    const menu = buildTrayMenu(timers, TEN_AM + MINUTE)
    expect(submenus(menu)).toHaveLength(9)
    expect(action(menu, 'new-timer').enabled).toBe(false)
    expect(action(menu, 'pause-all').enabled).toBe(true)
  })

  it('names an unlabelled timer by its slot and shortens a long label', () => {
    const menu = buildTrayMenu([running(4, TEN_AM, 0, '  '), paused(5, 0, 'INC-20931 Printer on floor 3 keeps jamming after firmware update')], TEN_AM)
    const [first, second] = labels(submenus(menu))
    expect(first).toBe('● Timer 4 — 0 min')
    expect(second).toBe('INC-20931 Printer on floor 3 keeps jamm… — 0 min (paused)')
  })

  it('shows which timer is the primary one', () => {
    const menu = buildTrayMenu([{ ...running(2, TEN_AM - 5 * MINUTE, 0, 'Ticket 4711'), primary: true }, running(3, TEN_AM)], TEN_AM)
    expect(labels(submenus(menu))).toEqual(['● Ticket 4711 (primary) — 5 min', '● Timer 3 — 0 min'])
  })
})

describe('tray tooltip', () => {
  it('says so when no timer runs', () => {
    expect(trayTooltip([idle(1), idle(2)], TEN_AM)).toBe('Stint — no timer running')
    expect(trayTooltip([], TEN_AM)).toBe('Stint — no timer running')
  })

  it('lists running timers with h:mm and counts the paused ones', () => {
    const now = TEN_AM + 2 * 60 * MINUTE
    const timers = [running(4, now - 70 * MINUTE), paused(2, 300), running(1, now - 25 * MINUTE - 30_000)]
    expect(trayTooltip(timers, now)).toBe('Stint — 2 running: Timer 1 (0:25), Timer 4 (1:10); 1 paused')
    expect(trayTooltip(timers.slice(0, 1).concat(timers.slice(2)), now)).toBe('Stint — 2 running: Timer 1 (0:25), Timer 4 (1:10)')
  })

  it('counts paused timers when none runs', () => {
    expect(trayTooltip([paused(2, 300), paused(6, 60)], TEN_AM)).toBe('Stint — 2 paused')
  })

  it('cuts long labels to 127 characters (the Windows limit) with an ellipsis, keeping the counts', () => {
    const label = (n: number) => `Customer ${n}: replace the failing RAID controller in the basement server room`
    const timers = [running(1, TEN_AM, 0, label(1)), running(2, TEN_AM, 0, label(2)), running(3, TEN_AM, 0, label(3)), paused(4, 60)]
    const tooltip = trayTooltip(timers, TEN_AM + 30 * MINUTE)
    expect(tooltip).toHaveLength(127)
    expect(MAX_TOOLTIP_LENGTH).toBe(127)
    expect(tooltip.startsWith('Stint — 3 running: Customer 1: replace the failing RAID controller in the basement server room (0:30), Cust')).toBe(true)
    expect(tooltip.endsWith('…; 1 paused')).toBe(true)
  })

  it('never splits an emoji when cutting', () => {
    // 19 characters of heading leave an odd number of UTF-16 units for two-unit emoji.
    const timers = [running(1, TEN_AM, 0, '😀'.repeat(80))]
    const tooltip = trayTooltip(timers, TEN_AM)
    expect(tooltip.length).toBeLessThanOrEqual(MAX_TOOLTIP_LENGTH)
    expect(tooltip.endsWith('…')).toBe(true)
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
    expect(tooltip).not.toMatch(loneSurrogate)
  })
})

describe('tray title (macOS menu bar)', () => {
  it('is empty when nothing runs, even with paused timers', () => {
    expect(trayTitle([], TEN_AM)).toBe('')
    expect(trayTitle([paused(1, 3600), idle(2)], TEN_AM)).toBe('')
  })

  it('shows the longest-running timer', () => {
    expect(trayTitle([running(3, TEN_AM)], TEN_AM + 65 * MINUTE + 59_000)).toBe('1:05')
  })

  it('adds how many more run, ignoring paused ones', () => {
    const now = TEN_AM + 2 * 60 * MINUTE
    const timers = [running(1, now - 5 * MINUTE), running(2, now - 10 * MINUTE, 55 * 60), running(8, now - MINUTE), paused(9, 10 * 3600)]
    expect(trayTitle(timers, now)).toBe('1:05 +2')
  })
})

describe('when the tray next needs a redraw', () => {
  it('never wakes when no timer runs', () => {
    expect(msUntilNextMinute([], TEN_AM)).toBeNull()
    expect(msUntilNextMinute([idle(1), paused(2, 3599)], TEN_AM)).toBeNull()
  })

  it('waits for the running timer to reach its next whole minute', () => {
    const startedAt = TEN_AM + 20_000 // 10:00:20
    const now = TEN_AM + 5 * MINUTE // 10:05:00, 4 min 40 s in
    expect(msUntilNextMinute([running(1, startedAt)], now)).toBe(20_000)
  })

  it('counts the closed seconds of earlier segments', () => {
    // 50 s closed + 5 s open = 55 s: the minute turns in 5 s.
    expect(msUntilNextMinute([running(1, TEN_AM, 50)], TEN_AM + 5_000)).toBe(5_000)
  })

  it('takes the running timer whose minute turns soonest', () => {
    const now = TEN_AM + 10 * MINUTE
    const timers = [running(1, now - 10_000), running(2, now - 45_500), paused(3, 59)]
    expect(msUntilNextMinute(timers, now)).toBe(14_500)
  })

  it('sleeps at least a second, even right before a minute turns', () => {
    expect(msUntilNextMinute([running(1, TEN_AM)], TEN_AM + 59_999)).toBe(1000)
  })

  it('waits a full minute right after a minute turned', () => {
    expect(msUntilNextMinute([running(1, TEN_AM)], TEN_AM + MINUTE)).toBe(MINUTE)
  })

  it('is still finite and positive when the clock is behind the timer start', () => {
    expect(msUntilNextMinute([running(1, TEN_AM, 30)], TEN_AM - 10_000)).toBe(40_000)
  })

  it('agrees with the labels: they change exactly when the wait is over', () => {
    const timers = [running(4, TEN_AM + 7_250, 125)]
    const now = TEN_AM + 3 * MINUTE
    const wait = msUntilNextMinute(timers, now)
    if (wait === null) throw new Error('expected a wait')
    expect(trayTitle(timers, now + wait - 1)).toBe(trayTitle(timers, now))
    expect(trayTitle(timers, now + wait)).not.toBe(trayTitle(timers, now))
  })
})

describe('questions Stint waits on', () => {
  it('come first in the menu and open Stint, so time in a locked period or a crash gap is never decided silently', () => {
    const menu = buildTrayMenu([idle(1)], TEN_AM, 2)
    expect(labels(menu).slice(0, 3)).toEqual(['2 questions wait — open Stint to answer', '---', 'No timer running'])
    expect(menu[0]).toMatchObject({ kind: 'action', id: { type: 'open' } })
    expect(labels(buildTrayMenu([idle(1)], TEN_AM, 1))[0]).toBe('A question waits — open Stint to answer')
    expect(labels(buildTrayMenu([idle(1)], TEN_AM))[0]).toBe('No timer running')
  })
})

describe('the tray’s Recent submenu', () => {
  const recent = [
    { entryId: 'e1', label: 'TICKET-7 · Router swap on site' },
    { entryId: 'e2', label: 'INC-20931 · Printer on floor 3 keeps jamming after the firmware update' },
  ]

  it('offers to continue the last stopped entries, after New timer', () => {
    const menu = buildTrayMenu([idle(1)], TEN_AM, 0, recent)
    expect(labels(menu)).toEqual(['No timer running', '---', 'New timer', 'Recent', 'Pause all', '---', 'Open Stint', 'Quit Stint'])
    const [submenu] = submenus(menu)
    expect(submenu?.kind === 'submenu' && submenu.items).toEqual([
      { kind: 'action', id: { type: 'continue', entryId: 'e1' }, label: 'Continue TICKET-7 · Router swap on site', enabled: true },
      { kind: 'action', id: { type: 'continue', entryId: 'e2' }, label: 'Continue INC-20931 · Printer on floor 3 keeps ja…', enabled: true },
    ])
  })

  it('is left out when nothing was stopped yet, and greyed out while all nine timers are busy', () => {
    expect(labels(buildTrayMenu([idle(1)], TEN_AM))).not.toContain('Recent')
    const busy = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((s) => running(s, TEN_AM))
    const submenu = submenus(buildTrayMenu(busy, TEN_AM, 0, recent)).find((s) => s.label === 'Recent')
    expect(submenu?.kind === 'submenu' && submenu.items.every((i) => i.kind === 'action' && i.enabled === false)).toBe(true)
  })
})
