import { describe, expect, it } from 'vitest'
import { filterWorkItems } from '../work-filter'
import { workItem } from '../../testing/work-items'
import { noneMatches, pickerGroups, type PickerRequest } from './picker-options'

const item = workItem

const PRINTER = item('w1', 'TICKET-1234', 'Printer on 2nd floor jams', { customerId: 'c1', customerName: 'Müller Druck GmbH' })
const SWITCH = item('w2', 'WO-77', 'Install new switch', { customerId: 'c2', customerName: 'Acme, Inc.' })
const MEETING = item('w3', null, 'Team meeting', { kind: 'general', billable: false })
const OLD = item('w4', 'TICKET-0001', 'Old printer', { active: false })
const CAFE = item('w5', 'TICKET-2000', 'Café Wi-Fi outage')
const ALL = [PRINTER, SWITCH, MEETING, OLD, CAFE]

const ask = (request: Partial<PickerRequest>) => pickerGroups(ALL, { query: '', recentIds: [], currentId: null, ...request })
const ids = (groups: ReturnType<typeof pickerGroups>) => groups.map((g) => [g.label, g.items.map((w) => w.id)])

describe('finding a work item by what the technician remembers', () => {
  it('matches the reference, the title or the customer, every word, in any case', () => {
    expect(ids(ask({ query: 'ticket-1234' }))).toEqual([['Work items', ['w1']]])
    expect(ids(ask({ query: 'acme switch' }))).toEqual([['Work items', ['w2']]])
    expect(ids(ask({ query: 'printer acme' }))).toEqual([])
  })

  it('ignores accents both ways: "muller" finds Müller, "cafe" finds Café', () => {
    expect(ids(ask({ query: 'muller druck' }))).toEqual([['Work items', ['w1']]])
    expect(ids(ask({ query: 'MÜLLER' }))).toEqual([['Work items', ['w1']]])
    expect(ids(ask({ query: 'cafe wi-fi' }))).toEqual([['Work items', ['w5']]])
  })

  it('the Work items list finds the same items as the picker', () => {
    expect(filterWorkItems(ALL, { text: 'muller', showInactive: false }).map((w) => w.id)).toEqual(['w1'])
    expect(filterWorkItems(ALL, { text: 'old', showInactive: true }).map((w) => w.id)).toEqual(['w4'])
  })
})

describe('what comes first', () => {
  it('with nothing typed: favourites, then recently used (most recent first), then the rest by name', () => {
    const groups = pickerGroups(
      ALL.map((w) => (w.id === 'w5' ? { ...w, favourite: true } : w)),
      { query: '', recentIds: ['w3', 'w5', 'w2'], currentId: null },
    )
    expect(ids(groups)).toEqual([
      ['Favourites', ['w5']],
      ['Recently used', ['w3', 'w2']],
      ['Other work items', ['w1']],
    ])
  })

  it('keeps the same groups while typing, so an item never jumps', () => {
    expect(ids(ask({ query: 'ticket', recentIds: ['w5'] }))).toEqual([
      ['Recently used', ['w5']],
      ['Other work items', ['w1']],
    ])
  })

  it("puts the caller's pinned items first (Add row: items in this period)", () => {
    expect(ids(ask({ recentIds: ['w2'], pinned: { label: 'In this period', ids: new Set(['w2', 'w3']) } }))).toEqual([
      ['In this period', ['w3', 'w2']],
      ['Other work items', ['w1', 'w5']],
    ])
  })

  it('with no favourites or recent items, one group named plainly', () => {
    expect(ids(ask({}))).toEqual([['Work items', ['w3', 'w1', 'w5', 'w2']]])
  })
})

describe('inactive items', () => {
  it('are offered only when they are the current value', () => {
    expect(ask({ query: 'old' })).toEqual([])
    expect(ids(ask({ query: 'old', currentId: 'w4' }))).toEqual([['Work items', ['w4']]])
  })
})

describe('"No work item"', () => {
  it('is offered with nothing typed, or when what is typed matches its words', () => {
    expect(noneMatches('No work item', '')).toBe(true)
    expect(noneMatches('No work item', 'no')).toBe(true)
    expect(noneMatches('No work item', 'printer')).toBe(false)
  })
})
