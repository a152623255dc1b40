// The tray and the notifications in German: a German technician's menu, tooltip and
// notices read German, with German plurals and dates.
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron'
import { describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { TrayController, type TrayHandle } from './tray'
import { usageAlertNotice } from '../reports/usage-alert-notice'
import { decisionNotice } from '../sync/decision-notice'
import { ManualScheduler } from '../timers/scheduler'
import { buildTrayMenu, trayTooltip, type TrayMenuItem, type TrayTimer } from '../tray/tray-menu'

const GERMAN = createTranslator('de')
const TEN_AM = Date.UTC(2026, 11, 3, 10, 0, 0)
const MINUTE = 60_000

const timer = (slot: number, state: TrayTimer['state'], label = ''): TrayTimer => ({
  slot,
  label,
  color: DEFAULT_TIMER_COLORS[slot - 1] ?? '#888888',
  state,
  closedSeconds: state === 'paused' ? 25 * 60 : 0,
  runningSince: state === 'running' ? TEN_AM - 65 * MINUTE : null,
})
const labels = (menu: TrayMenuItem[]): string[] => menu.map((item) => (item.kind === 'separator' ? '---' : item.label))

describe('the tray speaks German', () => {
  it('the menu with nothing running', () => {
    expect(labels(buildTrayMenu([timer(1, "idle")], TEN_AM, 0, [], GERMAN))).toEqual(['Kein Timer läuft', '---', 'Neuer Timer', 'Alle pausieren', '---', 'Stint öffnen', 'Stint beenden'])
  })

  it('a running and a paused timer, and the questions waiting', () => {
    const menu = buildTrayMenu([timer(1, 'running', 'TICKET-1234'), timer(2, 'paused')], TEN_AM, 2, [], GERMAN)
    expect(labels(menu).slice(0, 4)).toEqual(['2 Fragen warten — Stint öffnen, um zu antworten', '---', '● TICKET-1234 — 1 Std. 05 Min.', 'Timer 2 — 25 Min. (pausiert)'])
    const running = menu[2]
    expect(running?.kind === 'submenu' && running.items.map((item) => (item.kind === 'action' ? item.label : ''))).toEqual(['Pausieren', 'Stoppen'])
    expect(labels(buildTrayMenu([], TEN_AM, 1, [], GERMAN))[0]).toBe('Eine Frage wartet — Stint öffnen, um zu antworten')
  })

  it('the tooltip', () => {
    expect(trayTooltip([], TEN_AM, GERMAN)).toBe('Stint — kein Timer läuft')
    expect(trayTooltip([timer(1, 'running'), timer(2, 'paused')], TEN_AM, GERMAN)).toBe('Stint — 1 läuft: Timer 1 (1:05); 1 pausiert')
  })

  it('switches language at once when the setting changes', () => {
    const tray = { tooltips: [] as string[], menus: [] as MenuItemConstructorOptions[][] }
    const controller = new TrayController({
      tray: {
        setImage: () => undefined,
        setToolTip: (text: string) => tray.tooltips.push(text),
        setTitle: () => undefined,
        setContextMenu: (menu: unknown) => tray.menus.push(menu as MenuItemConstructorOptions[]),
        on: () => undefined,
      } as unknown as TrayHandle,
      buildMenu: (template) => template as unknown as Menu,
      createImage: () => ({}) as NativeImage,
      scheduler: new ManualScheduler(() => TEN_AM),
      now: () => TEN_AM,
      platform: 'linux',
      onAction: () => undefined,
    })
    controller.update([])
    expect(tray.tooltips.at(-1)).toBe('Stint — no timer running')
    controller.setTranslator(GERMAN)
    expect(tray.tooltips.at(-1)).toBe('Stint — kein Timer läuft')
    expect(tray.menus.at(-1)?.at(-1)?.label).toBe('Stint beenden')
  })
})

describe('notifications speak German', () => {
  it('a period decided by the team server', () => {
    const base = { start: '2026-11-16', end: '2026-11-22', by: 'Abe Approver' }
    expect(decisionNotice({ ...base, status: 'rejected', reason: 'Freitag fehlt der Vor-Ort-Termin' }, GERMAN)).toEqual({
      title: 'Stundenzettel 16. Nov. 2026 – 22. Nov. 2026 wurde zurückgewiesen',
      body: 'Abgelehnt von Abe Approver: Freitag fehlt der Vor-Ort-Termin. Bitte korrigieren und erneut einreichen.',
    })
    expect(decisionNotice({ ...base, status: 'approved', reason: null, by: null }, GERMAN).body).toBe('Genehmigt. Die Zeiten sind jetzt gesperrt.')
  })

  it('a contract nearing its included hours', () => {
    const alert = { contractId: 'c1', contractName: 'Wartung', customerName: 'Acme GmbH', month: '2026-03', level: 'warning', billableSeconds: 8 * 3600, includedSeconds: 10 * 3600 } as const
    expect(usageAlertNotice(alert, GERMAN)).toEqual({ title: 'Vertrag bei 80 %: Acme GmbH · Wartung', body: '8:00 von 10:00 Std. verbraucht im März 2026.' })
  })
})
