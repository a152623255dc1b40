import { describe, expect, it } from 'vitest'
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import { cellId } from '../use-timesheet'
import { savedDayTotals, withTyped } from './day-totals'

const DAYS: Timesheet['days'] = [
  { day: '2026-11-16', weekday: 1, expectedSeconds: 28800 },
  { day: '2026-11-17', weekday: 2, expectedSeconds: 28800 },
]

function row(key: string, seconds: [number, number]): TimesheetRow {
  return {
    key,
    workItemId: key,
    activityTypeId: null,
    billable: true,
    added: true,
    totalSeconds: seconds[0] + seconds[1],
    cells: DAYS.map((d, i) => ({ day: d.day, totalSeconds: seconds[i] ?? 0, fixedSeconds: 0, gridSeconds: seconds[i] ?? 0, entryCount: 1, note: null })),
  }
}

describe('the day totals under the grid', () => {
  const rows = [row('a|-|1', [3600, 0]), row('b@odd|-|1', [1800, 900])]

  it('add up the saved cells of every row per day', () => {
    expect(savedDayTotals(DAYS, rows)).toEqual([5400, 900])
  })

  it('count a typed value still on its way instead of the saved one, also in a row whose key holds an @', () => {
    const saved = savedDayTotals(DAYS, rows)
    const typed = new Map([
      [cellId('a|-|1', '2026-11-16'), 7200],
      [cellId('b@odd|-|1', '2026-11-17'), 0],
    ])
    expect(withTyped(saved, rows, typed)).toEqual([9000, 0])
    expect(withTyped(saved, rows, new Map())).toBe(saved)
  })
})
