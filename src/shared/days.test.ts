import { TZDate } from '@date-fns/tz'
import { describe, expect, it } from 'vitest'
import { seededRandom } from './testing/seeded-random'
import { localDay, splitIntoLocalDayRanges, splitIntoLocalDays } from './days'

// Instants are written as UTC ISO strings; the comment beside each says what the
// wall clock showed in the zone of the case, so a reader can check the arithmetic.
const at = (isoUtc: string): number => Date.parse(isoUtc)
const HOUR = 3600
const DAY = 24 * HOUR

type Share = { day: string; seconds: number }

describe('a timer across midnight is booked on each local day it touched', () => {
  it.each<[string, string, number, number, Share[]]>([
    [
      'in UTC, 22:30 to 01:15 books two days',
      'UTC',
      at('2026-05-04T22:30:00Z'),
      at('2026-05-05T01:15:00Z'),
      [
        { day: '2026-05-04', seconds: 1.5 * HOUR },
        { day: '2026-05-05', seconds: 1.25 * HOUR },
      ],
    ],
    [
      'in Berlin, 23:00 to 01:30 is cut at Berlin midnight although UTC midnight is not crossed',
      'Europe/Berlin',
      at('2026-05-04T21:00:00Z'), // 23:00 CEST on the 4th
      at('2026-05-04T23:30:00Z'), // 01:30 CEST on the 5th
      [
        { day: '2026-05-04', seconds: HOUR },
        { day: '2026-05-05', seconds: 1.5 * HOUR },
      ],
    ],
    [
      'in New York, 22:00 to 02:00 is cut at New York midnight, four hours after UTC midnight',
      'America/New_York',
      at('2026-05-05T02:00:00Z'), // 22:00 EDT on the 4th
      at('2026-05-05T06:00:00Z'), // 02:00 EDT on the 5th
      [
        { day: '2026-05-04', seconds: 2 * HOUR },
        { day: '2026-05-05', seconds: 2 * HOUR },
      ],
    ],
    [
      'a timer left running from 20:00 to 04:00 two nights later spans three days',
      'Europe/Berlin',
      at('2026-06-01T18:00:00Z'), // 20:00 CEST on the 1st
      at('2026-06-03T02:00:00Z'), // 04:00 CEST on the 3rd
      [
        { day: '2026-06-01', seconds: 4 * HOUR },
        { day: '2026-06-02', seconds: DAY },
        { day: '2026-06-03', seconds: 4 * HOUR },
      ],
    ],
    [
      'a timer stopped exactly at midnight books nothing on the next day',
      'Europe/Berlin',
      at('2026-06-01T20:00:00Z'), // 22:00 CEST on the 1st
      at('2026-06-01T22:00:00Z'), // 00:00 CEST on the 2nd
      [{ day: '2026-06-01', seconds: 2 * HOUR }],
    ],
    [
      'a timer started exactly at midnight books nothing on the day before',
      'Europe/Berlin',
      at('2026-06-01T22:00:00Z'), // 00:00 CEST on the 2nd
      at('2026-06-01T23:00:00Z'), // 01:00 CEST on the 2nd
      [{ day: '2026-06-02', seconds: HOUR }],
    ],
    [
      'New Year in Berlin: 23:00 to 01:00 books an hour in each year',
      'Europe/Berlin',
      at('2026-12-31T22:00:00Z'), // 23:00 CET on 31 December
      at('2027-01-01T00:00:00Z'), // 01:00 CET on 1 January
      [
        { day: '2026-12-31', seconds: HOUR },
        { day: '2027-01-01', seconds: HOUR },
      ],
    ],
    [
      'New Year in UTC: 23:30 to 00:45',
      'UTC',
      at('2026-12-31T23:30:00Z'),
      at('2027-01-01T00:45:00Z'),
      [
        { day: '2026-12-31', seconds: 0.5 * HOUR },
        { day: '2027-01-01', seconds: 0.75 * HOUR },
      ],
    ],
    [
      'in Kolkata (+05:30) midnight is at 18:30 UTC',
      'Asia/Kolkata',
      at('2026-05-04T18:00:00Z'), // 23:30 IST on the 4th
      at('2026-05-04T19:15:00Z'), // 00:45 IST on the 5th
      [
        { day: '2026-05-04', seconds: 0.5 * HOUR },
        { day: '2026-05-05', seconds: 0.75 * HOUR },
      ],
    ],
    [
      'on the Chatham Islands in winter (+12:45) midnight is at 11:15 UTC',
      'Pacific/Chatham',
      at('2026-07-09T11:00:00Z'), // 23:45 on 9 July
      at('2026-07-09T11:30:00Z'), // 00:15 on 10 July
      [
        { day: '2026-07-09', seconds: 0.25 * HOUR },
        { day: '2026-07-10', seconds: 0.25 * HOUR },
      ],
    ],
    [
      'on the Chatham Islands in summer (+13:45) midnight is at 10:15 UTC',
      'Pacific/Chatham',
      at('2026-01-14T10:00:00Z'), // 23:45 on 14 January
      at('2026-01-14T10:30:00Z'), // 00:15 on 15 January
      [
        { day: '2026-01-14', seconds: 0.25 * HOUR },
        { day: '2026-01-15', seconds: 0.25 * HOUR },
      ],
    ],
  ])('%s', (_story, zone, startMs, endMs, expected) => {
    expect(splitIntoLocalDays(startMs, endMs, zone)).toEqual(expected)
  })
})

