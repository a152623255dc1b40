// The combobox's state and keys (WAI-ARIA combobox with a listbox popup, list autocomplete
// with automatic selection): typing filters and highlights the first match; arrows, Home
// and End move the highlight; Enter, Tab or leaving the field takes it; Escape closes and
// puts the current value's text back. Focus stays in the input; the highlight is aria-activedescendant.
import { useMemo, useState, type KeyboardEvent } from 'react'
import type { Translator } from '@shared/i18n/translator'
import { workItemDisplayName, type WorkItem } from '@shared/work'
import { noneMatches, pickerGroups, type PickerGroup, type PickerRequest } from './picker-options'

/** One line of the list: a work item, or "No work item" (item null). */
export interface PickerChoice {
  item: WorkItem | null
  index: number
}

export interface PickerSection {
  group: PickerGroup | null
  choices: PickerChoice[]
}

interface UsePickerOptions {
  items: readonly WorkItem[]
  value: string | null
  onChange: (id: string | null) => void
  noneLabel: string | null
  recentIds: readonly string[]
  pinned?: PickerRequest['pinned']
  /** The window's words for the groups and an unknown value. */
  t: Translator['t']
}

/** More lines than anyone scrolls through: the rest are a "type to narrow" note. */
export const SHOWN_AT_MOST = 100

export function usePicker({ items, value, onChange, noneLabel, recentIds, pinned, t }: UsePickerOptions) {
  // null while the user is not typing: the input then shows the current value.
  const [query, setQuery] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const sections = useMemo(() => {
    const text = query ?? ''
    const groups = pickerGroups(items, { query: text, recentIds, currentId: value, pinned }, t)
    let index = 0
    let hidden = 0
    const result: PickerSection[] = []
    for (const group of groups) {
      const shown = group.items.slice(0, Math.max(0, SHOWN_AT_MOST - index))
      hidden += group.items.length - shown.length
      if (shown.length > 0) result.push({ group, choices: shown.map((item) => ({ item, index: index++ })) })
    }
    if (noneLabel !== null && noneMatches(noneLabel, text)) result.push({ group: null, choices: [{ item: null, index: index++ }] })
    return { sections: result, hidden }
  }, [items, query, recentIds, value, pinned, noneLabel, t])
  const choices = useMemo(() => sections.sections.flatMap((section) => section.choices), [sections])

  const current = items.find((item) => item.id === value)
  // No work item is an empty input: its placeholder says what that means here.
  const valueText = current ? workItemDisplayName(current) : value === null ? '' : t('work.picker.unknown')
  const valueIndex = choices.findIndex((choice) => (choice.item?.id ?? null) === value)

  const show = (at: number) => {
    setOpen(true)
    setActive(at)
  }
  const close = () => {
    setOpen(false)
    setQuery(null)
    setActive(-1)
  }
  const choose = (choice: PickerChoice | undefined) => {
    if (choice) onChange(choice.item?.id ?? null)
    close()
  }
  const move = (to: number) => setActive(choices.length === 0 ? -1 : (to + choices.length) % choices.length)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const key = event.key
    if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault()
      // Opens on the current work item; with none chosen yet, at the top (or the bottom for Up).
      if (!open) return show(value !== null && valueIndex >= 0 ? valueIndex : key === 'ArrowDown' ? 0 : choices.length - 1)
      if (event.altKey) return
      return move(active + (key === 'ArrowDown' ? 1 : -1))
    }
    if ((key === 'Home' || key === 'End') && open) {
      event.preventDefault()
      return move(key === 'Home' ? 0 : choices.length - 1)
    }
    if (key === 'Enter' && open) {
      // Takes the highlighted line; the form is submitted by the next Enter, not this one.
      event.preventDefault()
      return choose(choices[active])
    }
    if (key === 'Tab' && open) return leave()
    if (key === 'Escape' && (open || query !== null)) {
      // Only the list closes; the dialog around it stays open.
      event.preventDefault()
      event.stopPropagation()
      close()
    }
  }

  const onType = (text: string) => {
    setQuery(text)
    setOpen(true)
    // Automatic selection: the first match is highlighted, unless the input was cleared.
    setActive(text.trim() === '' ? -1 : 0)
  }

  /** Leaving with text typed takes the highlighted match (as Tab does); otherwise nothing changes. */
  const leave = () => (query !== null && query.trim() !== '' ? choose(choices[active]) : close())

  return { query, open, active, sections: sections.sections, hidden: sections.hidden, choices, valueText, valueIndex, show, close, choose, leave, onKeyDown, onType }
}
