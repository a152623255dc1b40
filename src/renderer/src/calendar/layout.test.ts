import { describe, expect, it } from 'vitest'
import { layoutDay } from './layout'

// A fixed zone whatever the machine's: Berlin goes back an hour on 25 October 2026 and forward on 29 March 2026.
const ZONE = 'Europe/Berlin'
const at = (iso: string) => Date.parse(iso)
const run = (name: string, from: string, to: string) => ({ name, startedAt: at(from), endedAt: at(to) })
const shape = (placed: ReturnType<typeof layoutDay<ReturnType<typeof run>>>) => placed.map((p) => [p.item.name, p.top, p.bottom, p.lane, p.lanes])

describe('laying out a day of runs', () => {
  it('places runs by wall-clock time, one lane when nothing shares time, gaps left empty', () => {
    const placed = layoutDay([run('a', '2026-11-16T09:00+01:00', '2026-11-16T09:45+01:00'), run('b', '2026-11-16T10:30+01:00', '2026-11-16T11:00+01:00')], '2026-11-16', ZONE)
    expect(shape(placed)).toEqual([
      ['a', 540, 585, 0, 1],
      ['b', 630, 660, 0, 1],
    ])
  })

  it('sets concurrent timers side by side, never merged, and a later lone run back to full width', () => {
    const placed = layoutDay(
      [
        run('one', '2026-11-16T09:00+01:00', '2026-11-16T11:00+01:00'),
        run('two', '2026-11-16T09:30+01:00', '2026-11-16T10:00+01:00'),
        run('three', '2026-11-16T09:45+01:00', '2026-11-16T10:30+01:00'),
        run('four', '2026-11-16T10:15+01:00', '2026-11-16T10:45+01:00'),
        run('later', '2026-11-16T13:00+01:00', '2026-11-16T14:00+01:00'),
      ],
      '2026-11-16',
      ZONE,
    )
    expect(shape(placed)).toEqual([
      ['one', 540, 660, 0, 3],
      ['two', 570, 600, 1, 3],
      ['three', 585, 630, 2, 3],
      ['four', 615, 645, 1, 3],
      ['later', 780, 840, 0, 1],
    ])
  })

  it('touching runs (one ends as the next starts) share a lane', () => {
    const placed = layoutDay([run('a', '2026-11-16T09:00+01:00', '2026-11-16T10:00+01:00'), run('b', '2026-11-16T10:00+01:00', '2026-11-16T10:30+01:00')], '2026-11-16', ZONE)
    expect(placed.map((p) => [p.lane, p.lanes])).toEqual([
      [0, 1],
      [0, 1],
    ])
  })

  it('gives a very short run room for its name when it is drawn, so the next run moves aside', () => {
    const placed = layoutDay([run('short', '2026-11-16T09:00+01:00', '2026-11-16T09:02+01:00'), run('next', '2026-11-16T09:05+01:00', '2026-11-16T09:30+01:00')], '2026-11-16', ZONE, 15)
    expect(placed.map((p) => [p.item.name, p.lane, p.lanes])).toEqual([
      ['short', 0, 2],
      ['next', 1, 2],
    ])
  })

  it('cuts a run across midnight into the part on each day, marked as going on', () => {
    const night = run('night', '2026-11-16T22:30+01:00', '2026-11-17T01:15+01:00')
    const [monday] = layoutDay([night], '2026-11-16', ZONE)
    const [tuesday] = layoutDay([night], '2026-11-17', ZONE)
    expect([monday?.top, monday?.bottom, monday?.fromBefore, monday?.intoAfter]).toEqual([1350, 1440, false, true])
    expect([tuesday?.top, tuesday?.bottom, tuesday?.fromBefore, tuesday?.intoAfter]).toEqual([0, 75, true, false])
    expect(layoutDay([night], '2026-11-18', ZONE)).toEqual([])
  })

  it('on the night the clocks go back, a run in the repeated hour keeps its length', () => {
    // 02:10 summer time to 02:20 winter time is 70 minutes, though the wall clock reads 02:10 → 02:20;
    // 02:40 summer time to 02:05 winter time ran inside it (25 minutes): the two really were concurrent.
    const placed = layoutDay([run('repeat', '2026-10-25T02:10+02:00', '2026-10-25T02:20+01:00'), run('back', '2026-10-25T02:40+02:00', '2026-10-25T02:05+01:00')], '2026-10-25', ZONE)
    expect(shape(placed)).toEqual([
      ['repeat', 130, 200, 0, 2],
      ['back', 160, 185, 1, 2],
    ])
  })

  it('on the night the clocks go forward, a run over the skipped hour ends at its wall-clock time', () => {
    const [placed] = layoutDay([run('jump', '2026-03-29T01:30+01:00', '2026-03-29T03:30+02:00')], '2026-03-29', ZONE)
    expect([placed?.top, placed?.bottom]).toEqual([90, 210])
  })
})
