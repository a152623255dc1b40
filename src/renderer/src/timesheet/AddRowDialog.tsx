// Adds a row to the period: a work item (found by typing; items already in this period
// first, then favourites, then recently used ones, then every active item by name), an activity type (the
// default preselected) and billable (following the work item unless changed). Enter in the
// search adds the first match.
import { useEffect, useId, useMemo, useState } from 'react'
import type { RowKey, TimesheetRow } from '@shared/timesheet'
import { workItemDisplayName, type ActivityType, type WorkItem } from '@shared/work'
import { useClient } from '../client-context'
import { FormDialog } from '../ui/FormDialog'
import { filterWorkItems } from '../work/work-filter'

interface AddRowDialogProps {
  workItems: readonly WorkItem[]
  activityTypes: readonly ActivityType[]
  rows: readonly TimesheetRow[]
  onAdd: (row: RowKey) => Promise<string | null>
  onClose: () => void
}

const NO_ITEM = '__none__'

export function AddRowDialog({ workItems, activityTypes, rows, onAdd, onClose }: AddRowDialogProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [picked, setPicked] = useState<string | null>(null)
  const activeTypes = activityTypes.filter((t) => t.active)
  const [typeId, setTypeId] = useState<string>(activeTypes.find((t) => t.isDefault)?.id ?? activeTypes[0]?.id ?? '')
  const [billable, setBillable] = useState<boolean | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const client = useClient()
  const [recentIds, setRecentIds] = useState<readonly string[]>([])

  useEffect(() => {
    let current = true
    // Only an ordering hint: without it the list is simply by name.
    client.work.recentItems({}).then(
      (ids) => current && setRecentIds(ids),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [client])

  const { inThisPeriod, favourites, recent, others } = useMemo(() => {
    const byName = (a: WorkItem, b: WorkItem) => workItemDisplayName(a).localeCompare(workItemDisplayName(b))
    const matching = filterWorkItems([...workItems], { text, showInactive: false }).sort(byName)
    const inPeriod = new Set(rows.map((r) => r.workItemId))
    const rank = new Map(recentIds.map((itemId, i) => [itemId, i]))
    const rest = matching.filter((w) => !inPeriod.has(w.id))
    return {
      inThisPeriod: matching.filter((w) => inPeriod.has(w.id)),
      favourites: rest.filter((w) => w.favourite),
      recent: rest.filter((w) => !w.favourite && rank.has(w.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
      others: rest.filter((w) => !w.favourite && !rank.has(w.id)),
    }
  }, [workItems, rows, text, recentIds])

  const choices = [...inThisPeriod, ...favourites, ...recent, ...others]
  // The pick follows the search: the first match until something else is chosen.
  const selected = picked !== null && (picked === NO_ITEM || choices.some((w) => w.id === picked)) ? picked : (choices[0]?.id ?? (text.trim() === '' ? NO_ITEM : null))
  const item = workItems.find((w) => w.id === selected)
  const isBillable = billable ?? item?.billable ?? true

  const add = async () => {
    if (saving) return
    if (selected === null) {
      setProblem(`No active work item matches “${text.trim()}”. Change the search, or create the item under Work items first.`)
      return
    }
    setSaving(true)
    setProblem(null)
    const refused = await onAdd({ workItemId: selected === NO_ITEM ? null : selected, activityTypeId: typeId || null, billable: isBillable })
    if (refused) {
      setProblem(refused)
      setSaving(false)
    }
  }

  return (
    <FormDialog title="Add row" description="Book time on a work item and activity for this period." submitLabel="Add row" saving={saving} onSubmit={() => void add()} onClose={onClose}>
      <label className="field" htmlFor={`${id}-search`}>
        <span>Find work item</span>
        <input id={`${id}-search`} type="search" data-autofocus value={text} autoComplete="off" placeholder="Reference, title or customer" aria-describedby={`${id}-search-help`} onChange={(e) => setText(e.target.value)} />
      </label>
      <p id={`${id}-search-help`} className="field__help">
        Enter adds the first match.
      </p>
      <label className="field" htmlFor={`${id}-item`}>
        <span>Work item</span>
        <select
          id={`${id}-item`}
          size={Math.min(8, Math.max(3, choices.length + 1))}
          value={selected ?? ''}
          onChange={(e) => {
            setPicked(e.target.value)
            setBillable(null)
          }}
        >
          {inThisPeriod.length > 0 && (
            <optgroup label="In this period">
              {inThisPeriod.map((w) => (
                <option key={w.id} value={w.id}>
                  {workItemDisplayName(w)}
                </option>
              ))}
            </optgroup>
          )}
          {favourites.length > 0 && (
            <optgroup label="Favourites">
              {favourites.map((w) => (
                <option key={w.id} value={w.id}>
                  {workItemDisplayName(w)}
                  {w.customerName ? ` (${w.customerName})` : ''}
                </option>
              ))}
            </optgroup>
          )}
          {recent.length > 0 && (
            <optgroup label="Recently used">
              {recent.map((w) => (
                <option key={w.id} value={w.id}>
                  {workItemDisplayName(w)}
                  {w.customerName ? ` (${w.customerName})` : ''}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={inThisPeriod.length + favourites.length + recent.length > 0 ? 'Other active items' : 'Active items'}>
            {others.map((w) => (
              <option key={w.id} value={w.id}>
                {workItemDisplayName(w)}
                {w.customerName ? ` (${w.customerName})` : ''}
              </option>
            ))}
            <option value={NO_ITEM}>No work item (general time)</option>
          </optgroup>
        </select>
      </label>
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
