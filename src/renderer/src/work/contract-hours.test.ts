import { describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { formatIncludedHours, parseIncludedHours } from './contract-hours'

describe('included hours', () => {
  it('turns hours typed as a number or h:mm into whole minutes', () => {
    expect(parseIncludedHours('10')).toEqual({ ok: true, minutes: 600 })
    expect(parseIncludedHours(' 7.5 ')).toEqual({ ok: true, minutes: 450 })
    expect(parseIncludedHours('7,5')).toEqual({ ok: true, minutes: 450 })
    expect(parseIncludedHours('.25')).toEqual({ ok: true, minutes: 15 })
    expect(parseIncludedHours('7:30')).toEqual({ ok: true, minutes: 450 })
    expect(parseIncludedHours('0')).toEqual({ ok: true, minutes: 0 })
    expect(parseIncludedHours('0.01')).toEqual({ ok: true, minutes: 1 })
    expect(parseIncludedHours('')).toEqual({ ok: true, minutes: null })
    expect(parseIncludedHours('   ')).toEqual({ ok: true, minutes: null })
  })

  it('refuses negative, non-numeric and too large amounts with a sentence', () => {
    expect(parseIncludedHours('-1')).toEqual({ ok: false, problem: 'Included hours cannot be negative.' })
    expect(parseIncludedHours('−0.5')).toEqual({ ok: false, problem: 'Included hours cannot be negative.' })
    for (const text of ['ten', '1e3', '7.5h', '1.2.3', '7:75', 'NaN', 'Infinity', '0x10']) {
      expect(parseIncludedHours(text)).toMatchObject({ ok: false, problem: expect.stringMatching(/^Enter the included hours as a number/) as unknown })
    }
    expect(parseIncludedHours('16666')).toEqual({ ok: true, minutes: 999_960 })
    expect(parseIncludedHours('16667')).toEqual({ ok: false, problem: 'Included hours can be at most 16,666.' })
  })

  it('shows minutes as h:mm, and nothing for no hours', () => {
    expect(formatIncludedHours(450)).toBe('7:30')
    expect(formatIncludedHours(600)).toBe('10:00')
    expect(formatIncludedHours(0)).toBe('0:00')
    expect(formatIncludedHours(null)).toBeNull()
  })
})

describe('included hours in German', () => {
  const german = createTranslator('de')

  it('reads the decimal comma and explains a problem in German, the limit written with a German thousands dot', () => {
    expect(parseIncludedHours('7,5', german)).toEqual({ ok: true, minutes: 450 })
    expect(parseIncludedHours('-1', german)).toEqual({ ok: false, problem: 'Enthaltene Stunden können nicht negativ sein.' })
    expect(parseIncludedHours('zehn', german)).toEqual({ ok: false, problem: 'Geben Sie die enthaltenen Stunden als Zahl ein, etwa 10 oder 7,5, oder lassen Sie das Feld leer.' })
    expect(parseIncludedHours('16667', german)).toEqual({ ok: false, problem: 'Es können höchstens 16.666 Stunden enthalten sein.' })
  })
})
