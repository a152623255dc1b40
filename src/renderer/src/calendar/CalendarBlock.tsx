// One run on the calendar: a block in its timer's colour (time without a timer in a
// neutral one), with its work item, times and timer. A button: click or Enter opens it,
// its body drags to move and its bottom edge to resize (see use-calendar-drag.ts).
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react'
import type { Placed } from './layout'
import { spokenDurationIn } from '../format'
import { useT } from '../i18n/i18n-context'
import { blockLabel, clockText, spokenMinutes, type Block } from './blocks'

interface CalendarBlockProps {
  placed: Placed<Block>
  zone: string
  /** Where a drag in progress has it, in minutes; null when it sits where it is stored. */
  preview: { top: number; bottom: number } | null
  selected: boolean
  /** "overlaps 10:05–10:20 with Timer 2", when it shares time with another run. */
  overlaps: string | undefined
  onPointerDown: (event: ReactPointerEvent<HTMLElement>, placed: Placed<Block>, edge: 'move' | 'resize') => void
  onFocus: () => void
  /** A click on a block that cannot be dragged (a movable one opens from its drag's end). */
  onOpen: () => void
}

export function CalendarBlock({ placed, zone, preview, selected, overlaps, onPointerDown, onFocus, onOpen }: CalendarBlockProps) {
  const translator = useT()
  const { item: block, lane, lanes } = placed
  const top = preview?.top ?? placed.top
  const bottom = preview?.bottom ?? placed.bottom
  const movable = block.entry !== null && !block.readOnly && !placed.fromBefore && !placed.intoAfter
  const style = {
    top: `${top}px`,
    height: `${Math.max(bottom - top, 20)}px`,
    left: `calc(${(lane / lanes) * 100}% + 2px)`,
    width: `calc(${100 / lanes}% - 4px)`,
    '--block': block.color ?? 'var(--cal-neutral)',
  } as CSSProperties
  // Billable time that ran beside another billable timer: hatched, and said in its name.
  const overlapped = block.entry?.overlappedSeconds ?? 0
  const classes = [
    'cal-block',
    block.running && 'cal-block--running',
    block.kind === 'timer' && 'cal-block--unbooked',
    block.readOnly && 'cal-block--readonly',
    preview && 'cal-block--dragging',
    overlaps !== undefined && 'cal-block--overlap',
    overlapped > 0 && 'cal-block--overlapped',
  ]
  const label = [blockLabel(block, zone, translator), overlaps, overlapped > 0 ? translator.t('calendar.overlappedBillable', { duration: spokenMinutes(overlapped / 60, translator) }) : undefined]
  const short = bottom - top < 40
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      style={style}
      data-key={block.key}
      aria-label={label.filter(Boolean).join(', ')}
      aria-current={selected || undefined}
      tabIndex={selected ? 0 : -1}
      onFocus={onFocus}
      onPointerDown={(event) => movable && onPointerDown(event, placed, 'move')}
      onClick={(event) => {
        // Enter is the board's (see CalendarBoard); a pointer's click opens what cannot be dragged.
        if (!movable && event.detail > 0) onOpen()
      }}
    >
      <span className="cal-block__name">{block.name}</span>
      {!short && (
        <span className="cal-block__meta">
          {clockText(top)}–{block.running ? translator.t('calendar.now') : clockText(bottom)} · {spokenDurationIn(translator, Math.round(bottom - top) * 60)}
          {block.timerLabel && ` · ${block.timerLabel}`}
        </span>
      )}
      {movable && (
        <span
          className="cal-block__resize"
          aria-hidden="true"
          onPointerDown={(event) => {
            event.stopPropagation()
            onPointerDown(event, placed, 'resize')
          }}
        />
      )}
    </button>
  )
}
