import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectSources, parseImport, separatorOf, type ImportCandidate } from '@shared/import/import-parse'
import { readDay, readDuration, readTime } from '@shared/import/import-values'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', '..', 'tests', 'fixtures', 'import', name), 'utf8')

function parsed(name: string) {
  const result = parseImport(fixture(name))
  if (!result.ok) throw new Error(`${name} was refused: ${result.reason.id}`)
  return result
}

const pick = (c: ImportCandidate) => ({ day: c.day, start: c.start, end: c.end, endDay: c.endDay, seconds: c.seconds, description: c.description, project: c.project, client: c.client, task: c.task, billable: c.billable, tags: c.tags })

describe('the cells of other trackers', () => {
  it('reads their days, times and durations', () => {
    expect(readDay('2026-11-16')).toBe('2026-11-16')
    expect(readDay('11/16/2026')).toBe('2026-11-16')
    expect(readDay('16/11/2026', 'day-first')).toBe('2026-11-16')
    expect(readDay('16.11.2026')).toBe('2026-11-16')
    expect(readDay('2026-02-30')).toBeNull()
    expect(readDay('2026-11-16 09:00')).toBe('2026-11-16')
    expect(readTime('09:00:00 AM')).toBe('09:00:00')
    expect(readTime('12:15:00 AM')).toBe('00:15:00')
    expect(readTime('01:15 PM')).toBe('13:15:00')
    expect(readTime('2026-11-16 13:15')).toBe('13:15:00')
    expect(readTime('25:00')).toBeNull()
    expect(readDuration('01:30:00')).toBe(5400)
    expect(readDuration('1:45')).toBe(6300)
    expect(readDuration('1,75')).toBe(6300)
    expect(readDuration('2.25')).toBe(8100)
    expect(readDuration('abc')).toBeNull()
  })

  it('tells the separator from the header row, quotes aside', () => {
    expect(separatorOf('a;b;"c,d"\n1,2,3')).toBe(';')
    expect(separatorOf('a,b,c')).toBe(',')
    expect(separatorOf('a\tb\tc')).toBe('\t')
  })
})

describe('each source is told by its header row', () => {
  it('detects Toggl, Clockify, Harvest and Kimai (English and German)', () => {
    expect(parsed('toggl-detailed.csv').source).toBe('toggl')
    expect(parsed('clockify-detailed.csv').source).toBe('clockify')
    expect(parsed('harvest-detailed.csv').source).toBe('harvest')
    expect(parsed('kimai-export.csv').source).toBe('kimai')
    expect(parsed('kimai-export-de.csv').source).toBe('kimai')
    expect(detectSources(['Foo', 'Bar'])).toEqual([])
  })

  it('refuses a file it does not know, and one that lacks the chosen source’s columns', () => {
    expect(parseImport('Foo,Bar\n1,2\n')).toEqual({ ok: false, reason: { id: 'refusal.import.unknownSource' } })
    expect(parseImport('Date,Hours\n2026-11-16,1\n', 'harvest')).toEqual({ ok: false, reason: { id: 'refusal.import.columnsMissing', values: { source: 'Harvest', columns: 'Project' } } })
    expect(parseImport('Date,Hours,Project\n')).toEqual({ ok: false, reason: { id: 'refusal.import.empty' } })
    expect(parseImport('Date,Hours,Project\n2026-11-16,"1,Acme\n')).toMatchObject({ ok: false, reason: { id: 'refusal.import.notCsv' } })
  })
})

