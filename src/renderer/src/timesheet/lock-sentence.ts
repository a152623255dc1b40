// Why the shown period is read-only, in the person's language. Whether it is locked is
// the host's answer (sheet.lockedReason, from main/entries/period-lock.ts); which lock it
// is and its sentence are the shared lockKind and the refusal.lock.* messages the host's
// refusals use. While the mode is not known yet the host's own (English) sentence is shown.
import type { Translator } from '@shared/i18n/translator'
import { lockKind, type LockMode } from '@shared/period-workflow'
import type { Timesheet } from '@shared/timesheet'

export function lockSentence(sheet: Pick<Timesheet, 'status' | 'lockedReason'>, mode: LockMode | null, { t }: Pick<Translator, 't'>): string | null {
  if (sheet.lockedReason === null) return null
  // A submitted period's sentence does not depend on the mode.
  const kind = mode === null ? (sheet.status === 'submitted' ? 'submitted' : null) : lockKind(sheet.status, mode)
  return kind === null ? sheet.lockedReason : t(`refusal.lock.${kind}`)
}