describe('a day with a daylight-saving change counts its real length', () => {
  it.each<[string, string, number, number, Share[]]>([
    [
      'Berlin springs forward on 29 March 2026: the whole day is 23 hours',
      'Europe/Berlin',
      at('2026-03-28T23:00:00Z'), // 00:00 CET on the 29th
      at('2026-03-29T22:00:00Z'), // 00:00 CEST on the 30th
      [{ day: '2026-03-29', seconds: 23 * HOUR }],
    ],
    [
      'New York springs forward on 8 March 2026: the whole day is 23 hours',
      'America/New_York',
      at('2026-03-08T05:00:00Z'), // 00:00 EST on the 8th
      at('2026-03-09T04:00:00Z'), // 00:00 EDT on the 9th
      [{ day: '2026-03-08', seconds: 23 * HOUR }],
    ],
    [
      'Berlin falls back on 25 October 2026: the whole day is 25 hours',
      'Europe/Berlin',
      at('2026-10-24T22:00:00Z'), // 00:00 CEST on the 25th
      at('2026-10-25T23:00:00Z'), // 00:00 CET on the 26th
      [{ day: '2026-10-25', seconds: 25 * HOUR }],
    ],
    [
      'New York falls back on 1 November 2026: the whole day is 25 hours',
      'America/New_York',
      at('2026-11-01T04:00:00Z'), // 00:00 EDT on the 1st
      at('2026-11-02T05:00:00Z'), // 00:00 EST on the 2nd
      [{ day: '2026-11-01', seconds: 25 * HOUR }],
    ],
    [
      'the Chatham Islands fall back on 5 April 2026: the whole day is 25 hours',
      'Pacific/Chatham',
      at('2026-04-04T10:15:00Z'), // 00:00 +13:45 on the 5th
      at('2026-04-05T11:15:00Z'), // 00:00 +12:45 on the 6th
      [{ day: '2026-04-05', seconds: 25 * HOUR }],
    ],
    [
      'noon to noon around the Berlin spring change: the short day sits between two halves',
      'Europe/Berlin',
      at('2026-03-28T11:00:00Z'), // 12:00 CET on the 28th
      at('2026-03-30T10:00:00Z'), // 12:00 CEST on the 30th
      [
        { day: '2026-03-28', seconds: 12 * HOUR },
        { day: '2026-03-29', seconds: 23 * HOUR },
        { day: '2026-03-30', seconds: 12 * HOUR },
      ],
    ],
    [
      'noon to noon around the New York fall change: the long day sits between two halves',
      'America/New_York',
      at('2026-10-31T16:00:00Z'), // 12:00 EDT on 31 October
      at('2026-11-02T17:00:00Z'), // 12:00 EST on 2 November
      [
        { day: '2026-10-31', seconds: 12 * HOUR },
        { day: '2026-11-01', seconds: 25 * HOUR },
        { day: '2026-11-02', seconds: 12 * HOUR },
      ],
    ],
    [
      'in Berlin 01:30 to 03:30 across the spring gap is one hour of work',
      'Europe/Berlin',
      at('2026-03-29T00:30:00Z'), // 01:30 CET
      at('2026-03-29T01:30:00Z'), // 03:30 CEST
      [{ day: '2026-03-29', seconds: HOUR }],
    ],
    [
      'in New York 01:30 to 03:30 across the spring gap is one hour of work',
      'America/New_York',
      at('2026-03-08T06:30:00Z'), // 01:30 EST
      at('2026-03-08T07:30:00Z'), // 03:30 EDT
      [{ day: '2026-03-08', seconds: HOUR }],
    ],
    [
      'in Berlin 00:30 to 03:30 across the autumn repeat is four hours of work',
      'Europe/Berlin',
      at('2026-10-24T22:30:00Z'), // 00:30 CEST
      at('2026-10-25T02:30:00Z'), // 03:30 CET
      [{ day: '2026-10-25', seconds: 4 * HOUR }],
    ],
  ])('%s', (_story, zone, startMs, endMs, expected) => {
    expect(splitIntoLocalDays(startMs, endMs, zone)).toEqual(expected)
  })

  it('agrees with wall-clock times built by TZDate across the spring gap', () => {
    const start = new TZDate(2026, 2, 29, 1, 30, 'Europe/Berlin').getTime() // 01:30 CET
    const end = new TZDate(2026, 2, 29, 3, 30, 'Europe/Berlin').getTime() // 03:30 CEST
    expect(splitIntoLocalDays(start, end, 'Europe/Berlin')).toEqual([{ day: '2026-03-29', seconds: HOUR }])
  })
})

