import { describe, expect, it } from 'vitest'
import { seededRandom } from './testing/seeded-random'
import { DEFAULT_DURATION_UNIT, formatDuration, parseDuration, parseDurationDelta, type DurationUnit } from './duration'

/** Seconds of `h` hours, `m` minutes and `s` seconds, so the tables read like a clock. */
const hms = (h: number, m = 0, s = 0): number => h * 3600 + m * 60 + s
const DAY = 24 * 3600

describe('a person types a duration the way they think of it', () => {
  it.each<[string, number]>([
    // clock style
    ['1:30', hms(1, 30)],
    ['0:05', hms(0, 5)],
    ['0:00', 0],
    [':45', hms(0, 45)],
    ['10:00', hms(10)],
    ['24:00', DAY],
    ['1:30:15', hms(1, 30, 15)],
    ['0:00:59', 59],
    ['1:30:00', hms(1, 30)],
    // a bare number is hours
    ['2', hms(2)],
    ['1.5', hms(1, 30)],
    ['1,5', hms(1, 30)],
    ['.25', hms(0, 15)],
    [',75', hms(0, 45)],
    ['2.', hms(2)],
    ['0', 0],
    ['24', DAY],
    ['.1', 360],
    ['0.01', 36],
    ['1.1', hms(1, 6)],
    ['007', hms(7)],
    // units
    ['1.5h', hms(1, 30)],
    ['1,5h', hms(1, 30)],
    ['2h', hms(2)],
    ['45m', hms(0, 45)],
    ['90m', hms(1, 30)],
    ['90 min', hms(1, 30)],
    ['90 mins', hms(1, 30)],
    ['90 minutes', hms(1, 30)],
    ['1 minute', hms(0, 1)],
    ['1440m', DAY],
    ['1 hr', hms(1)],
    ['2 hrs', hms(2)],
    ['1 hour', hms(1)],
    ['3 hours', hms(3)],
    ['0.5m', 30],
    ['45s', 45],
    ['90 sec', 90],
    ['2 seconds', 2],
    // hours and minutes together
    ['1h30m', hms(1, 30)],
    ['1h 30m', hms(1, 30)],
    ['1 h 30 min', hms(1, 30)],
    ['1 hour 30 minutes', hms(1, 30)],
    ['2 hrs 15 mins', hms(2, 15)],
    ['1h30', hms(1, 30)],
    ['1h 30', hms(1, 30)],
    ['1h5', hms(1, 5)],
    ['1h 0m', hms(1)],
    ['1.5h 15m', hms(1, 45)],
    ['2h 15m 10s', hms(2, 15, 10)],
    ['1m 30s', 90],
    ['23h 59m 59s', DAY - 1],
    // case and spaces
    ['  1:30  ', hms(1, 30)],
    ['\t1.5h\n', hms(1, 30)],
    ['1H30M', hms(1, 30)],
    ['90 MIN', hms(1, 30)],
    ['2 Hours', hms(2)],
    ['1h   30m', hms(1, 30)],
    ['\u00a01:30\u00a0', hms(1, 30)], // a no-break space pasted from a web page
  ])('"%s" is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds })
  })

  it.each<[string, number]>([
    ['a tenth of an hour is six minutes', 0.1],
    ['a third of an hour rounds to 20 minutes exactly', 1 / 3],
  ])('%s', (_story, hours) => {
    expect(parseDuration(String(hours).slice(0, 10))).toEqual({ ok: true, seconds: Math.round(hours * 3600) })
  })

  it.each<[string, number]>([
    ['0.0001', 0], // 0.36 s
    ['0.0002', 1], // 0.72 s
    ['0.00125', 5], // 4.5 s: halves go up
    ['0.3333', 1200], // 1199.88 s
    ['1.2345', 4444], // 4444.2 s
    ['0.125m', 8], // 7.5 s
    ['1.5s', 2],
    ['1.4s', 1],
  ])('"%s" rounds to the nearest whole second: %i', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds })
  })
})

