// One entry in a cell's details, changed from the keyboard: its description, its
// duration (timer time is rounded again from it by the host), the start and end of a
// timer entry's runs or a manual entry's start and end (times of day in the zone it was
// booked in), continued on a timer, or deleted after a second press. What was typed stays in the fields when the host refuses it.
import { useState, type KeyboardEvent, type ReactNode } from 'react'
import { formatDuration, parseDuration } from '@shared/duration'
import type { MessageId } from '@shared/i18n/catalogue'
import { wallTimeOn, type RunInput } from '@shared/run-times'
import { formatClock } from '@shared/timers'
import type { Translator } from '@shared/i18n/translator'
import type { CellEntry } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'

const SOURCE_LABELS = { timer: 'entry.source.timer', grid: 'entry.source.grid', manual: 'entry.source.manual' } as const satisfies Record<CellEntry['source'], MessageId>

export interface EntryEdits {
  describe: (entry: CellEntry, description: string) => void
  setDuration: (entry: CellEntry, seconds: number) => void
  setRuns: (entry: CellEntry, runs: RunInput[]) => void
  remove: (entry: CellEntry) => void
  /** Starts a timer with this entry's work item, activity type, billable flag and note. */
  continue: (entry: CellEntry) => void
  /** A typed value that does not parse: said where the host's refusals are said. */
  refuse: (message: string) => void
}

interface CellEntryEditorProps {
  entry: CellEntry
  readOnly: boolean
  edits: EntryEdits
  /** "overlaps 10:05–10:20 with Timer 2": runs of other timers that share time with this one. */
  overlaps?: readonly string[] | undefined
  /** Where this entry's approved time stands on its ticket (a team server's write-back), if anywhere. */
  writeBack?: ReactNode
}

/** "timer entry from 09:00" (inside a sentence) and "Timer entry from 09:00" (on its own): how each control names the entry it belongs to. */
function entryNames(entry: CellEntry, { t }: Pick<Translator, 't'>): { name: string; label: string } {
  const first = entry.ranges[0]
  const source = entry.source
  if (!first) return { name: t('entry.name', { source }), label: t('entry.label', { source }) }
  const time = wallTimeOn(entry.day, first.startedAt, entry.timeZone)
  return { name: t('entry.nameFrom', { source, time }), label: t('entry.labelFrom', { source, time }) }
}

const onEnter = (act: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter') return
  event.preventDefault()
  act()
}

export function CellEntryEditor({ entry, readOnly, edits, overlaps = [], writeBack }: CellEntryEditorProps) {
  const translator = useT()
  const { t } = translator
  const { name, label } = entryNames(entry, translator)
  const shownDuration = formatClock(entry.rawSeconds)
  const [duration, setDuration] = useState(shownDuration)
  const [runs, setRuns] = useState<RunInput[]>(() => entry.ranges.map((r) => ({ start: wallTimeOn(entry.day, r.startedAt, entry.timeZone), end: wallTimeOn(entry.day, r.endedAt, entry.timeZone) })))
  const [confirming, setConfirming] = useState(false)
  // A timer's runs, or a manual entry's start and end; time typed as a duration has none.
  const editRuns = entry.ranges.length > 0

  const saveDuration = () => {
    if (duration.trim() === shownDuration) return
    const parsed = parseDuration(duration, translator)
    if (!parsed.ok) return edits.refuse(t('entry.durationProblem', { entry: name, problem: parsed.error }))
    edits.setDuration(entry, parsed.seconds)
  }
  const saveRuns = () => edits.setRuns(entry, runs)
  const setRun = (index: number, part: keyof RunInput, value: string) => setRuns(runs.map((run, i) => (i === index ? { ...run, [part]: value } : run)))

  return (
    <li className="cell-entry" aria-label={label}>
      <div className="cell-entry__head">
        <span className="cell-entry__source">
          {t(SOURCE_LABELS[entry.source])} · {entry.billable ? t('entry.billable') : t('entry.nonBillable')}
        </span>
        <span className="cell-entry__values">
          {t('entry.values', { raw: formatClock(entry.rawSeconds), rounded: formatClock(entry.roundedSeconds) })}
        </span>
      </div>
      {editRuns && (
        <div className="cell-entry__runs">
          <span className="cell-entry__label" aria-hidden="true">
            {t('entry.runs')}
          </span>
          {runs.map((run, i) => (
            <span key={i} className="cell-entry__run">
              <input className="input cell-entry__time" aria-label={t('entry.runStart', { number: i + 1, entry: name })} value={run.start} readOnly={readOnly} inputMode="numeric" onChange={(e) => setRun(i, 'start', e.target.value)} onKeyDown={onEnter(saveRuns)} />
              <span aria-hidden="true">–</span>
              <input className="input cell-entry__time" aria-label={t('entry.runEnd', { number: i + 1, entry: name })} value={run.end} readOnly={readOnly} inputMode="numeric" onChange={(e) => setRun(i, 'end', e.target.value)} onKeyDown={onEnter(saveRuns)} />
            </span>
          ))}
          {!readOnly && (
            <button type="button" className="button button--secondary button--compact" aria-label={t('entry.saveRunsOf', { entry: name })} onClick={saveRuns}>
              {t('entry.saveRuns')}
            </button>
          )}
        </div>
      )}
      {overlaps.map((text) => (
        <p key={text} className="cell-entry__overlap">
          {text}
        </p>
      ))}
      {writeBack}
      <div className="cell-entry__fields">
        <span className="cell-entry__label" aria-hidden="true">
          {t('entry.duration')}
        </span>
        <input className="input cell-entry__duration" aria-label={t('entry.durationOf', { entry: name })} value={duration} readOnly={readOnly} onChange={(e) => setDuration(e.target.value)} onBlur={saveDuration} onKeyDown={onEnter(saveDuration)} />
        <input
          className="input cell-entry__description"
          aria-label={t('entry.descriptionOf', { entry: name })}
          defaultValue={entry.description}
          placeholder={readOnly ? undefined : t('entry.whatWasDone')}
          maxLength={2000}
          readOnly={readOnly}
          onBlur={(e) => e.target.value.trim() !== entry.description && edits.describe(entry, e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            if (e.currentTarget.value.trim() !== entry.description) edits.describe(entry, e.currentTarget.value)
          }}
        />
        <button type="button" className="button button--secondary button--compact" aria-label={t('entry.continueOf', { entry: name })} onClick={() => edits.continue(entry)}>
          {t('entry.continue')}
        </button>
        {!readOnly && !confirming && (
          <button type="button" className="button button--ghost button--compact" aria-label={t('entry.deleteOf', { entry: name })} onClick={() => setConfirming(true)}>
            {t('entry.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="cell-entry__confirm" role="group" aria-label={t('entry.deleteAsk', { entry: name })}>
          <span>{t('entry.deleteQuestion', { duration: formatDuration(entry.roundedSeconds) })}</span>
          {/* The safe answer takes the focus. */}
          <button type="button" className="button button--secondary button--compact" autoFocus onClick={() => setConfirming(false)}>
            {t('entry.keep')}
          </button>
          <button type="button" className="button button--stop button--compact" onClick={() => edits.remove(entry)}>
            {t('entry.deleteIt')}
          </button>
        </div>
      )}
    </li>
  )
}
