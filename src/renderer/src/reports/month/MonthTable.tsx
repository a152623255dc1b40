// One month view as a table that stays smooth at 5,000 rows: a real <table> (so screen
// readers and axe see rows, headers and the totals row), with only the rows in sight
// rendered between two spacer rows, a header and a totals row that stay in view, and
// fixed column widths so the columns do not shift as rows scroll past.
import { useCallback, useRef, type ReactNode } from 'react'
import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useT } from '../../i18n/i18n-context'

export interface MonthColumn<Row> {
  key: string
  header: string
  /** Width in pixels; the table is at least as wide as its columns together. */
  width: number
  numeric?: boolean
  /** The cell that names the row (a ticket, a customer): a row header for screen readers. */
  rowHeader?: boolean
  cell: (row: Row) => ReactNode
  /** What the totals row shows under this column; nothing when the column has no total. */
  total?: ReactNode
}

interface MonthTableProps<Row> {
  caption: string
  columns: readonly MonthColumn<Row>[]
  rows: readonly Row[]
  rowKey: (row: Row) => string
  /** The label of the totals row, in its first cells. */
  totalLabel: string
  rowClass?: (row: Row) => string | undefined
}

/** Every row is one line (long text is cut with an ellipsis), so each is this tall. */
export const MONTH_ROW_HEIGHT = 36
const HEAD_HEIGHT = 38

// Without layout (tests, a hidden tab) the scroller measures 0 high: draw a screenful anyway.
function observeWithFallback(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: 640 }))
}

export function MonthTable<Row>({ caption, columns, rows, rowKey, totalLabel, rowClass }: MonthTableProps<Row>) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const getScrollElement = useCallback(() => scrollRef.current, [])
  // eslint-disable-next-line react-hooks/incompatible-library -- read afresh on every render; nothing here memoizes its functions
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement,
    estimateSize: () => MONTH_ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEAD_HEIGHT,
    observeElementRect: observeWithFallback,
    initialRect: { width: 1000, height: 640 },
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]
  const last = items[items.length - 1]
  const before = first ? first.start - HEAD_HEIGHT : 0
  const after = last ? virtualizer.getTotalSize() - (last.end - HEAD_HEIGHT) : 0
  const width = columns.reduce((sum, column) => sum + column.width, 0)

  // The totals row: a label across the leading columns that have no total, then each total.
  const leading = Math.max(1, columns.findIndex((column) => column.total !== undefined))
  const trailing = columns.slice(leading)

  return (
    <div ref={scrollRef} className="mv-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table mv-table" aria-rowcount={rows.length + 2} style={{ minWidth: width }}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr className="mv-spacer" aria-hidden="true" style={{ height: before }}>
              <td colSpan={columns.length} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index]
            if (row === undefined) return null
            return (
              <tr key={rowKey(row)} aria-rowindex={item.index + 2} className={rowClass?.(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            )
          })}
          {after > 0 && (
            <tr className="mv-spacer" aria-hidden="true" style={{ height: after }}>
              <td colSpan={columns.length} />
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr aria-rowindex={rows.length + 2} className="mv-total">
            <th scope="row" colSpan={leading}>
              {totalLabel}
            </th>
            {trailing.map((column) => (
              <td key={column.key} className={column.numeric ? 'num' : undefined}>
                {column.total}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  )
}

/** A cell's text cut to one line, the whole of it on hover. */
export function Clipped({ text }: { text: string }) {
  return (
    <span className="mv-clip" title={text}>
      {text}
    </span>
  )
}

/** An empty cell that says so to screen readers, and shows a dash. */
export function NoValue() {
  const { t } = useT()
  return (
    <>
      <span className="muted" aria-hidden="true">
        —
      </span>
      <span className="visually-hidden">{t('reports.month.noValue')}</span>
    </>
  )
}
