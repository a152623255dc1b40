import { describe, expect, it } from 'vitest'
import { weekStartFor } from '@shared/i18n/formats'
import { daysShown } from './use-calendar'

describe('the days the calendar shows', () => {
  it('a week starts on the weekday the period rule says, the day given anywhere in it', () => {
    expect(daysShown('2026-11-18', 'week', weekStartFor({ kind: 'weekly', weekStartsOn: 1 }, 'en-GB'))).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'])
    expect(daysShown('2026-11-18', 'week', weekStartFor({ kind: 'biweekly', anchor: '2026-11-15', weekStartsOn: 0 }, 'en-GB'))[0]).toBe('2026-11-15')
    expect(daysShown('2026-11-14', 'week', 6)).toEqual(['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'])
  })

  it('monthly and semi-monthly rules say nothing of weeks: those start on the language’s first day, Monday in Stint’s English', () => {
    expect(weekStartFor({ kind: 'monthly' }, 'en-GB')).toBe(1)
    expect(weekStartFor({ kind: 'semimonthly' }, 'en-GB')).toBe(1)
  })

  it('a day view is that one day', () => {
    expect(daysShown('2026-11-18', 'day', 1)).toEqual(['2026-11-18'])
  })
})
