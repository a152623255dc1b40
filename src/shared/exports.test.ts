import { describe, expect, it } from 'vitest'
import { ExportRequestSchema } from './exports'
import { MonthViewQuerySchema } from './month-views'

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((issue) => issue.message) ?? []

describe('what can be exported', () => {
  it('names the kinds when the kind is missing or unknown, instead of "Invalid input"', () => {
    for (const what of [{ from: '2026-11-01', to: '2026-11-30' }, { kind: 'everything' }, 'entries']) {
      const result = ExportRequestSchema.safeParse({ what })
      expect(result.success).toBe(false)
      expect(messages(result)).toEqual(['What to export is named by its kind: one of report, entries, contractUsage, month.'])
    }
  })

  it('checks the request of the kind named, with that kind’s own messages', () => {
    const backwards = ExportRequestSchema.safeParse({ what: { kind: 'entries', from: '2026-11-30', to: '2026-11-01' } })
    expect(messages(backwards)).toEqual(['The range ends (2026-11-01) before it starts (2026-11-30): the last day must be on or after the first.'])
    const month = ExportRequestSchema.safeParse({ what: { kind: 'month', query: { month: '2026-11' } } })
    expect(messages(month)).toEqual(['Say which month view (view): one of entries, tickets, customers, organisations.'])
    const notADay = ExportRequestSchema.safeParse({ what: { kind: 'entries', from: '2026-11-01', to: '2026-04-31' } })
    expect(messages(notADay)).toEqual(['The last day of the export (to) is wrong: "2026-04-31" is not a real date: April 2026 has days 01 to 30.'])
    expect(messages(ExportRequestSchema.safeParse({ what: { kind: 'entries', from: ' ', to: '2026-11-30' } }))).toEqual(['The export needs its first day (from), written YYYY-MM-DD, such as 2026-11-16.'])
    const ok = ExportRequestSchema.parse({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } })
    expect(ok).toMatchObject({ scope: 'mine', bom: false, what: { kind: 'entries', includeVoided: false, filters: {} } })
  })

  it('a month view that is not one of the four is named as typed', () => {
    expect(messages(MonthViewQuerySchema.safeParse({ month: '2026-11', view: 'people' }))).toEqual(['"people" is not a month view: choose from entries, tickets, customers, organisations.'])
  })
})
