import { describe, expect, it } from 'vitest'
import type { CalendarEntry } from '@shared/calendar'
import { runsAfterRetime, wallText } from './retime'

const entry = (ranges: { startedAt: number; endedAt: number }[], timeZone = 'Europe/Berlin'): CalendarEntry => ({
  id: 'e1',
  day: '2026-11-16',
  workItemId: null,
  activityTypeId: null,
  billable: true,
  description: '',
  source: 'timer',
  rawSeconds: 0,
  roundedSeconds: 0,
  status: 'draft',
  timerId: 't1',
  ranges,
  timeZone,
  workItem: null,
  activityName: null,
  timer: null,
})
const berlin = (time: string) => Date.parse(`2026-11-16T${time}+01:00`)

describe('a block moved on the calendar, as the runs the host takes', () => {
  it('changes only the moved run; the others are written as they were', () => {
    const runs = runsAfterRetime(entry([{ startedAt: berlin('08:00:30'), endedAt: berlin('08:40:10') }, { startedAt: berlin('13:00'), endedAt: berlin('13:30') }]), 1, '2026-11-16', 14 * 60, 15 * 60 + 15, 'Europe/Berlin')
    expect(runs).toEqual([
      { start: '08:00', end: '08:40' },
      { start: '14:00', end: '15:15' },
    ])
  })

  it('writes the times in the zone the entry was booked in, whatever zone the calendar is laid out in', () => {
    // Booked in Berlin, shown in London an hour behind: 9:00 on the London calendar is 10:00 in Berlin.
    const runs = runsAfterRetime(entry([{ startedAt: berlin('09:00'), endedAt: berlin('09:30') }]), 0, '2026-11-16', 9 * 60, 9 * 60 + 45, 'Europe/London')
    expect(runs).toEqual([{ start: '10:00', end: '10:45' }])
  })

  it('the minute that ends the day is 24:00', () => {
    expect(wallText(24 * 60)).toBe('24:00')
    expect(wallText(9 * 60 + 5)).toBe('09:05')
  })
})
