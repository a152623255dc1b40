import { describe, expect, it } from 'vitest'
import { freeTextSchema, nameKey, nameSchema } from './text'

const customer = nameSchema('A customer name', { max: 120 })
const description = freeTextSchema('A description', 2000)

function problemOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message
}

describe('names that look alike are the same name', () => {
  it('normalises composed and decomposed accents to one form', () => {
    const composed = 'Caf\u00e9 Nord'
    const decomposed = 'Cafe\u0301 Nord'
    expect(customer.parse(decomposed)).toBe(composed)
    expect(nameKey(decomposed)).toBe(nameKey(composed))
  })

  it('turns every kind of space into one plain space and trims the ends', () => {
    expect(customer.parse('  Acme\u00a0\u00a0Corp\u3000')).toBe('Acme Corp')
  })

  it('compares names without regard to case', () => {
    expect(nameKey('ACME corp')).toBe(nameKey('Acme Corp'))
  })

  it('leaves invisible characters out of the key, so a name stored before they were refused meets its twin', () => {
    expect(nameKey('Acme\u200b')).toBe(nameKey('acme'))
    expect(nameKey('\u202eAc\u00adme\ufeff')).toBe(nameKey('Acme'))
    expect(nameKey('Acme\nCorp')).toBe(nameKey('Acme Corp'))
  })
})

describe('invisible characters are refused, never stripped', () => {
  const cases: [string, string, string][] = [
    ['a zero-width space', 'Acme\u200b', 'U+200B ZERO WIDTH SPACE at character 5'],
    ['a right-to-left override', '\u202eAcme', 'U+202E RIGHT-TO-LEFT OVERRIDE at character 1'],
    ['a left-to-right mark', 'Ac\u200eme', 'U+200E LEFT-TO-RIGHT MARK at character 3'],
    ['a byte-order mark', '\ufeffAcme', 'U+FEFF BYTE ORDER MARK at character 1'],
    ['a soft hyphen', 'Ac\u00adme', 'U+00AD SOFT HYPHEN at character 3'],
    ['a tag character', 'Acme\u{e0041}', 'U+E0041 (a tag character) at character 5'],
    ['a variation selector', 'A\ufe01cme', 'U+FE01 (a variation selector) at character 2'],
    ['a Hangul filler', 'Acme\u3164x', 'U+3164 HANGUL FILLER at character 5'],
    ['a NUL', 'Ac\u0000me', 'U+0000 NUL at character 3'],
    ['a bell', 'Acme\u0007', 'U+0007 (a control character) at character 5'],
    ['a line separator', 'Ac\u2028me', 'U+2028 LINE SEPARATOR at character 3'],
    ['a line feed', 'Ac\nme', 'U+000A LINE FEED at character 3'],
    ['a lone surrogate', 'Ac\ud800me', 'U+D800 (half of a broken character pair) at character 3'],
  ]
  it.each(cases)('in a name: %s', (_, text, where) => {
    const problem = problemOf(customer.safeParse(text))
    expect(problem).toContain('A customer name cannot contain invisible or control characters')
    expect(problem).toContain(where)
  })

  it('accepts emoji written with their variation selector or joiner, and nowhere else', () => {
    for (const name of ['⚠️ Urgent: printer', 'On site 👩\u200d💻', '❤️ Café', '👍🏽\u200d ok'.replace('\u200d', '')]) {
      expect(customer.safeParse(name).success, name).toBe(true)
    }
    expect(problemOf(customer.safeParse('A\ufe0fcme'))).toContain('U+FE0F (a variation selector) at character 2')
    expect(problemOf(customer.safeParse('Acme \u200d Corp'))).toContain('U+200D ZERO WIDTH JOINER at character 6')
    expect(problemOf(customer.safeParse('⚠️\u200bUrgent'))).toContain('U+200B ZERO WIDTH SPACE at character 3')
    expect(nameKey('⚠️ Urgent')).toBe(nameKey('⚠ Urgent'))
  })

  it('counts the position in characters, not in UTF-16 units', () => {
    expect(problemOf(customer.safeParse('\u{1F600}\u200b'))).toContain('at character 2')
  })

  it('accepts names in any script, with emoji and punctuation', () => {
    for (const name of ['Müller & Söhne GmbH', 'Ωμέγα', 'شركة النور', '株式会社サンプル', 'Café ☕ Nord', "O'Brien (IT)"]) {
      expect(customer.safeParse(name).success, name).toBe(true)
    }
  })

  it('says empty and too long in words', () => {
    expect(problemOf(customer.safeParse('   '))).toBe('A customer name cannot be empty')
    expect(problemOf(customer.safeParse('x'.repeat(121)))).toBe('A customer name can be at most 120 characters')
    expect(nameSchema('An organisation', { max: 120, required: false }).parse('  ')).toBe('')
  })
})

describe('free text keeps its lines but no control characters', () => {
  it('keeps line breaks and tabs inside, trims the ends', () => {
    expect(description.parse('  first line\nsecond\tcolumn\r\nthird  ')).toBe('first line\nsecond\tcolumn\r\nthird')
  })

  it('allows the joiners emoji need', () => {
    expect(description.safeParse('on site 👩\u200d💻').success).toBe(true)
  })

  it.each([
    ['a NUL', 'a\u0000b', 'U+0000 NUL'],
    ['an escape', 'a\u001b[31mred', 'U+001B ESCAPE'],
    ['a right-to-left override', 'invoice \u202etxt.exe', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a byte-order mark', '\ufeffnote', 'U+FEFF BYTE ORDER MARK'],
  ])('refuses %s', (_, text, named) => {
    expect(problemOf(description.safeParse(text))).toContain(named)
  })
})
