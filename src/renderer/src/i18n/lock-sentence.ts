// Why a period (a day, a cell, held timer time) is read-only and what to do, in the
// person's language. The host answers with which lock it is (the shared lockKind, as
// data beside isLocked); the sentence is the refusal.lock.* message its refusals use, so
// the Timesheet, the Calendar, the cell details and the timers say it alike.
import type { Translator } from '@shared/i18n/translator'
import type { LockKind } from '@shared/period-workflow'

export function lockSentence(lock: LockKind | null, { t }: Pick<Translator, 't'>): string | null {
  return lock === null ? null : t(`refusal.lock.${lock}`)
}
