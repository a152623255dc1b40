// Carries out a ticket link or a command-line request on the engine. Everything here
// comes from outside Stint, so it was parsed strictly before (src/shared/ticket-link.ts);
// a short run stopped from a link is still the user's decision, asked through `confirm`.
import { StintError } from '@shared/errors'
import type { TimerCommand } from '@shared/ticket-link'
import type { StopResult } from '@shared/timers'
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
    let result = await engine.stopForTicket(command.ref)
    if (result.outcome === 'confirm-short') {
      if (!(await feedback.confirmKeepShort(result.timer.label, result.seconds))) {
        await engine.discard(result.timer.slot)
        return
      }
      result = await engine.stop(result.timer.slot, { keepShort: true })
      if (result.outcome !== 'stopped' || result.heldSeconds === 0) return
    }
    if (result.outcome === 'stopped') feedback.notify(`${command.ref} stopped`, stoppedText(result))
  } catch (error) {
    if (!(error instanceof StintError)) throw error
    feedback.notify(`Stint could not ${command.action} ${command.ref}`, error.message)
  }
}

/** What a stop booked, and what it could not book because its period is locked (that waits as a question). */
export function stoppedText(result: Extract<StopResult, { outcome: 'stopped' }>): string {
  const minutes = (seconds: number) => `${Math.round(seconds / 60)} min`
  const booked = result.entries.reduce((sum, e) => sum + e.rawSeconds, 0)
  if (result.heldSeconds === 0) return `${minutes(booked)} booked as a draft entry.`
  const held = `${minutes(result.heldSeconds)} fell into a submitted or approved period and was not booked there: open Stint to book it today, keep it aside or discard it.`
  return booked > 0 ? `${minutes(booked)} booked as a draft entry. ${held}` : held
}