describe('a duration that cannot be read is refused with a message a person can act on', () => {
  it.each<[string, string]>([
    ['', 'Enter a duration such as 1:30 or 1.5h'],
    ['   ', 'Enter a duration such as 1:30 or 1.5h'],
    ['-1:30', 'A duration cannot be negative'],
    ['-2', 'A duration cannot be negative'],
    [' -15m', 'A duration cannot be negative'],
    ['\u22121:30', 'A duration cannot be negative'], // the Unicode minus sign
    ['+1:30', 'A duration has no sign; leave out the +'],
    ['abc', '"abc" is not a duration; try 1:30, 1h30m or 1.5'],
    ['  Lunch  ', '"Lunch" is not a duration; try 1:30, 1h30m or 1.5'],
    ['1:75', 'Minutes must be 0–59 in 1:75'],
    ['0:60', 'Minutes must be 0–59 in 0:60'],
    ['1:30:60', 'Seconds must be 0–59 in 1:30:60'],
    ['1h75', 'Minutes must be 0–59 in 1h75'],
    ['1h 60m', 'Minutes must be 0–59 in 1h 60m'],
    ['1m 90s', 'Seconds must be 0–59 in 1m 90s'],
    ['1:5', 'Write minutes with two digits: 1:05 or 1:50?'],
    [':5', 'Write minutes with two digits: 0:05 or 0:50?'],
    ['25', 'A day has at most 24 hours'],
    ['24.01', 'A day has at most 24 hours'],
    ['24:01', 'A day has at most 24 hours'],
    ['24:00:01', 'A day has at most 24 hours'],
    ['25h', 'A day has at most 24 hours'],
    ['1441m', 'A day has at most 24 hours'],
    ['100000s', 'A day has at most 24 hours'],
    ['999999999999999999999999999999', 'A day has at most 24 hours'],
    ['1'.repeat(33), 'That is too long to be a duration'],
    ['1 hour, 30 minutes and 15 seconds', 'That is too long to be a duration'],
    ['1.5.2', 'Use one decimal point or comma per number in 1.5.2'],
    ['1,5.2', 'Use one decimal point or comma per number in 1,5.2'],
    ['1..5h', 'Use one decimal point or comma per number in 1..5h'],
    ['h', 'Put a number before "h", as in 2h'],
    ['min', 'Put a number before "min", as in 45m'],
    ['1h h', 'Put a number before "h", as in 2h'],
    ['1h 2h', 'Give hours only once in 1h 2h'],
    ['30m 15m', 'Give minutes only once in 30m 15m'],
    ['1h30m 5', '"1h30m 5" is not a duration; try 1:30, 1h30m or 1.5'],
    ['30m 1h', 'Write hours, then minutes, then seconds, as in 1h 30m'],
  ])('"%s" is refused: %s', (text, error) => {
    expect(parseDuration(text)).toEqual({ ok: false, error })
  })

  it.each([
    '1:30pm',
    '1 30',
    '1:30:5',
    '1:030',
    '1:',
    ':',
    '1 : 30',
    '1.5:30',
    '.',
    ',',
    '1e3',
    'Infinity',
    'NaN',
    '0x10',
    '1½',
    '2 days',
    '1 hour and 30 minutes',
    '1h-30m',
    '1m30',
    '1h30.5',
    '٣',
    '1 h x',
  ])('"%s" is not a duration', (text) => {
    expect(parseDuration(text)).toEqual({ ok: false, error: `"${text}" is not a duration; try 1:30, 1h30m or 1.5` })
  })

  it('accepts exactly 32 characters and refuses 33', () => {
    expect(parseDuration(`${' '.repeat(10)}${'0'.repeat(31)}1${' '.repeat(10)}`)).toEqual({ ok: true, seconds: 3600 })
    expect(parseDuration(`${'0'.repeat(32)}1`)).toEqual({ ok: false, error: 'That is too long to be a duration' })
  })
})

describe('the grid adds or takes away time with +0:30 and -0:15', () => {
  it.each<[string, 1 | -1, number]>([
    ['+0:30', 1, hms(0, 30)],
    ['-0:15', -1, hms(0, 15)],
    ['+1h', 1, hms(1)],
    ['-15m', -1, hms(0, 15)],
    ['+1.5', 1, hms(1, 30)],
    ['-,25', -1, hms(0, 15)],
    ['+ 0:30', 1, hms(0, 30)],
    ['  -1h 30m  ', -1, hms(1, 30)],
    ['\u22120:15', -1, hms(0, 15)],
    ['+0', 1, 0],
    ['+24:00', 1, DAY],
  ])('"%s" changes the time by %i × %i seconds', (text, sign, seconds) => {
    expect(parseDurationDelta(text)).toEqual({ ok: true, sign, seconds })
  })

  it.each<[string, string]>([
    ['', 'Enter a change such as +0:30 or -0:15'],
    ['0:30', 'Start with + or - to change the time, as in +0:30 or -0:15'],
    ['1h', 'Start with + or - to change the time, as in +0:30 or -0:15'],
    ['+', 'Enter a duration after the +, as in +0:30'],
    ['- ', 'Enter a duration after the -, as in -0:30'],
    ['+-1', '"+-1" is not a change of duration; try +0:30, -15m or +1.5'],
    ['--1', '"--1" is not a change of duration; try +0:30, -15m or +1.5'],
    ['+abc', '"+abc" is not a change of duration; try +0:30, -15m or +1.5'],
    ['+1:75', 'Minutes must be 0–59 in +1:75'],
    ['-25', 'A day has at most 24 hours'],
    ['+1.5.2', 'Use one decimal point or comma per number in +1.5.2'],
    ['+h', 'Put a number before "h", as in 2h'],
    [`+${'1'.repeat(32)}`, 'That is too long to be a duration'],
  ])('"%s" is refused: %s', (text, error) => {
    expect(parseDurationDelta(text)).toEqual({ ok: false, error })
  })
})

