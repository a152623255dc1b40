// The Summary report's choices: the range (a preset or two days), up to three groupings,
// the list filters, billable and statuses; and the share chart's toggle.
import '../ui/segmented.css'
import { useId } from 'react'
import { EntryStatusSchema, type EntryStatus } from '@shared/entries'
import { isValidDay } from '@shared/periods'
import type { MessageId } from '@shared/i18n/catalogue'
import { MAX_GROUP_DIMENSIONS, type ReportDimension } from '@shared/reports'
import { useT } from '../i18n/i18n-context'
import { FilterPicker } from './FilterPicker'
import { FILTER_KEYS, RANGE_PRESETS, dimensionsOf, type BillableChoice, type IdFilterKey, type RangePreset, type ReportState, type ShareDimension } from './report-state'
import { capitalised, dimensionName, dimensionPlural, rangeText, STATUS_IDS } from './report-text'
import type { FilterChoices } from './use-report-data'

const GROUPING_IDS: readonly MessageId[] = ['reports.grouping.first', 'reports.grouping.second', 'reports.grouping.third']
const PRESET_IDS: Readonly<Record<RangePreset, MessageId>> = {
  thisPeriod: 'reports.preset.thisPeriod',
  lastPeriod: 'reports.preset.lastPeriod',
  thisMonth: 'reports.preset.thisMonth',
  lastMonth: 'reports.preset.lastMonth',
  custom: 'reports.preset.custom',
}

export interface ControlsProps {
  state: ReportState
  onChange: (patch: Partial<ReportState>) => void
  range: { from: string; to: string }
  choices: FilterChoices
}

export function ReportControls({ state, onChange, range, choices }: ControlsProps) {
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
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
          <legend className="rp-label">{t('reports.range')}</legend>
          <div className="segmented">
            {RANGE_PRESETS.map((preset) => (
              <label key={preset} className="segmented__option">
                <input type="radio" name={`${id}-range`} value={preset} checked={state.preset === preset} onChange={() => choosePreset(preset)} />
                <span>{t(PRESET_IDS[preset])}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {state.preset === 'custom' ? (
          <div className="rp-custom">
            <label className="field rp-date">
              <span className="rp-label">{t('reports.from')}</span>
              <input type="date" value={state.from} aria-invalid={fromInvalid || undefined} onChange={(event) => onChange({ from: event.target.value })} />
            </label>
            <label className="field rp-date">
              <span className="rp-label">{t('reports.to')}</span>
              <input type="date" value={state.to} aria-invalid={toInvalid || undefined} onChange={(event) => onChange({ to: event.target.value })} />
            </label>
          </div>
        ) : (
          isValidDay(range.from) && <p className="rp-range">{rangeText(range.from, range.to, locale)}</p>
        )}
        <div className="rp-group" role="group" aria-labelledby={`${id}-group`}>
          <span id={`${id}-group`} className="rp-label">
            {t('reports.groupBy')}
          </span>
          {Array.from({ length: MAX_GROUP_DIMENSIONS }, (_, index) => {
            const value = state.groupBy[index] ?? ''
            if (index > state.groupBy.length) return null
            const taken = state.groupBy.slice(0, index)
            return (
              <div key={index} className="field rp-select">
                {/* Named by aria-label: a wrapping label would fold the chosen option into the name. */}
                <select aria-label={t(GROUPING_IDS[index] ?? 'reports.grouping.third')} value={value} onChange={(event) => setGroup(index, event.target.value)}>
                  {index > 0 && <option value="">{index === state.groupBy.length ? t('reports.grouping.thenBy') : t('reports.grouping.noMore')}</option>}
                  {allowed
                    .filter((dimension) => !taken.includes(dimension))
                    .map((dimension) => (
                      <option key={dimension} value={dimension}>
                        {capitalised(dimensionName(translator, dimension))}
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
          {t('reports.filters')}
        </span>
        {listFilters.map((dimension) => {
          const key = FILTER_KEYS[dimension] as IdFilterKey
          return (
            <FilterPicker
              key={dimension}
              title={capitalised(dimensionPlural(translator, dimension))}
              things={dimensionPlural(translator, dimension)}
              choices={choices[dimension] ?? []}
              selected={state.filters[key] ?? []}
              onChange={(ids) => onChange({ filters: { ...state.filters, [key]: ids } })}
            />
          )
        })}
        <div className="field rp-select rp-billable">
          <select aria-label={t('reports.billable')} value={state.billable} onChange={(event) => onChange({ billable: event.target.value as BillableChoice })}>
            <option value="all">{t('reports.billableFilter.all')}</option>
            <option value="billable">{t('reports.billableFilter.billable')}</option>
            <option value="nonBillable">{t('reports.billableFilter.nonBillable')}</option>
          </select>
        </div>
        <fieldset className="rp-statuses">
          <legend className="visually-hidden">{t('reports.statuses')}</legend>
          {EntryStatusSchema.options.map((status) => (
            <label key={status} className="rp-status">
              <input type="checkbox" checked={state.statuses.includes(status)} onChange={() => toggleStatus(status)} />
              {t(STATUS_IDS[status])}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  )
}

export function ShareToggle({ value, onChange }: { value: ShareDimension; onChange: (value: ShareDimension) => void }) {
  const translator = useT()
  const options: ShareDimension[] = ['customer', 'activityType']
  return (
    <div className="segmented segmented--small" role="group" aria-label={translator.t('reports.shareBy')}>
      {options.map((option) => (
        <button key={option} type="button" className="segmented__button" aria-pressed={value === option} onClick={() => onChange(option)}>
          {capitalised(dimensionName(translator, option))}
        </button>
      ))}
    </div>
  )
}

