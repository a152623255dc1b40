// The draft entries stopped timers produced over the last week, newest day first:
// the technician sees at once that a stop was booked, and how, which runs overlap another
// timer's, and can continue one on a timer.
import { useEffect, useMemo, useState } from 'react'
import type { Timer } from '@shared/timers'
import { subDays } from 'date-fns'
import type { TimeEntry } from '@shared/entries'
import { workItemDisplayName, type ActivityType, type WorkItem } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import './times.css'
import { formatDay, formatShownDuration, formatTime, todayLocal } from '../format'
import { overlapsByEntry } from '../timesheet/use-day-overlaps'

interface RecentEntriesProps {
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
}

export function RecentEntries({ workItems, activityTypes }: RecentEntriesProps) {
  const client = useClient()
  const { t, locale } = useT()
  const [entries, setEntries] = useState<TimeEntry[]>([])
  const [error, setError] = useState<string | null>(null)

  const [timers, setTimers] = useState<Timer[]>([])
  const overlaps = useMemo(() => overlapsByEntry(entries, timers, Intl.DateTimeFormat().resolvedOptions().timeZone), [entries, timers])
  const continueEntry = (entryId: string) => client.timers.continue({ entryId }).then(() => setError(null), (e: unknown) => setError((e as Error).message))

  useEffect(() => {
    let current = true
    void client.timers.list({}).then((list) => current && setTimers(list), () => undefined)
    const refresh = () => {
      const now = Date.now()
      client.entries.list({ from: todayLocal(subDays(now, 6).getTime()), to: todayLocal(now) }).then(
        (list) => {
          if (!current) return
          setEntries(list.filter((e) => e.source === 'timer').reverse())
          setError(null)
        },
        (e: unknown) => current && setError((e as Error).message),
      )
    }
    refresh()
    const unsubscribe = client.events['entries.changed'](refresh)
    return () => {
      current = false
      unsubscribe()
    }
  }, [client])

  return (
    <section className="panel" aria-labelledby="recent-title">
      <h2 id="recent-title" className="panel__title">
        {t('timers.recent.title')}
      </h2>
      {error && <p role="alert">{error}</p>}
      {entries.length === 0 ? (
        <p className="muted">{t('timers.recent.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('timers.recent.day')}</th>
              <th scope="col">{t('timers.recent.workItem')}</th>
              <th scope="col">{t('timers.recent.activity')}</th>
              <th scope="col">{t('timers.recent.time')}</th>
              <th scope="col" className="num">
                {t('timers.duration')}
              </th>
              <th scope="col" className="num">
                {t('timers.recent.rounded')}
              </th>
              <th scope="col">{t('timers.billable')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('timers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => {
              const item = workItems.find((w) => w.id === entry.workItemId)
              const first = entry.ranges[0]
              const last = entry.ranges.at(-1)
              const day = formatDay(entry.day, locale)
              return (
                <tr key={entry.id} data-entry-id={entry.id}>
                  <td className="table__nowrap">{day}</td>
                  <td>{item ? workItemDisplayName(item) : <span className="muted">{t('timers.noWorkItem')}</span>}</td>
                  <td>{activityTypes.find((type) => type.id === entry.activityTypeId)?.name ?? '—'}</td>
                  <td>
                    {first && last ? `${formatTime(first.startedAt)}–${formatTime(last.endedAt)}` : '—'}
                    {overlaps.get(entry.id)?.map((text) => (
                      <span key={text} className="cell-entry__overlap">
                        {text}
                      </span>
                    ))}
                  </td>
                  <td className="num">{formatShownDuration(entry.rawSeconds)}</td>
                  <td className="num">{formatShownDuration(entry.roundedSeconds)}</td>
                  <td>{t(entry.billable ? 'timers.recent.yes' : 'timers.recent.no')}</td>
                  <td>
                    <button type="button" className="button button--secondary button--compact" aria-label={item ? t('timers.recent.continueLabel', { name: workItemDisplayName(item), day }) : t('timers.recent.continueEntryLabel', { day })} onClick={() => void continueEntry(entry.id)}>
                      {t('timers.recent.continue')}
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
