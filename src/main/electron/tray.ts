// The tray: its icon is drawn from the timer state (src/main/tray), its menu lists the
// active timers with their controls. It redraws on every state change and otherwise
// wakes only when a running timer's minute label would go stale — never every second.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import type { Timer } from '@shared/timers'
import type { Scheduler } from '../timers/scheduler'
import { trayIconSet, type TrayIconRepresentation } from '../tray/tray-icon'
import { buildTrayMenu, msUntilNextMinute, trayTitle, trayTooltip, type TrayActionId, type TrayMenuItem, type TrayRecent } from '../tray/tray-menu'

export type TrayHandle = Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on'>

export interface TrayDeps {
  tray: TrayHandle
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu
  /** Builds a NativeImage from BGRA representations (1x and 2x). */
  createImage: (representations: readonly TrayIconRepresentation[], template: boolean) => NativeImage
  scheduler: Scheduler
  now: () => number
  /** macOS: a template image when idle, and the title beside the icon. */
  platform: NodeJS.Platform
  onAction: (action: TrayActionId) => void
}

/** Escapes '&', which menus on Windows and Linux would take as a mnemonic marker. */
function menuLabel(label: string): string {
  return label.replaceAll('&', '&&')
}

export function toMenuTemplate(items: readonly TrayMenuItem[], onAction: (action: TrayActionId) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'info':
        return { label: menuLabel(item.label), enabled: false }
      case 'action':
        return { label: menuLabel(item.label), enabled: item.enabled ?? true, click: () => onAction(item.id) }
      case 'submenu':
        return { label: menuLabel(item.label), submenu: toMenuTemplate(item.items, onAction) }
    }
  })
}

export class TrayController {
  private timers: readonly Timer[] = []
  /** Questions waiting for the user (crash gaps, idle time, time in a locked period). */
  private questions = 0
  /** Past entries offered under Recent, newest first. */
  private recent: readonly TrayRecent[] = []
  private handle: unknown = null
  private translator: Translator = ENGLISH
  /** Wake-ups of the minute refresh, for tests and the benchmark. */
  refreshes = 0

  constructor(private readonly deps: TrayDeps) {
    // On Windows and Linux a click on the icon itself opens the window.
    deps.tray.on('click', () => deps.onAction({ type: 'open' }))
  }

  /** A timer changed: redraw the icon and the menu, and plan the next minute refresh. */
  update(timers: readonly Timer[]): void {
    this.timers = timers
    const idle = !timers.some((t) => t.state !== 'idle')
    const template = this.deps.platform === 'darwin' && idle
    this.deps.tray.setImage(this.deps.createImage(trayIconSet(timers, { template }), template))
    this.refreshLabels()
  }

  /** The number of questions waiting changed: the menu leads to them. */
  setQuestions(count: number): void {
    if (count === this.questions) return
    this.questions = count
    this.refreshLabels()
  }

  /** The entries changed: the Recent submenu offers the newest stopped ones. */
  setRecent(recent: readonly TrayRecent[]): void {
    this.recent = recent
    this.refreshLabels()
  }

  /** The language changed (in Settings, or the system's with System chosen): the menu and tooltip speak it at once. */
  setTranslator(translator: Translator): void {
    if (translator.language === this.translator.language) return
    this.translator = translator
    this.refreshLabels()
  }

  dispose(): void {
    if (this.handle !== null) this.deps.scheduler.clearTimeout(this.handle)
    this.handle = null
  }

  private refreshLabels(): void {
    const now = this.deps.now()
    this.deps.tray.setToolTip(trayTooltip(this.timers, now, this.translator))
    if (this.deps.platform === 'darwin') this.deps.tray.setTitle(trayTitle(this.timers, now))
    this.deps.tray.setContextMenu(this.deps.buildMenu(toMenuTemplate(buildTrayMenu(this.timers, now, this.questions, this.recent, this.translator), this.deps.onAction)))
    this.dispose()
    const wait = msUntilNextMinute(this.timers, now)
    if (wait !== null) {
      this.handle = this.deps.scheduler.setTimeout(() => {
        this.handle = null
        this.refreshes++
        this.refreshLabels()
      }, wait)
    }
  }
}
