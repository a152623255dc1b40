// The entries of a period under review, as lists: those removed since the last rejection
// (struck through, with their descriptions), and every entry with its description by day.
import type { ApprovalDetail } from '@shared/approvals'
import { formatDuration, type DurationUnit } from '@shared/duration'
import { formatDay } from '../format'
import { useT } from '../i18n/i18n-context'
import { entryNames } from './period-grid'

export function RemovedEntries({ detail, unit }: { detail: ApprovalDetail; unit: DurationUnit }) {
  const { t, locale } = useT()
  const names = entryNames(detail, t)
  return (
    <ul className="changes__removed" aria-label={t('approvals.removedLabel')}>
      {detail.changedSinceRejection?.removed.map((entry) => (
        <li key={entry.id}>
          <span className="changes__day">{formatDay(entry.day, locale)}</span> {names(entry).name} · <del>{formatDuration(entry.roundedSeconds, unit, locale)}</del>
          {entry.description && <span className="muted"> — {entry.description}</span>}
        </li>
      ))}
    </ul>
  )
}

export function EntryList({ detail, unit }: { detail: ApprovalDetail; unit: DurationUnit }) {
  const { t, locale } = useT()
  const names = entryNames(detail, t)
  const changed = new Set(detail.changedSinceRejection?.changed ?? [])
  const entries = detail.entries.filter((e) => e.deletedAt === null)
  if (entries.length === 0) return null
  return (
    <details className="ts-history">
      <summary>{t('approvals.entries', { count: entries.length })}</summary>
      <table className="table ts-history__table review__entries">
        <caption className="visually-hidden">{t('approvals.entriesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('approvals.day')}</th>
            <th scope="col">{t('approvals.itemActivity')}</th>
            <th scope="col" className="num">
              {t('approvals.time')}
            </th>
            <th scope="col">{t('approvals.description')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className={changed.has(entry.id) ? 'is-changed' : undefined}>
              <td className="table__nowrap">{formatDay(entry.day, locale)}</td>
              <td>
                {names(entry).name}
                {changed.has(entry.id) && <span className="badge badge--warn review__badge">{t('approvals.changed')}</span>}
                {entry.status === 'voided' && <span className="badge review__badge">{t('approvals.voided')}</span>}
              </td>
              <td className="num table__nowrap">{entry.status === 'voided' ? <del>{formatDuration(entry.roundedSeconds, unit, locale)}</del> : formatDuration(entry.roundedSeconds, unit, locale)}</td>
              <td>{entry.description || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
