// The Summary report's choices: the range (a preset or two days), up to three groupings,
// the list filters, billable and statuses; and the share chart's toggle.
import '../ui/segmented.css'
import { useId } from 'react'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import { dayRangeLabel, isValidDay } from '@shared/periods'
import { DIMENSION_NAMES, MAX_GROUP_DIMENSIONS, type ReportDimension } from '@shared/reports'
import { BUCKET_NAMES } from '../submissions/BucketBar'
import { FilterPicker } from './FilterPicker'
import { FILTER_KEYS, RANGE_PRESETS, RANGE_PRESET_NAMES, dimensionsOf, type BillableChoice, type IdFilterKey, type ReportState, type ShareDimension } from './report-state'
import type { FilterChoices } from './use-report-data'

const GROUPING_NAMES = ['First grouping', 'Second grouping', 'Third grouping']
const capitalised = (text: string) => (text[0]?.toUpperCase() ?? '') + text.slice(1)
const PLURALS: Partial<Record<ReportDimension, string>> = { activityType: 'activity types', workItem: 'work items', user: 'people', team: 'teams', customer: 'customers', contract: 'contracts' }
const pluralOf = (dimension: ReportDimension) => PLURALS[dimension] ?? `${DIMENSION_NAMES[dimension]}s`

export interface ControlsProps {
  state: ReportState
  onChange: (patch: Partial<ReportState>) => void
  range: { from: string; to: string }
  choices: FilterChoices
}

export function ReportControls({ state, onChange, range, choices }: ControlsProps) {
  const id = useId()
  const allowed = dimensionsOf(state.scope)
  const listFilters = allowed.filter((dimension) => FILTER_KEYS[dimension] !== undefined && choices[dimension] !== undefined)
  const toggleStatus = (status: EntryStatus) => {
    const statuses = state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : EntryStatusSchema.options.filter((s) => s === status || state.statuses.includes(s))
    onChange({ statuses })
  }
  const setGroup = (index: number, value: string) => {
    const next = [...state.groupBy]
    if (value === '') next.splice(index)
    else next[index] = value as ReportDimension
    // A dimension chosen here leaves the later selects; each is named once.
    onChange({ groupBy: next.filter((dimension, i) => next.indexOf(dimension) === i) })
  }
  // A preset switched to Custom starts from the days it showed, so a small change is easy.
  const choosePreset = (preset: ReportState['preset']) => (preset === 'custom' && state.preset !== 'custom' ? onChange({ preset, from: range.from, to: range.to }) : onChange({ preset }))
  const fromInvalid = state.preset === 'custom' && !isValidDay(state.from)
  const toInvalid = state.preset === 'custom' && (!isValidDay(state.to) || (isValidDay(state.from) && state.to < state.from))

  return (
    <div className="panel rp-controls">
      <div className="rp-row">
        <fieldset className="rp-presets">
          <legend className="rp-label">Range</legend>
          <div className="segmented">
            {RANGE_PRESETS.map((preset) => (
              <label key={preset} className="segmented__option">
                <input type="radio" name={`${id}-range`} value={preset} checked={state.preset === preset} onChange={() => choosePreset(preset)} />
                <span>{RANGE_PRESET_NAMES[preset]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {state.preset === 'custom' ? (
          <div className="rp-custom">
            <label className="field rp-date">
              <span className="rp-label">From</span>
              <input type="date" value={state.from} aria-invalid={fromInvalid || undefined} onChange={(event) => onChange({ from: event.target.value })} />
            </label>
            <label className="field rp-date">
              <span className="rp-label">To</span>
              <input type="date" value={state.to} aria-invalid={toInvalid || undefined} onChange={(event) => onChange({ to: event.target.value })} />
            </label>
          </div>
        ) : (
          isValidDay(range.from) && <p className="rp-range">{dayRangeLabel({ start: range.from, end: range.to })}</p>
        )}
        <div className="rp-group" role="group" aria-labelledby={`${id}-group`}>
          <span id={`${id}-group`} className="rp-label">
            Group by
          </span>
          {Array.from({ length: MAX_GROUP_DIMENSIONS }, (_, index) => {
            const value = state.groupBy[index] ?? ''
            if (index > state.groupBy.length) return null
            const taken = state.groupBy.slice(0, index)
            return (
              <div key={index} className="field rp-select">
                {/* Named by aria-label: a wrapping label would fold the chosen option into the name. */}
                <select aria-label={GROUPING_NAMES[index]} value={value} onChange={(event) => setGroup(index, event.target.value)}>
                  {index > 0 && <option value="">{index === state.groupBy.length ? 'then by…' : '(no more)'}</option>}
                  {allowed
                    .filter((dimension) => !taken.includes(dimension))
                    .map((dimension) => (
                      <option key={dimension} value={dimension}>
                        {capitalised(DIMENSION_NAMES[dimension])}
                      </option>
                    ))}
                </select>
              </div>
            )
          })}
        </div>
      </div>

      <div className="rp-row rp-filters">
        <span className="rp-label" aria-hidden="true">
          Filters
        </span>
        {listFilters.map((dimension) => {
          const key = FILTER_KEYS[dimension] as IdFilterKey
          return (
            <FilterPicker
              key={dimension}
              title={capitalised(pluralOf(dimension))}
              choices={choices[dimension] ?? []}
              selected={state.filters[key] ?? []}
              onChange={(ids) => onChange({ filters: { ...state.filters, [key]: ids } })}
            />
          )
        })}
        <div className="field rp-select rp-billable">
          <select aria-label="Billable" value={state.billable} onChange={(event) => onChange({ billable: event.target.value as BillableChoice })}>
            <option value="all">Billable and non-billable</option>
            <option value="billable">Billable only</option>
            <option value="nonBillable">Non-billable only</option>
          </select>
        </div>
        <fieldset className="rp-statuses">
          <legend className="visually-hidden">Statuses</legend>
          {EntryStatusSchema.options.map((status) => (
            <label key={status} className="rp-status">
              <input type="checkbox" checked={state.statuses.includes(status)} onChange={() => toggleStatus(status)} />
              {BUCKET_NAMES[status]}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  )
}

export function ShareToggle({ value, onChange }: { value: ShareDimension; onChange: (value: ShareDimension) => void }) {
  const options: ShareDimension[] = ['customer', 'activityType']
  return (
    <div className="segmented segmented--small" role="group" aria-label="Share by">
      {options.map((option) => (
        <button key={option} type="button" className="segmented__button" aria-pressed={value === option} onClick={() => onChange(option)}>
          {capitalised(DIMENSION_NAMES[option])}
        </button>
      ))}
    </div>
  )
}

