import { describe, expect, it } from 'vitest'
import { roundSeconds, type RoundingRule } from '../rounding'
import { roundForBilling, type ItemToRound } from './billing-rounding'

const UP_15: RoundingRule = { mode: 'up', minutes: 15 }
const item = (entryId: string, minutes: number, day = '2026-11-16', workItemId: string | null = 'printer'): ItemToRound => ({ entryId, workItemId, day, seconds: minutes * 60 })
const minutesOf = (billed: Map<string, number>) => Object.fromEntries([...billed].map(([id, s]) => [id, s / 60]))

describe('rounding for billing', () => {
  const calls = [item('a', 7), item('b', 7), item('c', 7)]

  it('per entry: three 7-minute calls rounded up to 15 minutes bill 45 minutes', () => {
    expect(minutesOf(roundForBilling(calls, { rule: UP_15, scope: 'entry' }))).toEqual({ a: 15, b: 15, c: 15 })
  })

  it('per day per work item: the same calls bill 30 minutes, shared back over them in whole seconds', () => {
    expect(minutesOf(roundForBilling(calls, { rule: UP_15, scope: 'dayWorkItem' }))).toEqual({ a: 10, b: 10, c: 10 })
  })

  it('a minimum charge lifts each entry first, in both scopes', () => {
    const rule = { ...UP_15, minimumMinutes: 15 }
    expect(minutesOf(roundForBilling(calls, { rule, scope: 'entry' }))).toEqual({ a: 15, b: 15, c: 15 })
    expect(minutesOf(roundForBilling(calls, { rule, scope: 'dayWorkItem' }))).toEqual({ a: 15, b: 15, c: 15 })
    // An empty entry is not lifted: the minimum never invents work.
    expect(minutesOf(roundForBilling([item('z', 0)], { rule, scope: 'entry' }))).toEqual({ z: 0 })
  })

  it('groups by day and by work item: other days and other items are rounded apart', () => {
    const items = [item('a', 7), item('b', 7, '2026-11-17'), item('c', 7, '2026-11-16', 'server'), item('d', 7, '2026-11-16', null)]
    expect(minutesOf(roundForBilling(items, { rule: UP_15, scope: 'dayWorkItem' }))).toEqual({ a: 15, b: 15, c: 15, d: 15 })
  })

  it('shares unevenly by proportion, the seconds left going to the largest remainders', () => {
    // 10 + 20 + 40 = 70 min → up to 75 min: 75/70 of each is 10:42.86, 21:25.71, 42:51.43.
    const billed = roundForBilling([item('a', 10), item('b', 20), item('c', 40)], { rule: UP_15, scope: 'dayWorkItem' })
    expect([...billed.values()]).toEqual([643, 1286, 2571])
    expect([...billed.values()].reduce((x, y) => x + y)).toBe(75 * 60)
  })

  it('matches an independent calculation on generated months: every group bills exactly its rounded sum', () => {
    let seed = 5
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
    for (const mode of ['up', 'down', 'nearest'] as const) {
      for (const minutes of [6, 15, 30] as const) {
        const rule: RoundingRule = { mode, minutes, minimumMinutes: random() < 0.5 ? 0 : 15 }
        const items = Array.from({ length: 200 }, (_, i) => ({ entryId: `e${i}`, workItemId: `w${Math.floor(random() * 4)}`, day: `2026-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`, seconds: Math.floor(random() * 3 * 3600) }))
        const billed = roundForBilling(items, { rule, scope: 'dayWorkItem' })
        const groups = new Map<string, ItemToRound[]>()
        for (const it of items) groups.set(`${it.day}/${it.workItemId}`, [...(groups.get(`${it.day}/${it.workItemId}`) ?? []), it])
        for (const group of groups.values()) {
          const lifted = group.reduce((sum, it) => sum + (it.seconds > 0 ? Math.max(it.seconds, (rule.minimumMinutes ?? 0) * 60) : 0), 0)
          const expected = roundSeconds(lifted, { mode, minutes })
          expect(group.reduce((sum, it) => sum + (billed.get(it.entryId) ?? NaN), 0)).toBe(expected)
        }
        for (const it of items) expect(roundForBilling([it], { rule, scope: 'entry' }).get(it.entryId)).toBe(roundSeconds(it.seconds, rule))
      }
    }
  })
})
