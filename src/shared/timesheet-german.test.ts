// The timesheet's shared words in German: a duration that cannot be read is refused in
// German, days and ranges are written as German writes them ("Do 3. Dez.",
// "16.–22. Nov. 2026"), and overlaps are said in German. English stays as it was.
import { describe, expect, it } from 'vitest'
import { readableDays, shortDayLabel } from './day-words'
import { parseDuration, parseDurationDelta } from './duration'
import { formatDayMonth, formatDayRange } from './i18n/formats'
import { createTranslator, ENGLISH } from './i18n/translator'
import { describeOverlap } from './overlaps'
import { dayRangeLabel } from './periods'

const GERMAN = createTranslator('de')

describe('a duration that cannot be read is refused in the person’s language', () => {
  it.each<[string, string]>([
    ['', 'Geben Sie eine Dauer ein, etwa 1:30 oder 1,5h'],
    ['abc', '„abc“ ist keine Dauer; versuchen Sie 1:30, 1h30m oder 1,5'],
    ['-1', 'Eine Dauer kann nicht negativ sein'],
    ['25', 'Ein Tag hat höchstens 24 Stunden'],
    ['1:5', 'Schreiben Sie Minuten zweistellig: 1:05 oder 1:50?'],
    ['1:75', 'Minuten müssen in 1:75 zwischen 0 und 59 liegen'],
    ['1h 2h', 'Geben Sie Stunden in 1h 2h nur einmal an'],
    ['30m 1h', 'Schreiben Sie erst Stunden, dann Minuten, dann Sekunden, etwa 1h 30m'],
    ['Std', 'Setzen Sie eine Zahl vor „std“, etwa 2h'],
    ['1,5,5', 'Verwenden Sie in 1,5,5 nur einen Dezimalpunkt oder ein Komma pro Zahl'],
  ])('„%s“: %s', (typed, message) => {
    expect(parseDuration(typed, GERMAN)).toEqual({ ok: false, error: message })
  })

  it('a change of a cell’s time too', () => {
    expect(parseDurationDelta('0:30', GERMAN)).toEqual({ ok: false, error: 'Beginnen Sie mit + oder -, um die Zeit zu ändern, etwa +0:30 oder -0:15' })
    expect(parseDurationDelta('+', GERMAN)).toEqual({ ok: false, error: 'Geben Sie nach dem + eine Dauer ein, etwa +0:30' })
  })

  it('reads the same durations in German as in English', () => {
    expect(parseDuration('1,5', GERMAN)).toEqual({ ok: true, seconds: 5400 })
    expect(parseDuration('1 Std. 30 Min.', GERMAN)).toEqual({ ok: true, seconds: 5400 })
  })

  it('English keeps its words exactly, with or without a translator', () => {
    expect(parseDuration('abc')).toEqual({ ok: false, error: '"abc" is not a duration; try 1:30, 1h30m or 1.5' })
    expect(parseDuration('1h 2h', ENGLISH)).toEqual({ ok: false, error: 'Give hours only once in 1h 2h' })
    expect(parseDuration('1:5', ENGLISH)).toEqual({ ok: false, error: 'Write minutes with two digits: 1:05 or 1:50?' })
    expect(parseDurationDelta('+')).toEqual({ ok: false, error: 'Enter a duration after the +, as in +0:30' })
  })
})

describe('days and ranges as the locale writes them', () => {
  it('a day in the grid’s words', () => {
    expect(shortDayLabel('2026-12-03', 'de-DE')).toBe('Do 3. Dez.')
    expect(shortDayLabel('2026-11-16', 'de-DE')).toBe('Mo 16. Nov.')
    expect(shortDayLabel('2026-12-03')).toBe('Thu 3 Dec')
    // English keeps its three-letter months, where en-GB's Intl writes 'Sept'.
    expect(shortDayLabel('2026-09-03', 'en-GB')).toBe('Thu 3 Sep')
    expect(formatDayMonth('2026-12-03', 'de-DE')).toBe('3. Dez.')
  })

  it('ISO days in a message', () => {
    expect(readableDays('Gesperrt bis 2026-12-03.', 'de-DE')).toBe('Gesperrt bis Do 3. Dez..')
    expect(readableDays('Locked until 2026-12-03.')).toBe('Locked until Thu 3 Dec.')
  })

  it('a span of days names a month or year once', () => {
    expect(dayRangeLabel({ start: '2026-11-16', end: '2026-11-22' }, 'de-DE')).toBe('16.–22. Nov. 2026')
    expect(dayRangeLabel({ start: '2026-11-30', end: '2026-12-13' }, 'de-DE')).toBe('30. Nov. – 13. Dez. 2026')
    expect(dayRangeLabel({ start: '2026-12-28', end: '2027-01-10' }, 'de-DE')).toBe('28. Dez. 2026 – 10. Jan. 2027')
    expect(dayRangeLabel({ start: '2026-11-16', end: '2026-11-22' }, 'en-GB')).toBe('16–22 Nov 2026')
    expect(formatDayRange({ start: '2026-11-16', end: '2026-11-16' }, 'de-DE')).toBe('16. Nov. 2026')
  })
})

describe('overlaps are said in the person’s language', () => {
  const overlap = { withId: 'b', withLabel: 'Timer 2', from: Date.parse('2026-12-03T10:05:00Z'), to: Date.parse('2026-12-03T10:20:00Z') }

  it('German', () => {
    expect(describeOverlap(overlap, 'UTC', GERMAN)).toBe('überschneidet sich 10:05–10:20 mit Timer 2')
  })

  it('English as before', () => {
    expect(describeOverlap(overlap, 'UTC')).toBe('overlaps 10:05–10:20 with Timer 2')
  })
})
