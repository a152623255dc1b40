// Carries out a ticket link or a command-line request on the engine. Everything here
// comes from outside Stint, so it was parsed strictly before (src/shared/ticket-link.ts);
// a short run stopped from a link is still the user's decision, asked through `confirm`.
import { StintError } from '@shared/errors'
import type { TimerCommand } from '@shared/ticket-link'
import type { TimerEngine } from './timer-engine'

export interface CommandFeedback {
  /** Ask whether to keep a run shorter than the threshold; resolves true to keep. */
  confirmKeepShort(label: string, seconds: number): Promise<boolean>
  /** Tell the user what happened (a notification in the app). */
  notify(title: string, body: string): void
}

export async function runTimerCommand(engine: Pick<TimerEngine, 'startForTicket' | 'stopForTicket' | 'stop' | 'discard'>, command: TimerCommand, feedback: CommandFeedback): Promise<void> {
  try {
    if (command.action === 'start') {
      const timer = await engine.startForTicket(command)
      feedback.notify(`${command.ref} is running`, `On ${timer.label} (slot ${timer.slot}).`)
      return
    }
    const result = await engine.stopForTicket(command.ref)
    if (result.outcome === 'confirm-short') {
      if (await feedback.confirmKeepShort(result.timer.label, result.seconds)) await engine.stop(result.timer.slot, { keepShort: true })
      else await engine.discard(result.timer.slot)
      return
    }
    const minutes = Math.round(result.entries.reduce((sum, e) => sum + e.rawSeconds, 0) / 60)
    feedback.notify(`${command.ref} stopped`, `${minutes} min booked as a draft entry.`)
  } catch (error) {
    if (!(error instanceof StintError)) throw error
    feedback.notify(`Stint could not ${command.action} ${command.ref}`, error.message)
  }
}
