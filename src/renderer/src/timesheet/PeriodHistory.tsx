// The period's audit trail, folded away until asked for: every status change, who made
// it, when, from what to what, and the reason given. The table alone serves where the
// trail is already behind a disclosure of its own (a row of the Submissions view).
import { format } from 'date-fns'
import { formatClock } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import { SELF_ACTOR, type PeriodEvent } from '@shared/timesheet'
import { formatDay, todayLocal } from '../format'
import { useT } from '../i18n/i18n-context'
import { statusWord } from './PeriodStatusBanner'
import './history.css'

/** "Thu 3 Dec 2026, 14:05" / "Do 3. Dez. 2026, 14:05": when a status changed, in this machine's zone. */
function when(at: number, { language, locale }: Translator): string {
  if (language === 'en') return format(at, 'EEE d MMM yyyy, HH:mm')
  return `${formatDay(todayLocal(at), locale)} ${format(at, 'yyyy')}, ${formatClock(at, locale)}`
}

/** "Open → Submitted"; a move from submitted to submitted can only be a first-level approval of a two-level period. */
function Change({ event }: { event: PeriodEvent }) {
  const translator = useT()
  if (event.from === 'submitted' && event.to === 'submitted') return <>{translator.t('history.level1')}</>
  return (
    <>
      {statusWord(event.from, translator)}
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden">{translator.t('history.to')}</span>
      {statusWord(event.to, translator)}
    </>
  )
}

export function PeriodHistoryTable({ history, caption }: { history: readonly PeriodEvent[]; caption?: string }) {
  const translator = useT()
  const { t } = translator
  return (
    <table className="table ts-history__table">
      <caption className="visually-hidden">{caption ?? t('history.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.when')}</th>
          <th scope="col">{t('history.who')}</th>
          <th scope="col">{t('history.change')}</th>
          <th scope="col">{t('history.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {history.map((event) => (
          <tr key={event.id}>
            <td className="table__nowrap">{when(event.at, translator)}</td>
            <td className="table__nowrap">{event.actor === SELF_ACTOR ? t('history.you') : event.actor}</td>
            <td className="table__nowrap">
              <Change event={event} />
            </td>
            <td className="ts-history__reason">{event.reason ?? <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface PeriodHistoryProps {
  history: readonly PeriodEvent[]
  /** Open from the start (a page about this one period). */
  open?: boolean
}

export function PeriodHistory({ history, open = false }: PeriodHistoryProps) {
  const { t } = useT()
  if (history.length === 0) return null
  return (
    <details className="ts-history" open={open}>
      <summary>{t('history.summary', { count: history.length })}</summary>
      <PeriodHistoryTable history={history} />
    </details>
  )
}