describe('the same cuts in milliseconds, for keeping the exact pieces of a run', () => {
  it('cuts a Berlin night shift across the autumn change at its two local midnights', () => {
    expect(
      splitIntoLocalDayRanges(
        at('2026-10-24T20:00:00.250Z'), // 22:00:00.250 CEST on the 24th
        at('2026-10-26T00:30:00Z'), // 01:30 CET on the 26th
        'Europe/Berlin',
      ),
    ).toEqual([
      { day: '2026-10-24', startMs: at('2026-10-24T20:00:00.250Z'), endMs: at('2026-10-24T22:00:00Z') }, // to 00:00 CEST
      { day: '2026-10-25', startMs: at('2026-10-24T22:00:00Z'), endMs: at('2026-10-25T23:00:00Z') }, // the 25-hour day, to 00:00 CET
      { day: '2026-10-26', startMs: at('2026-10-25T23:00:00Z'), endMs: at('2026-10-26T00:30:00Z') },
    ])
  })

  it('keeps a piece shorter than a second, which whole seconds leave out', () => {
    expect(splitIntoLocalDayRanges(at('2026-05-04T23:59:59.600Z'), at('2026-05-05T00:00:00.500Z'), 'UTC')).toEqual([
      { day: '2026-05-04', startMs: at('2026-05-04T23:59:59.600Z'), endMs: at('2026-05-05T00:00:00Z') },
      { day: '2026-05-05', startMs: at('2026-05-05T00:00:00Z'), endMs: at('2026-05-05T00:00:00.500Z') },
    ])
  })

  it('has no pieces for a span of no time, and refuses one that runs backwards', () => {
    expect(splitIntoLocalDayRanges(1000, 1000, 'UTC')).toEqual([])
    expect(() => splitIntoLocalDayRanges(1000, 999, 'UTC')).toThrow(/end is before start/)
  })
})

describe('whole seconds', () => {
  it.each<[string, number, number, Share[]]>([
    [
      'a span under a second books nothing',
      at('2026-05-04T23:59:59.600Z'),
      at('2026-05-05T00:00:00.500Z'),
      [],
    ],
    [
      'the half second before midnight is not rounded into a second of its own',
      at('2026-05-04T23:59:59.500Z'),
      at('2026-05-05T00:00:01.200Z'), // 1.7 s in all: 1 whole second
      [{ day: '2026-05-05', seconds: 1 }],
    ],
    [
      'a fractional start still splits 2.5 s as one second on each side of midnight',
      at('2026-05-04T23:59:58.400Z'),
      at('2026-05-05T00:00:00.900Z'),
      [
        { day: '2026-05-04', seconds: 1 },
        { day: '2026-05-05', seconds: 1 },
      ],
    ],
    [
      'three fractional days lose no second to flooring each one',
      at('2026-05-04T12:00:00.700Z'),
      at('2026-05-06T12:00:00.300Z'), // 47:59:59.6 in all: 172799 whole seconds
      [
        { day: '2026-05-04', seconds: 12 * HOUR - 1 },
        { day: '2026-05-05', seconds: DAY },
        { day: '2026-05-06', seconds: 12 * HOUR },
      ],
    ],
  ])('%s', (_story, startMs, endMs, expected) => {
    expect(splitIntoLocalDays(startMs, endMs, 'UTC')).toEqual(expected)
  })

  it('books nothing for a span of no time', () => {
    expect(splitIntoLocalDays(at('2026-05-04T12:00:00Z'), at('2026-05-04T12:00:00Z'), 'Europe/Berlin')).toEqual([])
  })

  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']

  it.each(zones)('in %s the days of 300 random segments always add up to the whole seconds of the segment', (zone) => {
    const random = seededRandom(20_260_329)
    const yearStart = at('2026-01-01T00:00:00Z')
    const yearMs = 365 * DAY * 1000
    for (let i = 0; i < 300; i++) {
      // Millisecond starts anywhere in 2026 (so every DST change is hit some of the time),
      // lengths from nothing to four days, also in milliseconds.
      const startMs = yearStart + Math.floor(random() * yearMs)
      const endMs = startMs + Math.floor(random() ** 2 * 4 * DAY * 1000)
      const shares = splitIntoLocalDays(startMs, endMs, zone)
      const context = `${new Date(startMs).toISOString()} → ${new Date(endMs).toISOString()} in ${zone}`
      const total = Math.floor((endMs - startMs) / 1000)

      expect(shares.reduce((sum, share) => sum + share.seconds, 0), context).toBe(total)
      for (const share of shares) {
        expect(Number.isInteger(share.seconds) && share.seconds > 0 && share.seconds <= 25 * HOUR, context).toBe(true)
      }
      const ranges = splitIntoLocalDayRanges(startMs, endMs, zone)
      // The ms pieces cover the segment without gap or overlap, and each cut is a local midnight.
      expect(ranges.map((range) => [range.startMs, range.endMs]).flat(), context).toEqual([
        startMs,
        ...ranges.slice(1).flatMap((range) => [range.startMs, range.startMs]),
        ...(ranges.length > 0 ? [endMs] : []),
      ])
      for (const range of ranges) {
        expect(range.endMs > range.startMs && range.day === localDay(range.startMs, zone), context).toBe(true)
        expect(localDay(range.endMs - 1, zone), context).toBe(range.day)
      }
      const days = shares.map((share) => share.day)
      expect(days, context).toEqual([...new Set(days)].sort())
      if (shares.length > 0) {
        // Second k is booked on the day in which it completes (start + k·1000 ms), so the
        // first and last days are those of the first and last whole second.
        expect(shares[0]?.day, context).toBe(localDay(startMs + 1000 - 1, zone))
        expect(shares.at(-1)?.day, context).toBe(localDay(startMs + total * 1000 - 1, zone))
      }
    }
  })
})

