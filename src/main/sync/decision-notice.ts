// The words of the notification when the team server decides one of the user's periods:
// a rejection says why, since the person has something to fix.
import type { EventPayload } from '@shared/contract'
import { formatDayMedium } from '@shared/i18n/formats'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { dayRangeLabel } from '@shared/periods'

/** English keeps the period's own label; other languages write both days their way. */
function spanOf(start: string, end: string, { language, locale }: Translator): string {
  return language === 'en' ? dayRangeLabel({ start, end }) : `${formatDayMedium(start, locale)} – ${formatDayMedium(end, locale)}`
}

export function decisionNotice(decision: EventPayload<'period.decided'>, translator: Translator = ENGLISH): { title: string; body: string } {
  const { t } = translator
  const span = spanOf(decision.start, decision.end, translator)
  const by = decision.by ?? ''
  switch (decision.status) {
    case 'rejected': {
      const reason = decision.reason ?? t('notice.noReason')
      return { title: t('notice.rejectedTitle', { span }), body: by ? t('notice.rejectedByBody', { by, reason }) : t('notice.rejectedBody', { reason }) }
    }
    case 'approved':
      return { title: t('notice.approvedTitle', { span }), body: by ? t('notice.approvedByBody', { by }) : t('notice.approvedBody') }
    default: {
      const reason = decision.reason ?? ''
      const body = by
        ? reason
          ? t('notice.reopenedByReasonBody', { by, reason })
          : t('notice.reopenedByBody', { by })
        : reason
          ? t('notice.reopenedReasonBody', { reason })
          : t('notice.reopenedBody')
      return { title: t('notice.reopenedTitle', { span }), body }
    }
  }
}
