// Where the period stands, said on the period itself: submitted (waiting for which
// approval level, and whether the submission has left this device), approved and
// locked, rejected with the approver's reason, or reopened with the reason given —
// with the move the person can make from there (withdraw, reopen).
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'
import { SELF_ACTOR, type PeriodEvent, type Timesheet } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'
import { syncTime } from '../sync/sync-status-text'
import './period-banner.css'

const STATUS_WORDS: Record<string, MessageId> = { open: 'timesheet.status.open', submitted: 'timesheet.status.submitted', approved: 'timesheet.status.approved', rejected: 'timesheet.status.rejected' }

/** A period status as a word ("Submitted", "Eingereicht"); an unknown one as it is stored. */
export function statusWord(status: string, { t }: Pick<Translator, 't'>): string {
  const id = STATUS_WORDS[status]
  return id === undefined ? status : t(id)
}

interface PeriodStatusBannerProps {
  sheet: Timesheet
  /** Why it is read-only, in the person's language (see lock-sentence.ts). */
  lockedReason: string | null
  /** standalone: the person is their own administrator; null while unknown. */
  mode: 'standalone' | 'server' | null
  /** The id of the sentence that says why the period is read-only (for the Submit button). */
  reasonId: string
  busy: boolean
  onWithdraw: () => void
  onReopen: () => void
}

/** The event that brought the period to its current status (the last one to it). */
function lastMove(sheet: Timesheet): PeriodEvent | undefined {
  return sheet.history.findLast((e) => e.to === sheet.status)
}

function byline(event: PeriodEvent | undefined, { t, language, locale }: Translator): string {
  if (!event) return ''
  // English keeps its short "17 Nov 14:05"; other languages write the day their way.
  const when = syncTime(event.at, Date.now(), language === 'en' ? undefined : locale)
  // Standalone moves are the device's own user's, which reads as "by you" mid-sentence.
  return event.actor === SELF_ACTOR ? t('banner.byYou', { when }) : t('banner.by', { actor: event.actor, when })
}

export function PeriodStatusBanner({ sheet, lockedReason, mode, reasonId, busy, onWithdraw, onReopen }: PeriodStatusBannerProps) {
  const translator = useT()
  const { t } = translator
  const move = lastMove(sheet)

  if (sheet.status === 'submitted') {
    return (
      <div className="banner period-banner period-banner--submitted" role="note" aria-label={t('banner.readOnly')}>
        <div className="period-banner__text">
          <p className="period-banner__title">
            {t('banner.waiting', { level: sheet.level ?? 1 })}
            {sheet.queued && <span className="badge badge--warn">{t('banner.queued')}</span>}
          </p>
          <p id={reasonId}>
            {sheet.queued && t('banner.queuedText')}
            {lockedReason}
          </p>
        </div>
        {sheet.level === 1 && (
          <button type="button" className="button button--secondary button--compact" onClick={onWithdraw} aria-disabled={busy || undefined}>
            {t('banner.withdraw')}
          </button>
        )}
      </div>
    )
  }

  if (sheet.status === 'approved') {
    return (
      <div className="banner period-banner period-banner--approved" role="note" aria-label={t('banner.readOnly')}>
        <div className="period-banner__text">
          <p className="period-banner__title">
            <span aria-hidden="true">✓ </span>
            {t('banner.approved')}
            {byline(move, translator)}
          </p>
          <p id={reasonId}>
            {lockedReason}
          </p>
        </div>
        {mode === 'standalone' && (
          <button type="button" className="button button--secondary button--compact" onClick={onReopen} aria-disabled={busy || undefined}>
            {t('banner.reopen')}
          </button>
        )}
      </div>
    )
  }

  if (sheet.status === 'rejected') {
    return (
      <div className="banner period-banner period-banner--rejected" role="note" aria-label={t('banner.rejectedPeriod')}>
        <div className="period-banner__text">
          <p className="period-banner__title">
            {t('banner.rejected')}
            {byline(move, translator)}
          </p>
          {sheet.reason && <blockquote className="period-banner__reason">{sheet.reason}</blockquote>}
          <p>{t('banner.rejectedText')}</p>
        </div>
      </div>
    )
  }

  // Open: worth a word only when it was reopened (or sent back) with a reason.
  if (sheet.reason && move && move.reason) {
    return (
      <div className="banner period-banner period-banner--reopened" role="note" aria-label={t('banner.reopenedPeriod')}>
        <div className="period-banner__text">
          <p className="period-banner__title">
            {t('banner.reopenedTitle')}
            {byline(move, translator)}
          </p>
          <blockquote className="period-banner__reason">{sheet.reason}</blockquote>
          <p>{t('banner.reopenedText')}</p>
        </div>
      </div>
    )
  }
  return null
}
