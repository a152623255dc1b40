// The body of a report table grouped by two or more fields: one <tbody> per value of the
// first field, headed by that value once with its subtotal, the rows of the next fields
// beneath it with the first column left empty (see report-groups.ts).
import type { ReactNode } from 'react'
import type { ReportKey, ReportRow } from '@shared/reports'
import { groupByFirstKey, type ReportGroup } from './report-groups'

interface NestedRowsProps {
  rows: readonly ReportRow[]
  label: (key: ReportKey) => string
  cells: (figures: ReportGroup['subtotal']) => ReactNode
}

export function NestedRows({ rows, label, cells }: NestedRowsProps) {
  return (
    <>
      {groupByFirstKey(rows).map((group) => (
        <tbody key={`${group.key.dimension}:${group.key.id ?? ''}`} className="rp-nest">
          <tr className="rp-nest__head">
            <th scope="rowgroup" colSpan={group.rows[0]?.keys.length ?? 1} className={group.key.id === null ? 'muted' : undefined}>
              {label(group.key)}
            </th>
            {cells(group.subtotal)}
          </tr>
          {group.rows.map((row) => (
            <tr key={row.keys.map((k) => `${k.dimension}:${k.id ?? ''}`).join('|')}>
              <td />
              {row.keys.slice(1).map((key, index) =>
                index === 0 ? (
                  <th key={key.dimension} scope="row" className={key.id === null ? 'muted' : undefined}>
                    {label(key)}
                  </th>
                ) : (
                  <td key={key.dimension} className={key.id === null ? 'muted' : undefined}>
                    {label(key)}
                  </td>
                ),
              )}
              {cells(row)}
            </tr>
          ))}
        </tbody>
      ))}
    </>
  )
}
