// Edit one timer slot: label, colour, what it books to, billable, note.
import { useState } from 'react'
import { DEFAULT_TIMER_COLORS, type Timer, type TimerUpdate } from '@shared/timers'
import type { ActivityType, WorkItem } from '@shared/work'
import { useT } from '../i18n/i18n-context'
import { FormDialog } from '../ui/FormDialog'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import { StartTimeField } from './StartTimeField'
import './timer-editor.css'

interface TimerEditorProps {
  timer: Timer
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
  onSave: (patch: TimerUpdate) => Promise<boolean>
  onClose: () => void
}

export function TimerEditor({ timer, workItems, activityTypes, onSave, onClose }: TimerEditorProps) {
  const { t } = useT()
  const [label, setLabel] = useState(timer.label)
  const [color, setColor] = useState(timer.color.toUpperCase())
  const [workItemId, setWorkItemId] = useState(timer.workItemId)
  const [activityTypeId, setActivityTypeId] = useState(timer.activityTypeId ?? '')
  const [billable, setBillable] = useState(timer.billable)
  const [note, setNote] = useState(timer.note)
  const [problem, setProblem] = useState<string | null>(null)
  const id = `timer-editor-${timer.slot}`

  const chooseWorkItem = (value: string | null) => {
    setWorkItemId(value)
    const item = workItems.find((w) => w.id === value)
    if (!item) return
    setBillable(item.billable) // billable follows the work item unless changed afterwards
    // A slot still called "Timer N" takes the ticket's name; a label the user chose stays.
    if (/^Timer \d$/.test(label.trim())) setLabel((item.reference ?? item.title).slice(0, 60))
  }

  const save = async () => {
    if (label.trim() === '') return setProblem(t('timers.editor.noLabel'))
    const patch: TimerUpdate = { slot: timer.slot, label: label.trim(), color, workItemId, activityTypeId: activityTypeId || null, billable, note }
    if (await onSave(patch)) onClose()
  }

  const activeTypes = activityTypes.filter((type) => type.active || type.id === timer.activityTypeId)

  return (
    <FormDialog
      title={t('timers.editor.title', { label: timer.label })}
      submitLabel={t('timers.editor.save')}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <label className="field" htmlFor={`${id}-label`}>
        <span>{t('timers.editor.label')}</span>
        <input id={`${id}-label`} value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-problem` : undefined} />
      </label>
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <StartTimeField timer={timer} />
      <fieldset className="field">
        <legend>{t('timers.editor.colour')}</legend>
        <div className="swatches">
          {DEFAULT_TIMER_COLORS.map((swatch, i) => (
            <label key={swatch} className="swatch" style={{ background: swatch }}>
              <input type="radio" name={`${id}-color`} value={swatch} checked={color === swatch} onChange={() => setColor(swatch)} aria-label={t('timers.editor.swatch', { number: i + 1, hex: swatch })} />
            </label>
          ))}
          <label className="swatch swatch--custom" htmlFor={`${id}-custom`}>
            <span className="visually-hidden">{t('timers.editor.customColour')}</span>
            <input id={`${id}-custom`} type="color" value={color.toLowerCase()} onChange={(e) => setColor(e.target.value.toUpperCase())} />
          </label>
        </div>
      </fieldset>
      <WorkItemPicker label={t('timers.editor.workItem')} value={workItemId} onChange={chooseWorkItem} items={workItems} allowNone noneLabel={t('timers.editor.noWorkItem')} />
      <label className="field" htmlFor={`${id}-activity`}>
        <span>{t('timers.editor.activity')}</span>
        <select id={`${id}-activity`} value={activityTypeId} onChange={(e) => setActivityTypeId(e.target.value)}>
          <option value="">{t('timers.editor.noActivity')}</option>
          {activeTypes.map((type) => (
            <option key={type.id} value={type.id}>
              {type.isDefault ? t('timers.defaultType', { name: type.name }) : type.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check" htmlFor={`${id}-billable`}>
        <input id={`${id}-billable`} type="checkbox" checked={billable} onChange={(e) => setBillable(e.target.checked)} />
        <span>{t('timers.billable')}</span>
      </label>
      <label className="field" htmlFor={`${id}-note`}>
        <span>{t('timers.editor.note')}</span>
        <textarea id={`${id}-note`} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
      </label>
    </FormDialog>
  )
}
