// Carries out a ticket link or a command-line request on the engine. Everything here
// comes from outside Stint, so it was parsed strictly before (src/shared/ticket-link.ts);
// a short run stopped from a link is still the user's decision, asked through `confirm`.
import { StintError } from '@shared/errors'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import type { TimerCommand } from '@shared/ticket-link'
import type { StopResult } from '@shared/timers'
import type { TimerEngine } from './timer-engine'

export interface CommandFeedback {
  /** Ask whether to keep a run shorter than the threshold; resolves true to keep. */
  confirmKeepShort(label: string, seconds: number): Promise<boolean>
  /** Tell the user what happened (a notification in the app). */
  notify(title: string, body: string): void
}

export async function runTimerCommand(
  engine: Pick<TimerEngine, 'startForTicket' | 'stopForTicket' | 'stop' | 'discard'>,
  command: TimerCommand,
  feedback: CommandFeedback,
  translator: Pick<Translator, 't'> = ENGLISH,
): Promise<void> {
  const { t } = translator
  try {
    if (command.action === 'start') {
      const timer = await engine.startForTicket(command)
      feedback.notify(t('notices.link.running', { ref: command.ref }), t('notices.link.runningBody', { label: timer.label, slot: timer.slot }))
      return
    }
    let result = await engine.stopForTicket({ ref: command.ref, url: command.url })
    if (result.outcome === 'confirm-short') {
      if (!(await feedback.confirmKeepShort(result.timer.label, result.seconds))) {
        await engine.discard(result.timer.slot)
        return
      }
      result = await engine.stop(result.timer.slot, { keepShort: true })
      if (result.outcome !== 'stopped' || result.heldSeconds === 0) return
    }
    if (result.outcome === 'stopped') feedback.notify(t('notices.stopped.title', { name: command.ref }), stoppedText(result, translator))
  } catch (error) {
    if (!(error instanceof StintError)) throw error
    feedback.notify(t(command.action === 'start' ? 'notices.link.startFailed' : 'notices.link.stopFailed', { ref: command.ref }), error.message)
  }
}

/** What a stop booked, and what it could not book because its period is locked (that waits as a question). */
export function stoppedText(result: Extract<StopResult, { outcome: 'stopped' }>, { t }: Pick<Translator, 't'> = ENGLISH): string {
  const minutes = (seconds: number) => t('duration.minutes', { minutes: Math.round(seconds / 60) })
  const bookedSeconds = result.entries.reduce((sum, e) => sum + e.rawSeconds, 0)
  const values = { booked: minutes(bookedSeconds), held: minutes(result.heldSeconds) }
  if (result.heldSeconds === 0) return t('notices.stopped.booked', values)
  return t(bookedSeconds > 0 ? 'notices.stopped.bookedAndHeld' : 'notices.stopped.held', values)
}
