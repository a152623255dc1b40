import { describe, expect, it } from 'vitest'
import { describeOverlap, findOverlaps, type TimedRun } from './overlaps'

const berlin = (at: string) => Date.parse(`${at}+01:00`)
const run = (id: string, group: string, from: string, to: string, label = group): TimedRun => ({ id, group, label, startedAt: berlin(from), endedAt: berlin(to) })

describe('overlapping runs of concurrent timers', () => {
  it('are each told what they share with the other, and neither is changed', () => {
    const printer = run('a', 'Timer 1', '2026-11-16T09:00', '2026-11-16T10:20')
    const phone = run('b', 'Timer 2', '2026-11-16T10:05', '2026-11-16T10:45')
    const found = findOverlaps([printer, phone])
    expect(found.get('a')?.map((o) => describeOverlap(o, 'Europe/Berlin'))).toEqual(['overlaps 10:05–10:20 with Timer 2'])
    expect(found.get('b')?.map((o) => describeOverlap(o, 'Europe/Berlin'))).toEqual(['overlaps 10:05–10:20 with Timer 1'])
    expect(printer.endedAt - printer.startedAt).toBe(80 * 60_000)
  })

  it('a run inside a longer one overlaps it for all of its own time; one run may overlap several', () => {
    const found = findOverlaps([
      run('long', 'Timer 1', '2026-11-16T08:00', '2026-11-16T12:00'),
      run('x', 'Timer 2', '2026-11-16T09:00', '2026-11-16T09:30'),
      run('y', 'Timer 3', '2026-11-16T11:00', '2026-11-16T13:00'),
    ])
    expect(found.get('long')?.map((o) => describeOverlap(o, 'Europe/Berlin'))).toEqual(['overlaps 09:00–09:30 with Timer 2', 'overlaps 11:00–12:00 with Timer 3'])
    expect(found.get('x')?.map((o) => o.withId)).toEqual(['long'])
  })

  it('runs that only touch, and runs of the same timer or entry, do not overlap', () => {
    expect(findOverlaps([run('a', 'Timer 1', '2026-11-16T09:00', '2026-11-16T10:00'), run('b', 'Timer 2', '2026-11-16T10:00', '2026-11-16T11:00')]).size).toBe(0)
    expect(findOverlaps([run('a', 'Timer 1', '2026-11-16T09:00', '2026-11-16T10:00'), run('b', 'Timer 1', '2026-11-16T09:30', '2026-11-16T11:00')]).size).toBe(0)
  })

  it('across midnight: the shared span keeps its real times on both days', () => {
    const found = findOverlaps([run('night', 'Timer 1', '2026-11-16T23:00', '2026-11-17T02:00'), run('late', 'Timer 4', '2026-11-16T23:50', '2026-11-17T00:10')])
    const [overlap] = found.get('night') ?? []
    expect(overlap && describeOverlap(overlap, 'Europe/Berlin')).toBe('overlaps 23:50–00:10 with Timer 4')
    expect(overlap && overlap.to - overlap.from).toBe(20 * 60_000)
  })

  it('across the end of summer time: the repeated hour counts once per real minute', () => {
    // 25 October 2026 in Berlin: 02:00–03:00 happens twice (CEST, then CET).
    const first = { id: 'a', group: 'Timer 1', label: 'Timer 1', startedAt: Date.parse('2026-10-25T02:30:00+02:00'), endedAt: Date.parse('2026-10-25T02:30:00+01:00') }
    const second = { id: 'b', group: 'Timer 2', label: 'Timer 2', startedAt: Date.parse('2026-10-25T02:15:00+01:00'), endedAt: Date.parse('2026-10-25T04:00:00+01:00') }
    const [overlap] = findOverlaps([first, second]).get('a') ?? []
    expect(overlap && (overlap.to - overlap.from) / 60_000).toBe(15)
    expect(overlap && describeOverlap(overlap, 'Europe/Berlin')).toBe('overlaps 02:15–02:30 with Timer 2')
  })

  it('an empty or backwards run overlaps nothing', () => {
    expect(findOverlaps([run('a', 'Timer 1', '2026-11-16T09:00', '2026-11-16T09:00'), run('b', 'Timer 2', '2026-11-16T08:00', '2026-11-16T10:00')]).size).toBe(0)
  })
})
