// Optional reminders (off by default): a notification when no timer runs during the
// working hours set in Settings. The check wakes every 15 minutes only while reminders
// are on; with them off nothing is scheduled at all.
import { TZDate } from '@date-fns/tz'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import type { Settings } from '@shared/settings'
import type { Clock } from '../clock'
import type { Scheduler } from './scheduler'

export const REMINDER_CHECK_MS = 15 * 60_000
/** At most one reminder an hour: a nudge, not nagging. */
export const REMINDER_GAP_MS = 60 * 60_000

type Reminders = Settings['reminders']

function minutesOf(hhmm: string): number {
  const [h = '0', m = '0'] = hhmm.split(':')
  return Number(h) * 60 + Number(m)
}

/** Whether `nowMs` falls on a working day between `from` (inclusive) and `to` (exclusive), local to the zone. */
export function isWithinWorkingHours(reminders: Reminders, nowMs: number, timeZone: string): boolean {
  const local = new TZDate(nowMs, timeZone)
  if (!reminders.days.includes(local.getDay())) return false
  const minute = local.getHours() * 60 + local.getMinutes()
  return minute >= minutesOf(reminders.from) && minute < minutesOf(reminders.to)
}

export interface ReminderDeps {
  clock: Clock
  scheduler: Scheduler
  settings: () => Reminders
  anyRunning: () => Promise<boolean>
  notify: (title: string, body: string) => void
  /** The language of the moment (the setting may change while Stint runs); English without one. */
  translator?: () => Pick<Translator, 't'>
  onError: (error: unknown) => void
}

export class ReminderService {
  private handle: unknown = null
  private lastRemindedAt: number | null = null

  constructor(private readonly deps: ReminderDeps) {}

  /** (Re)applies the settings: schedules checks when on, cancels them when off. */
  apply(): void {
    if (this.handle !== null) this.deps.scheduler.clearTimeout(this.handle)
    this.handle = null
    if (this.deps.settings().enabled) this.handle = this.deps.scheduler.setTimeout(() => void this.check(), REMINDER_CHECK_MS)
  }

  stop(): void {
    if (this.handle !== null) this.deps.scheduler.clearTimeout(this.handle)
    this.handle = null
  }

  async check(): Promise<void> {
    this.handle = null
    const { clock, settings } = this.deps
    try {
      const now = clock.now()
      const reminders = settings()
      if (!reminders.enabled) return
      const recently = this.lastRemindedAt !== null && now - this.lastRemindedAt < REMINDER_GAP_MS
      if (!recently && isWithinWorkingHours(reminders, now, clock.timeZone()) && !(await this.deps.anyRunning())) {
        this.lastRemindedAt = now
        const { t } = this.deps.translator?.() ?? ENGLISH
        this.deps.notify(t('notices.reminder.title'), t('notices.reminder.body'))
      }
    } catch (error) {
      this.deps.onError(error)
    }
    this.apply()
  }
}
