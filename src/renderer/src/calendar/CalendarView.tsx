// The Calendar: the day or the week as time columns, every entry's runs and every
// running timer as blocks in their timers' colours. Drag over free time to add an
// entry, drag a block to move or resize it, click it for its cell's details; the same
// from the keyboard. It reads what the grid reads and follows its changes at once.
import { useId, useMemo, useState } from 'react'
import type { CalendarEntry } from '@shared/calendar'
import { describeOverlap, findOverlaps } from '@shared/overlaps'
import type { RowKey } from '@shared/timesheet'
import { useStore } from 'zustand'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { lockSentence } from '../i18n/lock-sentence'
import { CellDetailsDialog } from '../timesheet/CellDetailsDialog'
import { sentenceWith } from '../i18n/sentence-with'
import type { WorkStore } from '../work/work-store'
import { rowOf, toBlocks, untimedByDay, workItemName, type Block } from './blocks'
import { CalendarBoard } from './CalendarBoard'
import { CalendarToolbar } from './CalendarToolbar'
import { CreateEntryDialog, type NewEntry } from './CreateEntryDialog'
import { clockText } from './blocks'
import { instantOfMinute, runsAfterRetime } from './retime'
import { useCalendar } from './use-calendar'
import './calendar.css'

const NOTHING_DROPPED: ReadonlyMap<string, { top: number; bottom: number }> = new Map()

interface CalendarViewProps {
  work: WorkStore
  day: string | null
}

export function CalendarView({ work, day }: CalendarViewProps) {
  const client = useClient()
  const translator = useT()
  const { t } = translator
  const id = useId()
  const cal = useCalendar(client, day)
  const { workItems, activityTypes } = useStore(work)
  const [creating, setCreating] = useState<NewEntry | null>(null)
  const [details, setDetails] = useState<CalendarEntry | null>(null)
  // Where blocks were dropped, until the host answers: kept with the answer they were dropped on, so a new one ends them.
  const [dropped, setDropped] = useState<{ on: unknown; at: ReadonlyMap<string, { top: number; bottom: number }> }>({ on: null, at: new Map() })
  const [message, setMessage] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const { range, zone, now } = cal

  const pending = dropped.on === range ? dropped.at : NOTHING_DROPPED
  const setPending = (change: (current: ReadonlyMap<string, { top: number; bottom: number }>) => ReadonlyMap<string, { top: number; bottom: number }>) =>
    setDropped((current) => ({ on: range, at: change(current.on === range ? current.at : NOTHING_DROPPED) }))

  const blocks = useMemo(() => (range ? toBlocks(range, now, translator) : []), [range, now, translator])
  const untimed = useMemo(() => (range ? untimedByDay(range) : new Map<string, CalendarEntry[]>()), [range])
  const overlapping = useMemo(() => {
    const found = findOverlaps(blocks.map((b) => ({ id: b.key, group: b.group, label: b.timerLabel ?? b.name, startedAt: b.startedAt, endedAt: b.endedAt })))
    return new Map([...found].map(([key, list]) => [key, list.map((o) => describeOverlap(o, zone)).join('; ')]))
  }, [blocks, zone])
  const lockedNote = lockSentence(range?.days.find((d) => d.lock !== null)?.lock ?? null, translator)
  const lockOf = (d: string) => lockSentence(range?.days.find((x) => x.day === d)?.lock ?? null, translator)

  const onCreate = (d: string, top: number, bottom: number) => {
    const locked = lockOf(d)
    if (locked) setMessage(t('calendar.lockedAdd', { reason: locked }))
    else {
      setMessage(null)
      setCreating({ day: d, top, bottom })
    }
  }

  const create = async (row: RowKey, description: string): Promise<string | null> => {
    if (!creating) return null
    try {
      await client.entries.create({ row, description, startedAt: instantOfMinute(creating.day, creating.top, zone), endedAt: instantOfMinute(creating.day, creating.bottom, zone) })
      setAnnouncement(t('calendar.added', { from: clockText(creating.top), to: clockText(creating.bottom) }))
      setCreating(null)
      cal.reload()
      return null
    } catch (error) {
      return (error as Error).message
    }
  }

  const onRetime = (block: Block, top: number, bottom: number) => {
    const entry = block.entry
    if (!entry || block.readOnly) {
      setMessage(block.entry ? t('calendar.cannotMove', { reason: lockOf(block.entry.day) ?? t('calendar.notDraft') }) : t('calendar.timerGoing'))
      return
    }
    setMessage(null)
    setPending((current) => new Map(current).set(block.key, { top, bottom }))
    client.timesheet.setEntryRuns({ id: entry.id, runs: runsAfterRetime(entry, block.run, entry.day, top, bottom, zone) }).then(
      () => {
        setAnnouncement(t('calendar.moved', { name: block.name, from: clockText(top), to: clockText(bottom) }))
        cal.reload()
      },
      (error: unknown) => {
        // Refused: the block goes back where it was, and the host says why.
        setPending((current) => {
          const next = new Map(current)
          next.delete(block.key)
          return next
        })
        setMessage((error as Error).message)
      },
    )
  }

  const onOpen = (block: Block) => {
    if (block.entry) setDetails(block.entry)
    else window.location.hash = '#timers'
  }

  return (
    <section className="view view--wide calendar" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('nav.calendar')}</h1>
          <p className="view__subtitle">
            {sentenceWith(t, 'calendar.subtitle', { key: <kbd>N</kbd> })}
          </p>
        </div>
        <div className="view__tools">
          <p className="visually-hidden" role="status" aria-live="polite">
            {announcement}
          </p>
        </div>
      </header>
      <CalendarToolbar cal={cal} />
      {message && (
        <div className="banner banner--error" role="alert">
          <span>{message}</span>
          <button type="button" className="button button--ghost button--compact" onClick={() => setMessage(null)}>
            {t('calendar.dismiss')}
          </button>
        </div>
      )}
      {lockedNote && (
        <p className="note" role="note" aria-label={t('calendar.readOnlyDays')}>
          {t('calendar.lockedNote', { reason: lockedNote })}
        </p>
      )}
      {cal.error && (
        <div className="banner banner--error" role="alert">
          <span>{cal.error}</span>
        </div>
      )}
      {range && (
        <CalendarBoard days={range.days} blocks={blocks} untimed={untimed} zone={zone} today={cal.today} now={now} pending={pending} overlapping={overlapping} onCreate={onCreate} onRetime={onRetime} onOpen={onOpen} onOpenEntry={setDetails} />
      )}
      {creating && <CreateEntryDialog draft={creating} workItems={workItems} activityTypes={activityTypes} onCreate={create} onClose={() => setCreating(null)} />}
      {details && (
        <CellDetailsDialog
          cell={{ day: details.day, row: rowOf(details) }}
          rowName={t(details.billable ? 'calendar.rowName' : 'calendar.rowNameNonBillable', { item: workItemName(details.workItem, translator), activity: details.activityName ?? t('calendar.noActivityType') })}
          locked={lockOf(details.day)}
          onChanged={cal.reload}
          onClose={() => setDetails(null)}
        />
      )}
    </section>
  )
}