describe('a duration is shown in the unit the person chose', () => {
  it.each<[string, number, DurationUnit, string]>([
    ['an hour and a half as h:mm', hms(1, 30), 'hmm', '1:30'],
    ['five minutes as h:mm', hms(0, 5), 'hmm', '0:05'],
    ['nothing as h:mm', 0, 'hmm', '0:00'],
    ['a full week as h:mm is not capped at 24 hours', hms(40), 'hmm', '40:00'],
    ['29 seconds round down to the minute', hms(1, 30, 29), 'hmm', '1:30'],
    ['30 seconds round up to the minute', hms(1, 30, 30), 'hmm', '1:31'],
    ['59:30 rounds up into the next hour', hms(0, 59, 30), 'hmm', '1:00'],
    ['an hour and a half as decimal hours', hms(1, 30), 'decimal', '1.50'],
    ['two hours as decimal hours', hms(2), 'decimal', '2.00'],
    ['a tenth of an hour', 360, 'decimal', '0.10'],
    ['18 seconds is exactly half a hundredth and goes up', 18, 'decimal', '0.01'],
    ['17 seconds goes down', 17, 'decimal', '0.00'],
    ['54 seconds is 0.015 h and goes up, though (0.015).toFixed(2) says 0.01', 54, 'decimal', '0.02'],
    ['6:18 is 0.105 h and goes up too', hms(0, 6, 18), 'decimal', '0.11'],
    ['20 minutes as decimal hours', hms(0, 20), 'decimal', '0.33'],
    ['an hour and a half as minutes', hms(1, 30), 'minutes', '90'],
    ['a day as minutes', DAY, 'minutes', '1440'],
    ['89 seconds as minutes', 89, 'minutes', '1'],
    ['an hour and a half as quarter hours', hms(1, 30), 'quarters', '6'],
    ['an hour and 37.5 minutes as quarter hours', hms(1, 37, 30), 'quarters', '6.5'],
    ['an hour and 33:45 as quarter hours', hms(1, 33, 45), 'quarters', '6.25'],
    ['ten minutes as quarter hours', hms(0, 10), 'quarters', '0.67'],
    ['an hour and a half in custom units', hms(1, 30), { custom: 'units' }, '1.5 units'],
    ['two hours in custom units', hms(2), { custom: 'Std.' }, '2 Std.'],
    ['20 minutes in custom units', hms(0, 20), { custom: 'h' }, '0.33 h'],
    ['2:42 is 0.045 h and shows as 0.05 in custom units', hms(0, 2, 42), { custom: 'units' }, '0.05 units'],
    ['a custom label is trimmed', hms(1, 15), { custom: '  units ' }, '1.25 units'],
    ['an empty custom label shows the number alone', hms(1, 30), { custom: '' }, '1.5'],
  ])('%s: %s', (_story, seconds, unit, expected) => {
    expect(formatDuration(seconds, unit)).toBe(expected)
  })

  it('uses h:mm by default', () => {
    expect(DEFAULT_DURATION_UNIT).toBe('hmm')
    expect(formatDuration(hms(7, 45))).toBe('7:45')
  })

  it.each<[number, DurationUnit, string]>([
    [-hms(1, 30), 'hmm', '-1:30'],
    [-hms(0, 5), 'hmm', '-0:05'],
    [-hms(1, 30), 'decimal', '-1.50'],
    [-hms(1, 30), 'minutes', '-90'],
    [-hms(1, 37, 30), 'quarters', '-6.5'],
    [-hms(1, 30), { custom: 'units' }, '-1.5 units'],
    [-hms(0, 0, 30), 'hmm', '-0:01'], // rounds away from zero, like +30 s does
    [-hms(0, 0, 29), 'hmm', '0:00'], // no '-0:00'
    [-17, 'decimal', '0.00'],
    [-4, 'quarters', '0'],
  ])('an over/under of %i seconds in %o shows as %s', (seconds, unit, expected) => {
    expect(formatDuration(seconds, unit)).toBe(expected)
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %s seconds', (seconds) => {
    expect(() => formatDuration(seconds, 'hmm')).toThrow(new RangeError(`duration must be a finite number of seconds, got ${String(seconds)}`))
  })
})

