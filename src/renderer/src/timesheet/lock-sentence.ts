// Why the shown period is read-only, in the person's language. Whether it is locked is
// the host's answer (sheet.lockedReason, from main/entries/period-lock.ts, the one home of
// the rule); these are the same sentences from the catalogue, chosen by status and mode.
// While the mode is not known yet the host's own (English) sentence is shown.
import type { Translator } from '@shared/i18n/translator'
import type { Timesheet } from '@shared/timesheet'

export function lockSentence(sheet: Pick<Timesheet, 'status' | 'lockedReason'>, mode: 'standalone' | 'server' | null, { t }: Pick<Translator, 't'>): string | null {
  if (sheet.lockedReason === null) return null
  if (sheet.status === 'submitted') return t('lock.submitted')
  if (sheet.status === 'approved' && mode !== null) return t(mode === 'standalone' ? 'lock.approvedStandalone' : 'lock.approvedServer')
  return sheet.lockedReason
}
