// A new entry from the calendar, for the span dragged over (or the slot chosen from the
// keyboard): work item, activity type, billable and a note, saved with
// `entries.create` as a start and an end. A refusal (a locked period, a day past 24 h)
// is shown with the host's sentence and the dialog stays open.
import { useId, useState } from 'react'
import type { RowKey } from '@shared/timesheet'
import type { ActivityType, WorkItem } from '@shared/work'
import { FormDialog } from '../ui/FormDialog'
import { formatDay, spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import { clockText } from './blocks'

export interface NewEntry {
  day: string
  top: number
  bottom: number
}

interface CreateEntryDialogProps {
  draft: NewEntry
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
  onCreate: (row: RowKey, description: string) => Promise<string | null>
  onClose: () => void
}

export function CreateEntryDialog({ draft, workItems, activityTypes, onCreate, onClose }: CreateEntryDialogProps) {
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
  const activeTypes = activityTypes.filter((t) => t.active)
  const [itemId, setItemId] = useState<string | null>(null)
  const [typeId, setTypeId] = useState(activeTypes.find((t) => t.isDefault)?.id ?? activeTypes[0]?.id ?? '')
  const [billable, setBillable] = useState<boolean | null>(null)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const item = workItems.find((w) => w.id === itemId)
  // Billable follows the work item until it is changed here.
  const isBillable = billable ?? item?.billable ?? true

  const save = async () => {
    if (saving) return
    setSaving(true)
    setProblem(null)
    const refused = await onCreate({ workItemId: itemId, activityTypeId: typeId || null, billable: isBillable }, note)
    if (refused) {
      setProblem(refused)
      setSaving(false)
    }
  }

  return (
    <FormDialog
      title={t('calendar.newEntry')}
      description={t('calendar.newEntrySpan', { day: formatDay(draft.day, locale), from: clockText(draft.top), to: clockText(draft.bottom), duration: spokenDurationIn(translator, (draft.bottom - draft.top) * 60) })}
      submitLabel={t('calendar.addEntry')}
      saving={saving}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <WorkItemPicker label={t('calendar.workItem')} value={itemId} onChange={setItemId} items={workItems} allowNone />
      <label className="field" htmlFor={`${id}-type`}>
        <span>{t('calendar.activityType')}</span>
        <select id={`${id}-type`} className="input" value={typeId} onChange={(e) => setTypeId(e.target.value)}>
          <option value="">{t('calendar.noActivityType')}</option>
          {activeTypes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check" htmlFor={`${id}-billable`}>
        <input id={`${id}-billable`} type="checkbox" checked={isBillable} onChange={(e) => setBillable(e.target.checked)} />
        <span>{t('calendar.billable')}</span>
      </label>
      <label className="field" htmlFor={`${id}-note`}>
        <span>{t('calendar.note')}</span>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {problem && (
        <div className="banner banner--error" role="alert">
          <span>{problem}</span>
        </div>
      )}
    </FormDialog>
  )
}
