import { describe, expect, it } from 'vitest'
import { alertSentence, includedPhrase, levelText, meterText, usagePercent } from './usage-text'

const H = 3600

describe('how contract usage reads', () => {
  it('gives the meter a value in words: used of included, percent, and how far over', () => {
    expect(meterText(32 * H, 40 * H)).toBe('32 h of 40 h, 80 %')
    expect(meterText(44 * H + 30 * 60, 40 * H)).toBe('44 h 30 min of 40 h, 111 %, over by 4 h 30 min')
  })

  it('names the level in words beside the bar, in the display unit', () => {
    expect(levelText('ok', 10 * H, 40 * H, 'hmm')).toBe('25 % used')
    expect(levelText('warning', 32 * H, 40 * H, 'hmm')).toBe('80 % used')
    expect(levelText('over', 44 * H + 30 * 60, 40 * H, 'hmm')).toBe('Over by 4:30')
    expect(levelText('over', 44 * H + 30 * 60, 40 * H, 'decimal')).toBe('Over by 4.50')
    expect(levelText('over', 40 * H, 40 * H, 'hmm')).toBe('All included hours used')
  })

  it('counts any billable time on a contract of zero included hours as all of it', () => {
    expect(usagePercent(60, 0)).toBe(100)
    expect(usagePercent(0, 0)).toBe(0)
  })

  it('writes the alert as a sentence about this month or the month it is about', () => {
    const alert = { month: '2026-11', contractName: 'Support 2026', customerName: 'Acme', includedSeconds: 40 * H }
    expect(alertSentence({ ...alert, level: 'warning', billableSeconds: 32 * H }, '2026-11', 'hmm')).toBe('Acme · Support 2026 has used 80 % of its 40 included hours this month.')
    expect(alertSentence({ ...alert, level: 'over', billableSeconds: 44 * H + 30 * 60 }, '2026-11', 'hmm')).toBe(
      'Acme · Support 2026 is over its included hours this month: 4:30 beyond its 40 included hours.',
    )
    expect(alertSentence({ ...alert, level: 'over', billableSeconds: 40 * H }, '2026-12', 'hmm')).toBe('Acme · Support 2026 has used all of its 40 included hours in November 2026.')
    expect(includedPhrase(H)).toBe('1 included hour')
    expect(includedPhrase(7 * H + 30 * 60)).toBe('7 h 30 min of included time')
  })
})
