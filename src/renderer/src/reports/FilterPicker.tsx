// A multi-select filter as a disclosure: a button that says what is chosen ("Customers:
// all", "Customers: Acme +2") and opens a searchable list of labelled checkboxes. Plain
// form controls, so keyboards and screen readers need nothing special; Escape closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useT } from '../i18n/i18n-context'

export interface FilterChoice {
  /** null: time that has none of this (no customer…), the "(none)" row. */
  id: string | null
  label: string
}

export interface FilterPickerProps {
  /** Plural, capitalised: "Customers". */
  title: string
  /** Plural, as a sentence writes it: "customers" (German nouns keep their capital). */
  things: string
  choices: readonly FilterChoice[]
  /** The chosen ids; empty: no filter (everything). */
  selected: readonly (string | null)[]
  onChange: (selected: (string | null)[]) => void
}

const keyOf = (id: string | null) => id ?? '\u0000none'

export function FilterPicker({ title, things, choices, selected, onChange }: FilterPickerProps) {
  const { t } = useT()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [search, setSearch] = useState('')
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const chosen = new Set(selected.map(keyOf))

  useEffect(() => {
    if (!open) return
    // A press anywhere else closes the list, like any popover.
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const labelOf = (key: string | null) => choices.find((c) => c.id === key)?.label ?? t('reports.unknown')
  const first = selected[0]
  const summary = selected.length === 0 ? t('reports.filter.all') : `${labelOf(first ?? null)}${selected.length > 1 ? ` +${selected.length - 1}` : ''}`
  const needle = search.trim().toLowerCase()
  const shown = needle === '' ? choices : choices.filter((choice) => choice.label.toLowerCase().includes(needle))

  const toggle = (choice: FilterChoice) => {
    const key = keyOf(choice.id)
    // Kept in the order of the list, so the address does not change with the order of clicks.
    onChange(choices.filter((c) => (keyOf(c.id) === key ? !chosen.has(key) : chosen.has(keyOf(c.id)))).map((c) => c.id))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
  }

  return (
    <div className="filter" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={`button button--secondary button--compact filter__button${selected.length > 0 ? ' is-filtered' : ''}`}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen((on) => !on)}
      >
        {title}: <span className="filter__summary">{summary}</span>
        <span aria-hidden="true" className="filter__caret">
          ▾
        </span>
      </button>
      <div id={`${id}-list`} className="filter__popover" hidden={!open}>
        {choices.length > 8 && (
          <input
            type="search"
            className="filter__search"
            aria-label={t('reports.filter.search', { things })}
            placeholder={t('reports.filter.placeholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        )}
        <fieldset className="filter__choices">
          <legend className="visually-hidden">{t('reports.filter.legend', { title })}</legend>
          {shown.length === 0 && <p className="muted filter__none">{choices.length === 0 ? t('reports.filter.none', { things }) : t('reports.filter.noMatch', { things, text: search.trim() })}</p>}
          {shown.map((choice) => (
            <label key={keyOf(choice.id)} className="filter__choice">
              <input type="checkbox" checked={chosen.has(keyOf(choice.id))} onChange={() => toggle(choice)} />
              <span className={choice.id === null ? 'muted' : undefined}>{choice.label}</span>
            </label>
          ))}
        </fieldset>
        <div className="filter__foot">
          <button type="button" className="button button--ghost button--compact" onClick={() => onChange([])} aria-disabled={selected.length === 0 || undefined}>
            {t('reports.filter.allThings', { things })}
          </button>
          <button
            type="button"
            className="button button--secondary button--compact"
            onClick={() => {
              setOpen(false)
              button.current?.focus()
            }}
          >
            {t('reports.filter.done')}
          </button>
        </div>
      </div>
    </div>
  )
}
