// "Add time" in a cell's details: a manual entry with a start and an end (times of day
// on the cell's day in this machine's zone) or with a duration. The host splits, checks
// and stores it (entries.create); its refusal is shown as it is said.
import { useId, useState } from 'react'
import { parseDuration } from '@shared/duration'
import { instantAt } from '@shared/run-times'
import type { RowKey } from '@shared/timesheet'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import '../timers/times.css'

interface AddTimeFormProps {
  day: string
  row: RowKey
  /** After the entry is stored: show the cell again. */
  onAdded: () => void
  onProblem: (message: string) => void
}

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function AddTimeForm({ day, row, onAdded, onProblem }: AddTimeFormProps) {
  const client = useClient()
  const translator = useT()
  const { t } = translator
  const id = useId()
  const [mode, setMode] = useState<'times' | 'duration'>('times')
  const [start, setStart] = useState('')
  const [end, setEnd] = useState('')
  const [duration, setDuration] = useState('')
  const [description, setDescription] = useState('')

  const add = async () => {
    let time: { startedAt: number; endedAt: number } | { day: string; seconds: number }
    if (mode === 'times') {
      const startedAt = instantAt(day, start, zone())
      const endedAt = instantAt(day, end, zone())
      if (startedAt === null || endedAt === null) return onProblem(t('addTime.badTimes'))
      time = { startedAt, endedAt }
    } else {
      const parsed = parseDuration(duration, translator)
      if (!parsed.ok) return onProblem(t('addTime.badDuration', { problem: parsed.error }))
      time = { day, seconds: parsed.seconds }
    }
    try {
      await client.entries.create({ row, description, ...time })
      setStart('')
      setEnd('')
      setDuration('')
      setDescription('')
      onAdded()
    } catch (error) {
      onProblem((error as Error).message)
    }
  }

  return (
    <fieldset className="field add-time">
      <legend>{t('addTime.legend')}</legend>
      <div className="add-time__row" role="radiogroup" aria-label={t('addTime.as')}>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'times'} onChange={() => setMode('times')} />
          <span>{t('addTime.times')}</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'duration'} onChange={() => setMode('duration')} />
          <span>{t('addTime.duration')}</span>
        </label>
      </div>
      <div className="add-time__row">
        {mode === 'times' ? (
          <>
            <input className="input cell-entry__time" aria-label={t('addTime.start')} placeholder="09:05" inputMode="numeric" value={start} onChange={(e) => setStart(e.target.value)} />
            <span aria-hidden="true">–</span>
            <input className="input cell-entry__time" aria-label={t('addTime.end')} placeholder="10:20" inputMode="numeric" value={end} onChange={(e) => setEnd(e.target.value)} />
          </>
        ) : (
          <input className="input cell-entry__duration" aria-label={t('addTime.durationLabel')} placeholder="1:15" value={duration} onChange={(e) => setDuration(e.target.value)} />
        )}
        <input className="input cell-entry__description" aria-label={t('addTime.description')} placeholder={t('addTime.whatWasDone')} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        <button type="button" className="button button--secondary button--compact" onClick={() => void add()}>
          {t('addTime.add')}
        </button>
      </div>
    </fieldset>
  )
}
