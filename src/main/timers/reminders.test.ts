import { describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { FakeClock } from '../clock'
import { REMINDER_CHECK_MS, ReminderService, isWithinWorkingHours } from './reminders'
import { ManualScheduler } from './scheduler'

const weekdays = { ...DEFAULT_SETTINGS.reminders, enabled: true } // Mon–Fri, 09:00–17:00

describe('working hours', () => {
  it.each([
    ['Monday 09:00 Berlin (08:00 UTC)', '2026-11-16T08:00:00Z', true],
    ['Monday 08:59 Berlin', '2026-11-16T07:59:00Z', false],
    ['Monday 16:59 Berlin', '2026-11-16T15:59:00Z', true],
    ['Monday 17:00 Berlin (the end is exclusive)', '2026-11-16T16:00:00Z', false],
    ['Saturday 11:00 Berlin', '2026-11-21T10:00:00Z', false],
    ['Monday 00:30 Berlin, still Sunday in UTC', '2026-11-15T23:30:00Z', false],
    ['Friday 16:30 Berlin in summer time (14:30 UTC)', '2026-07-17T14:30:00Z', true],
  ])('%s → %s', (_story, iso, expected) => {
    expect(isWithinWorkingHours(weekdays, Date.parse(iso), 'Europe/Berlin')).toBe(expected)
  })
})

function setUp(enabled: boolean, running: boolean, language: 'en' | 'de' = 'en') {
  const clock = new FakeClock(Date.parse('2026-11-16T08:00:00Z'), 'Europe/Berlin') // Monday 09:00
  const scheduler = new ManualScheduler(() => clock.now())
  const notes: string[] = []
  const settings = { ...weekdays, enabled }
  const service = new ReminderService({
    clock,
    scheduler,
    settings: () => settings,
    anyRunning: () => Promise.resolve(running),
    notify: (title, body) => notes.push(language === 'en' ? title : `${title} — ${body}`),
    translator: () => createTranslator(language),
    onError: (error) => notes.push(`error: ${String(error)}`),
  })
  service.apply()
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 60_000) {
      clock.advance(60_000)
      scheduler.runDue()
      await Promise.resolve()
      await Promise.resolve()
    }
  }
  return { service, scheduler, notes, settings, advance }
}

describe('reminders', () => {
  it('off by default, and off means nothing is scheduled', () => {
    expect(DEFAULT_SETTINGS.reminders.enabled).toBe(false)
    expect(setUp(false, false).scheduler.size).toBe(0)
  })

  it('remind when no timer runs in working hours, at most once an hour', async () => {
    const { notes, advance } = setUp(true, false)
    await advance(REMINDER_CHECK_MS)
    expect(notes).toEqual(['No timer is running'])
    await advance(45 * 60_000)
    expect(notes).toHaveLength(1)
    await advance(30 * 60_000)
    expect(notes).toHaveLength(2)
  })

  it('stay quiet while a timer runs', async () => {
    const { notes, advance } = setUp(true, true)
    await advance(2 * 60 * 60_000)
    expect(notes).toEqual([])
  })

  it('turning them off cancels the pending check', () => {
    const { service, scheduler, settings } = setUp(true, false)
    expect(scheduler.size).toBe(1)
    settings.enabled = false
    service.apply()
    expect(scheduler.size).toBe(0)
  })

  it('speak the language of the settings', async () => {
    const { notes, advance } = setUp(true, false, 'de')
    await advance(REMINDER_CHECK_MS)
    expect(notes).toEqual(['Kein Timer läuft — Es ist Arbeitszeit, und Stint erfasst nichts. Starten Sie einen Timer über das Infobereich-Symbol oder mit Strg+Alt+1.'])
  })
})