describe('what is typed comes back the same', () => {
  const clockTexts = Array.from({ length: 24 * 60 + 1 }, (_, minute) => `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`)

  it('every h:mm from 0:00 to 24:00 parses and formats back to itself', () => {
    for (const text of clockTexts) {
      const parsed = parseDuration(text)
      expect(parsed.ok ? formatDuration(parsed.seconds, 'hmm') : parsed.error, text).toBe(text)
    }
  })

  it.each<[string, string]>([
    ['1h30m', '1:30'],
    ['90 min', '1:30'],
    ['1.5', '1:30'],
    ['1,25h', '1:15'],
    ['.1', '0:06'],
    ['0:05', '0:05'],
    ['1:30:29', '1:30'],
  ])('"%s" shows as %s', (text, shown) => {
    const parsed = parseDuration(text)
    expect(parsed.ok && formatDuration(parsed.seconds, 'hmm')).toBe(shown)
  })

  it.each<DurationUnit>(['decimal', 'minutes', 'quarters', { custom: 'h' }])('whole minutes shown in %o and typed back in come within the shown precision', (unit) => {
    for (let minutes = 0; minutes <= 24 * 60; minutes += 7) {
      const seconds = minutes * 60
      const shown = formatDuration(seconds, unit)
      const typed =
        unit === 'minutes' ? `${shown}m` : unit === 'quarters' ? `${String(Number(shown) / 4)}h` : typeof unit === 'object' ? shown.replace(` ${unit.custom}`, 'h') : shown
      const parsed = parseDuration(typed)
      expect(parsed.ok, `${String(seconds)} → ${shown}`).toBe(true)
      // Hundredths of an hour are 36 s apart, so a shown value is at most 18 s off.
      if (parsed.ok) expect(Math.abs(parsed.seconds - seconds), `${String(seconds)} → ${shown}`).toBeLessThanOrEqual(18)
    }
  })

  it('formatting does not change the seconds it is given', () => {
    const seconds = hms(1, 30, 29)
    const units: DurationUnit[] = ['hmm', 'decimal', 'minutes', 'quarters', { custom: 'units' }]
    for (const unit of units) formatDuration(seconds, unit)
    expect(seconds).toBe(hms(1, 30, 29))
  })
})

describe('no accepted text is ever a negative, fractional or over-a-day duration', () => {
  // Pieces of the grammar and pieces that break it, glued at random.
  const pieces = ['0', '1', '2', '4', '5', '9', '24', '59', '60', '99', '.', ',', ':', ' ', 'h', 'm', 's', 'min', 'hours', 'sec', '-', '+', 'x', '\u2212', '00']
  const texts = (seed: number, count: number): string[] => {
    const random = seededRandom(seed)
    return Array.from({ length: count }, () => {
      const length = 1 + Math.floor(random() * 8)
      return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)] ?? '').join('')
    })
  }
  const isWholeDayShare = (seconds: number): boolean => Number.isInteger(seconds) && seconds >= 0 && seconds <= DAY

  it('holds for 20 000 random texts given to parseDuration', () => {
    let accepted = 0
    for (const text of texts(20_261_116, 20_000)) {
      const parsed = parseDuration(text)
      if (parsed.ok) {
        accepted++
        expect(isWholeDayShare(parsed.seconds), JSON.stringify(text)).toBe(true)
      } else {
        expect(parsed.error.length, JSON.stringify(text)).toBeGreaterThan(0)
      }
    }
    // The generator must reach the accepting paths too, or the check proves nothing.
    expect(accepted).toBeGreaterThan(1000)
  })

  it('holds for 20 000 random texts given to parseDurationDelta', () => {
    let accepted = 0
    for (const text of texts(20_261_117, 20_000)) {
      const parsed = parseDurationDelta(text)
      if (parsed.ok) {
        accepted++
        expect(isWholeDayShare(parsed.seconds) && (parsed.sign === 1 || parsed.sign === -1), JSON.stringify(text)).toBe(true)
      }
    }
    expect(accepted).toBeGreaterThan(100)
  })
})
