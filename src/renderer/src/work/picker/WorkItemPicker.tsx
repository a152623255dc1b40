// The one way to choose a work item (timer editor, Add row, dialogs): a combobox that
// searches reference, title and customer, offers favourites and recently used items first,
// and works from the keyboard alone. Rules in picker-options.ts, keys in use-picker.ts.
import { useEffect, useId } from 'react'
import type { WorkItem } from '@shared/work'
import { useT } from '../../i18n/i18n-context'
import type { PickerRequest } from './picker-options'
import { PickerOption } from './PickerOption'
import { usePicker } from './use-picker'
import { useRecentWorkItems } from './use-recent-work-items'
import './picker.css'

export interface WorkItemPickerProps {
  label: string
  value: string | null
  onChange: (id: string | null) => void
  items: readonly WorkItem[]
  /** Offer "No work item" (value null). */
  allowNone?: boolean
  /** What "No work item" says here, e.g. "No work item (assign later)"; the window's "No work item" when not given. */
  noneLabel?: string
  /** A group shown first, e.g. Add row's items already in this period. */
  pinned?: PickerRequest['pinned']
  autoFocus?: boolean
  describedBy?: string
}

export function WorkItemPicker({ label, value, onChange, items, allowNone = false, noneLabel: givenNone, pinned, autoFocus, describedBy }: WorkItemPickerProps) {
  const id = useId()
  const { t } = useT()
  const noneLabel = givenNone ?? t('work.picker.none')
  const recentIds = useRecentWorkItems()
  const picker = usePicker({ items, value, onChange, noneLabel: allowNone ? noneLabel : null, recentIds, pinned, t })
  const listId = `${id}-list`
  const optionId = (index: number) => `${id}-option-${index}`
  const activeId = picker.open && picker.choices[picker.active] ? optionId(picker.active) : undefined

  // The highlight moves while the focus stays in the input, so the list scrolls to it here;
  // the first line of a group brings its group's name into view with it.
  useEffect(() => {
    const option = activeId ? document.getElementById(activeId) : null
    const groupName = option?.previousElementSibling
    if (groupName?.classList.contains('picker__group-name')) groupName.scrollIntoView?.({ block: 'nearest' })
    option?.scrollIntoView?.({ block: 'nearest' })
  }, [activeId])

  return (
    <div className="field picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="picker__box">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          className="picker__input"
          autoComplete="off"
          spellCheck={false}
          placeholder={allowNone ? t('work.picker.typeToSearch', { none: noneLabel }) : t('work.searchPlaceholder')}
          aria-autocomplete="list"
          aria-expanded={picker.open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={describedBy}
          data-autofocus={autoFocus || undefined}
          value={picker.query ?? picker.valueText}
          onChange={(event) => picker.onType(event.target.value)}
          onKeyDown={picker.onKeyDown}
          onFocus={(event) => event.target.select()}
          onClick={() => !picker.open && picker.show(value !== null ? picker.valueIndex : -1)}
          onBlur={() => picker.open && picker.leave()}
        />
        <span className="picker__chevron" aria-hidden="true" />
      </div>
      {/* A press on the list must not take the focus from the input: that would close it first. */}
      <div className="picker__popup" hidden={!picker.open} onMouseDown={(event) => event.preventDefault()}>
        <div id={listId} role="listbox" aria-label={label} className="picker__list">
          {picker.open &&
            picker.sections.map((section, s) => {
              const options = section.choices.map((choice) => (
                <PickerOption
                  key={choice.item?.id ?? 'none'}
                  id={optionId(choice.index)}
                  item={choice.item}
                  noneLabel={noneLabel}
                  active={choice.index === picker.active}
                  current={(choice.item?.id ?? null) === value}
                  onChoose={() => picker.choose(choice)}
                />
              ))
              if (!section.group) return options
              const headId = `${id}-group-${s}`
              return (
                <div key={section.group.key} role="group" aria-labelledby={headId} className="picker__group">
                  <div id={headId} className="picker__group-name" role="presentation">
                    {section.group.label}
                  </div>
                  {options}
                </div>
              )
            })}
        </div>
        {picker.open && picker.choices.length === 0 && <p className="picker__note">{t('work.picker.noMatch', { text: picker.query?.trim() ?? '' })}</p>}
        {picker.open && picker.hidden > 0 && <p className="picker__note">{t('work.picker.more', { count: picker.hidden })}</p>}
      </div>
    </div>
  )
}
