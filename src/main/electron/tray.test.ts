import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron'
import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMER_COLORS, type Timer } from '@shared/timers'
import { ManualScheduler } from '../timers/scheduler'
import type { TrayIconRepresentation } from '../tray/tray-icon'
import type { TrayActionId } from '../tray/tray-menu'
import { TrayController, type TrayHandle } from './tray'

const T0 = Date.parse('2026-11-16T08:00:20Z')

function timers(states: Partial<Record<number, Timer['state']>>, now = T0): Timer[] {
  return DEFAULT_TIMER_COLORS.map((color, i) => {
    const state = states[i + 1] ?? 'idle'
    return { id: `t${i + 1}`, slot: i + 1, label: `Timer ${i + 1}`, color, state, workItemId: null, activityTypeId: null, billable: true, note: '', closedSeconds: state === 'paused' ? 600 : 0, runningSince: state === 'running' ? now : null }
  })
}

class FakeTray {
  images: { representations: readonly TrayIconRepresentation[]; template: boolean }[] = []
  tooltips: string[] = []
  titles: string[] = []
  menus: MenuItemConstructorOptions[][] = []
  clicks: (() => void)[] = []
  setImage(image: NativeImage): void {
    this.images.push(image as unknown as { representations: readonly TrayIconRepresentation[]; template: boolean })
  }
  setToolTip(text: string): void {
    this.tooltips.push(text)
  }
  setTitle(text: string): void {
    this.titles.push(text)
  }
  setContextMenu(menu: Menu | null): void {
    this.menus.push(menu as unknown as MenuItemConstructorOptions[])
  }
  on(_event: 'click', listener: () => void): this {
    this.clicks.push(listener)
    return this
  }
}

function setUp(platform: NodeJS.Platform = 'linux') {
  let now = T0
  const tray = new FakeTray()
  const scheduler = new ManualScheduler(() => now)
  const actions: TrayActionId[] = []
  const controller = new TrayController({
    tray: tray as unknown as TrayHandle,
    buildMenu: (template) => template as unknown as Menu,
    createImage: (representations, template) => ({ representations, template }) as unknown as NativeImage,
    scheduler,
    now: () => now,
    platform,
    onAction: (action) => actions.push(action),
  })
  return { tray, scheduler, actions, controller, advance: (ms: number) => (now += ms), nowAt: () => now }
}

const labels = (menu: MenuItemConstructorOptions[] | undefined) => (menu ?? []).map((item) => item.label ?? `(${item.type ?? 'item'})`)

describe('the tray', () => {
  it('with nothing running: an idle icon, a menu that says so, and no wake-ups at all', () => {
    const { tray, scheduler, controller } = setUp()
    controller.update(timers({}))
    expect(tray.images).toHaveLength(1)
    expect(tray.images[0]?.representations.map((r) => [r.scaleFactor, r.width])).toEqual([
      [1, 16],
      [2, 32],
    ])
    expect(labels(tray.menus[0])).toEqual(['No timer running', '(separator)', 'New timer', 'Pause all', '(separator)', 'Open Stint', 'Quit Stint'])
    expect(tray.tooltips).toEqual(['Stint — no timer running'])
    expect(scheduler.size).toBe(0)
  })

  it('leads to the questions waiting, and a click on that line opens Stint', () => {
    const { tray, actions, controller } = setUp()
    controller.update(timers({}))
    controller.setQuestions(1)
    const menu = tray.menus.at(-1)
    expect(labels(menu).slice(0, 3)).toEqual(['A question waits — open Stint to answer', '(separator)', 'No timer running'])
    menu?.[0]?.click?.(undefined as never, undefined, undefined as never)
    expect(actions).toEqual([{ type: 'open' }])
    controller.setQuestions(0)
    expect(labels(tray.menus.at(-1))[0]).toBe('No timer running')
  })

  it('lists the active timers with their controls, and its clicks reach the engine', () => {
    const { tray, controller, actions } = setUp()
    controller.update(timers({ 2: 'running', 5: 'paused' }))
    const menu = tray.menus.at(-1) ?? []
    expect(menu[0]?.label).toMatch(/Timer 2/)
    expect(menu[1]?.label).toMatch(/Timer 5.*paused/)
    const submenu = menu[0]?.submenu as MenuItemConstructorOptions[]
    expect(labels(submenu)).toEqual(['Pause', 'Stop'])
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.()
    click(submenu[1])
    click(menu.find((item) => item.label === 'Pause all'))
    tray.clicks[0]?.()
    expect(actions).toEqual([{ type: 'stop', slot: 2 }, { type: 'pause-all' }, { type: 'open' }])
  })

  it('refreshes its minute labels once a minute while a timer runs, never every second', () => {
    const { tray, scheduler, controller, advance } = setUp()
    controller.update(timers({ 1: 'running' }))
    const menusBefore = tray.menus.length
    // An hour of real time, looked at every second.
    for (let s = 0; s < 3600; s++) {
      advance(1000)
      scheduler.runDue()
    }
    expect(controller.refreshes).toBe(60)
    expect(tray.menus.length - menusBefore).toBe(60)
    expect(tray.images).toHaveLength(1) // the icon only changes with the state
  })

  it('stops waking up once nothing runs', () => {
    const { scheduler, controller } = setUp()
    controller.update(timers({ 1: 'running' }))
    expect(scheduler.size).toBe(1)
    controller.update(timers({ 1: 'paused' }))
    expect(scheduler.size).toBe(0)
  })

  it('on macOS uses a template image when idle, a coloured one when active, and a title', () => {
    const { tray, controller } = setUp('darwin')
    controller.update(timers({}))
    controller.update(timers({ 3: 'running' }))
    expect(tray.images.map((i) => i.template)).toEqual([true, false])
    expect(tray.titles.at(-1)).toBe('0:00')
  })

  it('escapes "&" so a label is not taken as a menu mnemonic', () => {
    const { tray, controller } = setUp()
    const list = timers({ 1: 'running' }).map((t) => (t.slot === 1 ? { ...t, label: 'R&D server' } : t))
    controller.update(list)
    expect(tray.menus.at(-1)?.[0]?.label).toContain('R&&D server')
  })
})
