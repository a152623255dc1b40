// German is complete: every English message has a German one with the same placeholders
// (a German text that forgot {count} would show a sentence without its number), every
// message is valid ICU, and no two parts of a catalogue claim the same key.
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { describe, expect, it } from 'vitest'
import { DE, DE_PARTS, EN, EN_PARTS, type Catalogue } from './catalogue'
import { createTranslator } from './translator'

/** Every argument a message uses, with its kind ('plural', 'select', 'argument'…), and the arguments inside plural and select cases. */
function placeholders(elements: readonly MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${TYPE[element.type]}`)
        break
      case TYPE.plural:
      case TYPE.select:
        found.add(`${element.value}:${TYPE[element.type]}`)
        for (const option of Object.values(element.options)) placeholders(option.value, found)
        break
      case TYPE.tag:
        found.add(`<${element.value}>`)
        placeholders(element.children, found)
        break
      default:
        break
    }
  }
  return found
}

const sorted = (set: Set<string>): string[] => [...set].sort()

describe('the German catalogue is complete', () => {
  it('has exactly the English keys', () => {
    expect(Object.keys(DE).sort()).toEqual(Object.keys(EN).sort())
  })

  it.each(Object.keys(EN))('%s has the same placeholders in German', (key) => {
    const id = key as keyof Catalogue
    expect(sorted(placeholders(parse(DE[id])))).toEqual(sorted(placeholders(parse(EN[id]))))
  })

  it('no German message is left in English, except words both languages share', () => {
    // Each of these reads the same in German (Ticket, Server, Status, Offline…); any other identical text is an untranslated one.
    const shared = [
      'tray.timerName',
      'tray.runningTimer',
      'settings.appearance.system',
      'settings.language.system',
      'settings.timesheet.expectedProblem',
      'settings.timesheet.unitHmm',
      'shortcuts.status',
      'shortcuts.timer',
      'team.admin',
      'team.server',
      'sync.offline',
      'work.kind.ticket',
      'work.types.name',
      'work.customers.organisation',
      'notices.ok',
      // Timesheet: Details, Esc, Timer and Status are German words too; a row's name is only its parts.
      'timesheet.details',
      'keys.esc',
      'entry.source.timer',
      'subs.status',
      'rows.full',
      'work.dialog.optional',
      'issue.name',
      'issue.status',
      // Reports: "Team", "Ticket", "Tickets", "Organisation", "Person", "h" on an axis and two lists of names.
      'reports.team',
      'reports.contractOf',
      'reports.chart.axis',
      'reports.month.caption',
      'reports.month.col.ticket',
      'reports.month.col.organisation',
      // Billing: a rate times a factor, a customer's total before and after: only their parts.
      'billing.multiplied',
      'billing.leftOut.person',
      'billing.changes.total',
      'reports.month.col.person',
      'reports.month.col.tickets',
      // XLSX column headers: the same words.
      'reports.column.organisation',
      'reports.column.person',
      'reports.column.team',
      'reports.column.status',
      'reports.column.ticket',
      'reports.column.tickets',
      // Calendar: a span, and lists of names the reader's own words fill.
      'calendar.span',
      'calendar.rowName',
      // The browser extension: "System" is German too.
      'extension.options.system',
      // Settings → Ticket systems: "Name", and a line the reader's data fills.
      'settings.tickets.name',
      'settings.tickets.failedWrite',
    ]
    const same = Object.keys(EN).filter((key) => EN[key as keyof Catalogue] === DE[key as keyof Catalogue])
    expect(same.filter((key) => !shared.includes(key))).toEqual([])
  })

  it('no two parts of a catalogue share a key', () => {
    const count = (parts: readonly object[]): number => parts.reduce((sum, part) => sum + Object.keys(part).length, 0)
    expect(Object.keys(EN)).toHaveLength(count(EN_PARTS))
    expect(Object.keys(DE)).toHaveLength(count(DE_PARTS))
  })
})

describe('a message is written with its values in the language', () => {
  it('counts in the plural each language needs', () => {
    const en = createTranslator('en')
    const de = createTranslator('de')
    expect(en.t('tray.questions', { count: 1 })).toBe('A question waits — open Stint to answer')
    expect(en.t('tray.questions', { count: 3 })).toBe('3 questions wait — open Stint to answer')
    expect(de.t('tray.questions', { count: 1 })).toBe('Eine Frage wartet — Stint öffnen, um zu antworten')
    expect(de.t('tray.questions', { count: 3 })).toBe('3 Fragen warten — Stint öffnen, um zu antworten')
  })

  it('writes dates and numbers in the language’s locale', () => {
    expect(createTranslator('en').locale).toBe('en-GB')
    expect(createTranslator('de').locale).toBe('de-DE')
  })
})
