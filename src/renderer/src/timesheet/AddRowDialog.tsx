// Adds a row to the period: a work item (the picker, with the items already in this period
// first, then favourites, then recently used ones, then every active item by name), an
// activity type (the default preselected) and billable (following the work item unless
// changed). From the keyboard: type, Enter takes the first match, Enter again adds the row.
import { useId, useMemo, useState } from 'react'
import type { RowKey, TimesheetRow } from '@shared/timesheet'
import type { ActivityType, WorkItem } from '@shared/work'
import { FormDialog } from '../ui/FormDialog'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import './timesheet.css'

interface AddRowDialogProps {
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
  rows: readonly TimesheetRow[]
  onAdd: (row: RowKey) => Promise<string | null>
  onClose: () => void
}

export function AddRowDialog({ workItems, activityTypes, rows, onAdd, onClose }: AddRowDialogProps) {
  const id = useId()
  const [workItemId, setWorkItemId] = useState<string | null>(null)
  const activeTypes = activityTypes.filter((t) => t.active)
  const [typeId, setTypeId] = useState<string>(activeTypes.find((t) => t.isDefault)?.id ?? activeTypes[0]?.id ?? '')
  const [billable, setBillable] = useState<boolean | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const pinned = useMemo(() => ({ label: 'In this period', ids: new Set(rows.flatMap((r) => (r.workItemId ? [r.workItemId] : []))) }), [rows])
  const item = workItems.find((w) => w.id === workItemId)
  const isBillable = billable ?? item?.billable ?? true

  const add = async () => {
    if (saving) return
    setSaving(true)
    setProblem(null)
    const refused = await onAdd({ workItemId, activityTypeId: typeId || null, billable: isBillable })
    if (refused) {
      setProblem(refused)
      setSaving(false)
    }
  }

  return (
    <FormDialog title="Add row" description="Book time on a work item and activity for this period." submitLabel="Add row" saving={saving} onSubmit={() => void add()} onClose={onClose}>
      <WorkItemPicker
        label="Work item"
        value={workItemId}
        onChange={(next) => {
          setWorkItemId(next)
          setBillable(null)
        }}
        items={workItems}
        allowNone
        noneLabel="No work item (general time)"
        pinned={pinned}
        autoFocus
        describedBy={`${id}-help`}
      />
      <p id={`${id}-help`} className="field__help">
        Type a reference, title or customer; Enter takes the first match, Enter again adds the row.
      </p>
      <div className="form__row">
        <label className="field" htmlFor={`${id}-type`}>
          <span>Activity type</span>
          <select id={`${id}-type`} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {activeTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
            <option value="">No activity type</option>
          </select>
        </label>
        <label className="check ts-add__billable" htmlFor={`${id}-billable`}>
          <input id={`${id}-billable`} type="checkbox" checked={isBillable} onChange={(e) => setBillable(e.target.checked)} />
          <span>Billable</span>
        </label>
      </div>
      {problem && (
        <div className="banner banner--error" role="alert">
          <span>{problem}</span>
        </div>
      )}
    </FormDialog>
  )
}
