import { describe, expect, it } from 'vitest'
import { DaySchema } from './entries'

describe('a day is a real calendar day', () => {
  it.each(['2026-11-30', '2028-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])('%s is a day', (day) => {
    expect(DaySchema.parse(day)).toBe(day)
  })

  it.each([
    ['2026-02-30', '"2026-02-30" is not a real date: February 2026 has days 01 to 28'],
    ['2027-02-29', '"2027-02-29" is not a real date: February 2027 has days 01 to 28'],
    ['2026-04-31', '"2026-04-31" is not a real date: April 2026 has days 01 to 30'],
    ['2026-13-01', '"2026-13-01" is not a real date: months run from 01 to 12'],
    ['2026-00-10', '"2026-00-10" is not a real date: months run from 01 to 12'],
    ['0000-01-01', '"0000-01-01" is not a real date: years run from 0001 to 9999'],
    ['2026-1-5', '"2026-1-5" is not a day: expected YYYY-MM-DD, such as 2026-11-16'],
    ['2026-11-30T00:00', '"2026-11-30T00:00" is not a day: expected YYYY-MM-DD, such as 2026-11-16'],
  ])('%s is refused with a sentence that names it', (day, message) => {
    const result = DaySchema.safeParse(day)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })

  it('refuses what is not text', () => {
    expect(DaySchema.safeParse(20261130).error?.issues[0]?.message).toBe('a day is text written YYYY-MM-DD, such as 2026-11-16')
  })
})
