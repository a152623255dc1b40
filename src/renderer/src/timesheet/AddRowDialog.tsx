// Adds a row to the period: a work item (the picker, with the items already in this period
// first, then favourites, then recently used ones, then every active item by name), an
// activity type (the default preselected) and billable (following the work item unless
// changed). From the keyboard: type, Enter takes the first match, Enter again adds the row.
import { useId, useMemo, useState } from 'react'
import type { RowKey, TimesheetRow } from '@shared/timesheet'
import type { ActivityType, WorkItem } from '@shared/work'
import { useT } from '../i18n/i18n-context'
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
  const { t } = useT()
  const id = useId()
  const [workItemId, setWorkItemId] = useState<string | null>(null)
  const activeTypes = activityTypes.filter((t) => t.active)
  const [typeId, setTypeId] = useState<string>(activeTypes.find((type) => type.isDefault)?.id ?? activeTypes[0]?.id ?? '')
  const [billable, setBillable] = useState<boolean | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const pinned = useMemo(() => ({ label: t('addRow.inThisPeriod'), ids: new Set(rows.flatMap((r) => (r.workItemId ? [r.workItemId] : []))) }), [rows, t])
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
    <FormDialog title={t('addRow.title')} description={t('addRow.description')} submitLabel={t('addRow.title')} saving={saving} onSubmit={() => void add()} onClose={onClose}>
      <WorkItemPicker
        label={t('addRow.workItem')}
        value={workItemId}
        onChange={(next) => {
          setWorkItemId(next)
          setBillable(null)
        }}
        items={workItems}
        allowNone
        noneLabel={t('addRow.noWorkItem')}
        pinned={pinned}
        autoFocus
        describedBy={`${id}-help`}
      />
      <p id={`${id}-help`} className="field__help">
        {t('addRow.help')}
      </p>
      <div className="form__row">
        <label className="field" htmlFor={`${id}-type`}>
          <span>{t('addRow.activityType')}</span>
          <select id={`${id}-type`} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {activeTypes.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
            <option value="">{t('addRow.noActivityType')}</option>
          </select>
        </label>
        <label className="check ts-add__billable" htmlFor={`${id}-billable`}>
          <input id={`${id}-billable`} type="checkbox" checked={isBillable} onChange={(e) => setBillable(e.target.checked)} />
          <span>{t('addRow.billable')}</span>
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
