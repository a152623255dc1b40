import { describe, expect, it } from 'vitest'
import type { Timesheet, TimesheetRow } from '@shared/timesheet'
import { reuseUnchanged } from './reuse-unchanged'

const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18']

function row(id: string, seconds: number[] = [0, 0, 0]): TimesheetRow {
  return {
    key: `${id}|-|1`,
    workItemId: id,
    activityTypeId: null,
    billable: true,
    added: true,
    totalSeconds: seconds.reduce((a, b) => a + b, 0),
    cells: DAYS.map((day, i) => ({ day, totalSeconds: seconds[i] ?? 0, fixedSeconds: 0, gridSeconds: seconds[i] ?? 0, entryCount: seconds[i] ? 1 : 0, note: null })),
  }
}

function sheet(rows: TimesheetRow[], start = '2026-11-16'): Timesheet {
  return {
    start,
    end: '2026-11-22',
    label: '16–22 Nov 2026',
    status: 'open',
    level: null,
    reason: null,
    queued: false,
    history: [],
    lock: null,
    days: DAYS.map((day, i) => ({ day, weekday: i + 1, expectedSeconds: 8 * 3600 })),
    rows,
  }
}

describe('a saved answer keeps what did not change', () => {
  it('keeps the old objects of rows and days that came back the same, and takes the changed row', () => {
    const before = sheet([row('a'), row('b'), row('c')])
    const after = reuseUnchanged(before, sheet([row('a'), row('b', [3600, 0, 0]), row('c')]))
    expect(after.rows[0]).toBe(before.rows[0])
    expect(after.rows[1]).not.toBe(before.rows[1])
    expect(after.rows[1]?.cells[0]?.totalSeconds).toBe(3600)
    expect(after.rows[2]).toBe(before.rows[2])
    expect(after.days).toBe(before.days)
  })

  it('keeps the very row list when nothing in it changed, and takes the new status', () => {
    const before = sheet([row('a'), row('b')])
    const after = reuseUnchanged(before, { ...sheet([row('a'), row('b')]), status: 'submitted', lock: 'submitted' })
    expect(after.rows).toBe(before.rows)
    expect(after.status).toBe('submitted')
    expect(after.lock).toBe('submitted')
  })

  it('sees a note, timer time or an added and removed row as a change', () => {
    const before = sheet([row('a'), row('b')])
    const noted = sheet([row('a'), row('b')])
    const cell = noted.rows[0]?.cells[1]
    if (cell) cell.note = 'called back'
    expect(reuseUnchanged(before, noted).rows[0]).not.toBe(before.rows[0])
    const shorter = reuseUnchanged(before, sheet([row('b')]))
    expect(shorter.rows).toHaveLength(1)
    expect(shorter.rows[0]).toBe(before.rows[1])
    const longer = reuseUnchanged(before, sheet([row('a'), row('b'), row('c')]))
    expect(longer.rows).not.toBe(before.rows)
    expect(longer.rows).toHaveLength(3)
  })

  it('takes another period whole', () => {
    const before = sheet([row('a')])
    const next = sheet([row('a')], '2026-11-23')
    expect(reuseUnchanged(before, next)).toBe(next)
  })
})
