// An ARIA tablist: the chosen tab is the one Tab stop; arrows (wrapping), Home and End
// move between tabs and open them, as the WAI-ARIA tabs pattern with automatic
// activation has it. Each tab controls the panel `${id}-panel`.
import { useRef, type KeyboardEvent } from 'react'

export interface TabsProps<T extends string> {
  /** The prefix of the tabs' ids (`${id}-tab-${option}`) and of the panel's (`${id}-panel`). */
  id: string
  /** The tablist's accessible name. */
  label: string
  options: readonly T[]
  names: Readonly<Record<T, string>>
  value: T
  onChange: (value: T) => void
  className: string
  tabClassName: string
}

export function Tabs<T extends string>({ id, label, options, names, value, onChange, className, tabClassName }: TabsProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>())
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = options.indexOf(value)
    const last = options.length - 1
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index <= 0 ? last : index - 1, Home: 0, End: last }[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = options[target] ?? value
    onChange(next)
    refs.current.get(next)?.focus()
  }
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option) => (
        <button
          key={option}
          ref={(node) => {
            if (node) refs.current.set(option, node)
            else refs.current.delete(option)
          }}
          type="button"
          role="tab"
          id={`${id}-tab-${option}`}
          className={tabClassName}
          aria-selected={option === value}
          aria-controls={`${id}-panel`}
          tabIndex={option === value ? 0 : -1}
          onClick={() => onChange(option)}
        >
          {names[option]}
        </button>
      ))}
    </div>
  )
}
