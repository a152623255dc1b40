import { describe, expect, it } from 'vitest'
import { formatBlock, parseBlock, splitBlock } from './clipboard-block'

describe('blocks pasted from a spreadsheet', () => {
  it('reads rows on lines and cells on tabs, ignoring the trailing newline', () => {
    expect(splitBlock('1:00\t2:00\r\n0:30\t1.5\r\n')).toEqual([
      ['1:00', '2:00'],
      ['0:30', '1.5'],
    ])
  })

  it('parses every value and treats blanks as "clear"', () => {
    expect(parseBlock('1:30\t\n2h\t0:15\n')).toEqual({ ok: true, width: 2, height: 2, seconds: [[5400, null], [7200, 900]] })
  })

  it('refuses the whole block at the first value that is not a duration, saying where', () => {
    const parsed = parseBlock('1:00\t2:00\n0:30\tlunch')
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.error).toMatch(/^Row 2, column 2 of the pasted block: "lunch" is not a duration/)
  })

  it('refuses an empty clipboard', () => {
    expect(parseBlock('\n').ok).toBe(false)
  })

  it('copies totals as h:mm text', () => {
    expect(formatBlock([[5400, 0], [900, 28800]])).toBe('1:30\t0:00\n0:15\t8:00')
  })
})
