// Durations in the user's language: a German user types '1,5' and reads '1,5'; an
// English user types '1.5' and reads '1.5'; both mean 1:30 and store the same seconds.
import { describe, expect, it } from 'vitest'
import { formatDuration, parseDuration, type DurationUnit } from './duration'

const hms = (h: number, m = 0, s = 0): number => h * 3600 + m * 60 + s

describe('a German user types durations as German writes them', () => {
  it.each<[string, number]>([
    ['1,5', hms(1, 30)],
    ['0,25', hms(0, 15)],
    ['1,5 Std', hms(1, 30)],
    ['1,5 Std.', hms(1, 30)],
    ['1 Std. 30 Min.', hms(1, 30)],
    ['2 Stunden', hms(2)],
    ['1 Stunde', hms(1)],
    ['90 Min', hms(1, 30)],
    ['45 Minuten', hms(0, 45)],
    ['1 Minute', hms(0, 1)],
    ['30 Sek.', 30],
    ['10 Sekunden', 10],
    ['1 Std 5', hms(1, 5)],
    ['1:30', hms(1, 30)],
  ])('%s is %i seconds', (typed, seconds) => {
    expect(parseDuration(typed)).toEqual({ ok: true, seconds })
  })

  it('still reads the English way of writing the same durations, whatever the language', () => {
    expect(parseDuration('1.5')).toEqual({ ok: true, seconds: hms(1, 30) })
    expect(parseDuration('1.5h')).toEqual({ ok: true, seconds: hms(1, 30) })
  })

  it('refuses what only looks like an abbreviation', () => {
    expect(parseDuration('1h.5').ok).toBe(false)
    expect(parseDuration('1 Std..').ok).toBe(false)
    expect(parseDuration('1,5,0').ok).toBe(false)
  })
})

describe('a duration is shown with the locale’s decimal separator', () => {
  it.each<[DurationUnit, number, string, string]>([
    ['decimal', hms(1, 30), '1.50', '1,50'],
    ['decimal', hms(40), '40.00', '40,00'],
    ['decimal', -hms(0, 15), '-0.25', '-0,25'],
    ['quarters', hms(1, 37, 30), '6.5', '6,5'],
    ['quarters', hms(1, 30), '6', '6'],
    [{ custom: 'pts.' }, hms(1, 30), '1.5 pts.', '1,5 pts.'],
    [{ custom: '' }, hms(0, 6), '0.1', '0,1'],
    ['hmm', hms(1, 30), '1:30', '1:30'],
    ['minutes', hms(1, 30), '90', '90'],
  ])('%j: %i seconds read %s in English and %s in German', (unit, seconds, english, german) => {
    expect(formatDuration(seconds, unit, 'en-GB')).toBe(english)
    expect(formatDuration(seconds, unit, 'en-US')).toBe(english)
    expect(formatDuration(seconds, unit, 'de-DE')).toBe(german)
    expect(formatDuration(seconds, unit, 'de-AT')).toBe(german)
  })

  it('without a locale writes the dot, as files and other machines read it', () => {
    expect(formatDuration(hms(1, 30), 'decimal')).toBe('1.50')
  })

  it('what German shows reads back as the same time', () => {
    for (const seconds of [0, 36, hms(0, 15), hms(1, 30), hms(7, 42), hms(24)]) {
      const shown = formatDuration(seconds, 'decimal', 'de-DE')
      const parsed = parseDuration(shown)
      expect(parsed.ok && Math.abs(parsed.seconds - seconds)).toBeLessThanOrEqual(18)
    }
  })
})
