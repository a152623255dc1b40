// How an approver's screens name a period (moments: formatMoment in formats.ts), in one place so the queue, the
// detail page, the buttons' accessible names and the messages all agree, in the window's
// language.
import { dayRangeLabel } from '@shared/periods'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

/** "Tess Tech’s period 16–22 Nov 2026" / "Zeitraum 16.–22. Nov. 2026 von Tess Tech": a period among other people's. */
export function periodName(member: { name: string }, period: { start: string; end: string }, { t, locale }: Translator = ENGLISH): string {
  return t('approvals.periodName', { member: member.name, range: dayRangeLabel(period, locale) })
}