describe('refusals', () => {
  it('refuses a segment that ends before it starts', () => {
    expect(() => splitIntoLocalDays(at('2026-05-04T12:00:00Z'), at('2026-05-04T11:59:59Z'), 'UTC')).toThrow(RangeError)
    expect(() => splitIntoLocalDays(at('2026-05-04T12:00:00Z'), at('2026-05-04T11:59:59Z'), 'UTC')).toThrow(/end is before start/)
  })

  it.each(['Mars/Olympus_Mons', '', 'Berlin'])('refuses the unknown time zone "%s" and names it', (zone) => {
    expect(() => splitIntoLocalDays(0, 1000, zone)).toThrow(new RangeError(`unknown time zone "${zone}": expected an IANA name such as "Europe/Berlin"`))
    expect(() => localDay(0, zone)).toThrow(RangeError)
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 9e15])('refuses the instant %s', (ms) => {
    expect(() => splitIntoLocalDays(0, ms, 'UTC')).toThrow(RangeError)
    expect(() => localDay(ms, 'UTC')).toThrow(RangeError)
  })
})

describe('the local day of an instant', () => {
  it.each([
    [at('2026-03-29T00:00:00Z'), 'UTC', '2026-03-29'],
    [at('2026-03-29T00:00:00Z'), 'Europe/Berlin', '2026-03-29'], // 01:00 CET
    [at('2026-03-29T00:00:00Z'), 'America/New_York', '2026-03-28'], // 20:00 EDT the day before
    [at('2026-03-28T22:59:59.999Z'), 'Europe/Berlin', '2026-03-28'], // 23:59:59.999 CET
    [at('2026-03-28T23:00:00Z'), 'Europe/Berlin', '2026-03-29'], // 00:00 CET
    [at('2026-05-04T18:29:59Z'), 'Asia/Kolkata', '2026-05-04'], // 23:59:59 IST
    [at('2026-05-04T18:30:00Z'), 'Asia/Kolkata', '2026-05-05'], // 00:00 IST
    [at('2026-07-09T11:14:59Z'), 'Pacific/Chatham', '2026-07-09'], // 23:59:59 +12:45
    [at('2026-07-09T11:15:00Z'), 'Pacific/Chatham', '2026-07-10'], // 00:00 +12:45
    [at('2026-12-31T23:30:00Z'), 'Europe/Berlin', '2027-01-01'], // 00:30 CET on New Year's Day
    [at('2027-01-01T03:00:00Z'), 'America/New_York', '2026-12-31'], // 22:00 EST on New Year's Eve
  ])('%i ms is on %s the day %s', (ms, zone, day) => {
    expect(localDay(ms, zone)).toBe(day)
  })
})