describe('Toggl Track detailed report', () => {
  const result = parsed('toggl-detailed.csv')

  it('reads each row with its times, a quoted line break and tags; a BOM is not part of the first header', () => {
    expect(result.candidates.map(pick)).toEqual([
      { day: '2026-11-16', start: '09:00:00', end: '10:30:00', endDay: '2026-11-16', seconds: 5400, description: 'Replaced toner', project: 'Printer fleet', client: 'Acme', task: '', billable: true, tags: ['onsite', 'hardware'] },
      { day: '2026-11-16', start: '11:00:00', end: '11:45:00', endDay: '2026-11-16', seconds: 2700, description: 'Network scan,\nsecond floor', project: 'Printer fleet', client: 'Acme', task: '', billable: true, tags: [] },
      { day: '2026-11-17', start: '23:00:00', end: '01:00:00', endDay: '2026-11-18', seconds: 7200, description: 'Night shift', project: 'Server move', client: 'Globex', task: 'Cabling', billable: false, tags: [] },
      { day: '2026-11-18', start: '14:00:00', end: '14:30:00', endDay: '2026-11-18', seconds: 1800, description: 'Internal meeting', project: '', client: '', task: '', billable: false, tags: [] },
    ])
    expect(result.candidates.map((c) => c.line)).toEqual([2, 3, 5, 6])
  })

  it('refuses the unreadable row naming its line and column, and keeps the others', () => {
    expect(result.unreadable).toEqual([{ line: 7, reason: { id: 'refusal.import.badDay', values: { line: 7, column: 'Start date', value: '2026-13-40' } } }])
  })

  it('gives the same keys to the same file, and different keys to identical rows', () => {
    const again = parsed('toggl-detailed.csv')
    expect(again.candidates.map((c) => c.key)).toEqual(result.candidates.map((c) => c.key))
    const text = 'Start date,Start time,End date,End time,Duration,Description,Project\n2026-11-16,09:00,2026-11-16,10:00,1:00:00,x,P\n2026-11-16,09:00,2026-11-16,10:00,1:00:00,x,P\n'
    const twins = parseImport(text)
    expect(twins.ok && twins.candidates.map((c) => c.key.slice(-2))).toEqual(['-1', '-2'])
    expect(twins.ok && twins.candidates[0]?.key.slice(0, -2)).toBe(twins.ok && twins.candidates[1]?.key.slice(0, -2))
  })
})

describe('Clockify, Harvest and Kimai', () => {
  it('Clockify: semicolons, US days, AM/PM times, decimal commas', () => {
    const result = parsed('clockify-detailed.csv')
    expect(result.candidates.map(pick)).toEqual([
      { day: '2026-11-16', start: '09:00:00', end: '10:30:00', endDay: '2026-11-16', seconds: 5400, description: 'Replaced toner', project: 'Printer fleet', client: 'Acme', task: '', billable: true, tags: ['onsite'] },
      { day: '2026-11-17', start: '13:15:00', end: '15:00:00', endDay: '2026-11-17', seconds: 6300, description: 'Racked switches', project: 'Server move', client: 'Globex', task: 'Cabling', billable: false, tags: [] },
    ])
    expect(result.unreadable).toEqual([{ line: 4, reason: { id: 'refusal.import.badTime', values: { line: 4, column: 'Start Time', value: '25:00:00 PM' } } }])
  })

  it('Harvest: decimal hours without times, quoted quotes', () => {
    const result = parsed('harvest-detailed.csv')
    expect(result.candidates.map(pick)).toEqual([
      { day: '2026-11-16', start: null, end: null, endDay: null, seconds: 5400, description: 'Replaced toner', project: 'Printer fleet', client: 'Acme', task: 'Support', billable: true, tags: [] },
      { day: '2026-11-17', start: null, end: null, endDay: null, seconds: 8100, description: 'Racked "core" switches', project: 'Server move', client: 'Globex', task: 'Cabling', billable: false, tags: [] },
    ])
    expect(result.unreadable).toEqual([{ line: 4, reason: { id: 'refusal.import.badDuration', values: { line: 4, column: 'Hours', value: 'abc' } } }])
  })

  it('Kimai: From and To with the customer and activity; the German export too', () => {
    expect(parsed('kimai-export.csv').candidates.map(pick)[1]).toEqual({
      day: '2026-11-17', start: '13:15:00', end: '15:00:00', endDay: '2026-11-17', seconds: 6300, description: 'Racked switches', project: 'Server move', client: 'Globex', task: 'Cabling', billable: null, tags: [],
    })
    expect(parsed('kimai-export-de.csv').candidates.map(pick)).toEqual([
      { day: '2026-11-16', start: '09:00:00', end: '10:30:00', endDay: '2026-11-16', seconds: 5400, description: 'Toner getauscht', project: 'Printer fleet', client: 'Acme', task: 'Support', billable: null, tags: ['vor Ort'] },
    ])
  })
})
