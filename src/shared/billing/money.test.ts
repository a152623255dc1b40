import { describe, expect, it } from 'vitest'
import { amountFor, currencyDigits, formatMoney, isCurrency, parseMoney, relabelledMinor } from './money'

describe('money', () => {
  it('knows each currency’s minor digits, and refuses what is not a currency', () => {
    expect([currencyDigits('EUR'), currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD')]).toEqual([2, 2, 0, 3])
    expect([isCurrency('EUR'), isCurrency('eur'), isCurrency('EURO'), isCurrency(''), isCurrency('EUX'), isCurrency('XYZ'), isCurrency('KWD')]).toEqual([true, false, false, false, false, false, true])
    expect(() => currencyDigits('euro')).toThrow('euro is not a currency code (ISO 4217, like EUR)')
  })

  it('re-labels a rate to another currency by its number, or says it cannot', () => {
    expect(relabelledMinor(9500, 'EUR', 'JPY')).toBe(95)
    expect(relabelledMinor(95, 'JPY', 'BHD')).toBe(95_000)
    expect(relabelledMinor(9500, 'EUR', 'USD')).toBe(9500)
    expect(relabelledMinor(9550, 'EUR', 'JPY')).toBeNull()
  })

  it('computes an amount in integers, rounded once, half away from zero', () => {
    expect(amountFor(5400, 9500)).toBe(14250) // 1.5 h at 95.00
    expect(amountFor(1, 10000)).toBe(3) // 2.78 cents
    expect(amountFor(18, 10000)).toBe(50) // exactly half a cent more than 49: 49.5 → 50
    expect(amountFor(-18, 10000)).toBe(-50)
    expect(amountFor(3600, 8000, 15000)).toBe(12000) // after hours ×1.5
    expect(amountFor(1000, 333, 12_500)).toBe(116) // 115.625 → 116
    // A float would drift here: 0.1 h-worth of seconds many times over, summed exactly.
    expect(amountFor(360 * 1_000_000, 10)).toBe(1_000_000)
    expect(amountFor(2_000_000 * 3600, 1_000_000_00)).toBe(2_000_000 * 1_000_000_00)
  })

  it('refuses fractions and amounts it cannot keep exactly', () => {
    expect(() => amountFor(1.5, 100)).toThrow('The seconds must be a whole number, not 1.5')
    expect(() => amountFor(3600, 99.5)).toThrow('The hourly rate must be a whole number, not 99.5')
    expect(() => amountFor(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toThrow('The amount is too large to keep exactly')
  })

  it('reads amounts as people type them, with either mark', () => {
    const en = (text: string) => parseMoney(text, 'EUR', 'en')
    const de = (text: string) => parseMoney(text, 'EUR', 'de')
    expect(['95', '95.5', '95,50', '1,234.50', '1.234,50', '1 234,50', '1,234', '1,234,567', '-12.5', "1'234.50"].map(en)).toEqual([9500, 9550, 9550, 123450, 123450, 123450, 123400, 123456700, -1250, 123450])
    expect(['95', '95,5', '95.50', '1.234,50', '1.234', '1\u00a0234,50', '-12,5'].map(de)).toEqual([9500, 9550, 9550, 123450, 123400, 123450, -1250])
    expect(parseMoney('1500', 'JPY')).toBe(1500)
    expect(parseMoney('1.234', 'KWD')).toBe(1234) // three decimals: a dinar and 234 fils
  })

  it('refuses text that is not an amount, and decimals the currency does not have, saying which', () => {
    // Ambiguous marks are never read as thousands against the reader's locale.
    expect(() => parseMoney('12.345', 'EUR', 'en')).toThrow('“12.345” has more decimals than EUR has (2)')
    expect(() => parseMoney('12,345', 'EUR', 'de')).toThrow('“12,345” has more decimals than EUR has (2)')
    expect(() => parseMoney('12.5', 'JPY')).toThrow('“12.5” has more decimals than JPY has (0)')
    for (const bad of ['', 'abc', '12.5.x', '1e5', '--3', '1.2.3', '-']) expect(() => parseMoney(bad, 'EUR')).toThrow('is not an amount')
  })

  it('shows amounts in the reader’s locale, from the integer without float arithmetic', () => {
    expect(formatMoney(123450, 'EUR', 'en')).toBe('€1,234.50')
    expect(formatMoney(123450, 'EUR', 'de')).toBe('1.234,50\u00a0€')
    expect(formatMoney(-5, 'USD', 'en')).toBe('-$0.05')
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500')
    expect(formatMoney(9_007_199_254_740_991, 'EUR', 'en')).toBe('€90,071,992,547,409.91')
  })
})
