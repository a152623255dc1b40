// The reports' refusals travel by id: the English sentence a client and the log read is
// the one from before, and a German window says it in German (the request's problems, as
// the schema words them, stay as they are).
import { describe, expect, it } from 'vitest'
import { readableError, StintError } from '../errors'
import { refusalText } from '../i18n/refusal-text'
import { createTranslator, ENGLISH } from '../i18n/translator'
import { MAX_REPORT_ROWS } from '../reports'
import { parseReportQuery, visibleUsers } from './engine'
import { parseMonthViewQuery } from './month-views'

const GERMAN = createTranslator('de')

function refusalOf(run: () => unknown): StintError {
  try {
    run()
  } catch (error) {
    if (error instanceof StintError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('report refusals by id', () => {
  it('a report request with problems: the first words by id, the problems as data', () => {
    const error = refusalOf(() => parseReportQuery({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], colour: 'red' }))
    expect(error.message).toBe('The report was not run. "colour" is not part of a report request.')
    expect(error.body()).toMatchObject({ messageId: 'refusal.report.notRun', values: { summary: '"colour" is not part of a report request.' } })
    expect(readableError(error.body(), GERMAN)).toBe('Der Bericht wurde nicht erstellt. "colour" is not part of a report request.')
  })

  it('people outside the scope, counted, in both languages', () => {
    const one = refusalOf(() => visibleUsers({ userIds: ['me'] }, ['me', 'you'], 'exported'))
    expect(one.message).toBe('One of the people chosen is not among those whose time you may see; nothing was exported. Choose from your own time and the teams you approve.')
    const two = refusalOf(() => visibleUsers({ userIds: ['me'] }, ['you', 'them']))
    expect(two.message).toBe('2 of the people chosen are not among those whose time you may see; nothing was reported. Choose from your own time and the teams you approve.')
    expect(readableError(two.body(), GERMAN)).toBe(
      '2 der gewählten Personen gehören nicht zu denen, deren Zeit Sie sehen dürfen; es wurde nichts berichtet. Wählen Sie aus Ihrer eigenen Zeit und den Teams, die Sie genehmigen.',
    )
  })

  it('what a device cannot report, and a report too long to show, in German', () => {
    expect(refusalText('refusal.report.localGrouping', { by: 'user' }, GERMAN)).toMatch(/^Der Bericht kann hier nicht nach Person gruppiert werden: /)
    expect(refusalText('refusal.report.tooManyRows', { max: MAX_REPORT_ROWS }, ENGLISH)).toMatch(/^This report would have more than 100,000 rows, too many to show\./)
    expect(refusalText('refusal.report.tooManyRows', { max: MAX_REPORT_ROWS }, GERMAN)).toMatch(/^Dieser Bericht hätte mehr als 100\.000 Zeilen, zu viele für die Anzeige\./)
  })

  it('a month view request that is not an object keeps its example as written', () => {
    const error = refusalOf(() => parseMonthViewQuery('tickets'))
    expect(error.message).toBe('The month view was not made. A month view request is an object with month and view, such as { "month": "2026-11", "view": "tickets" }.')
    expect(readableError(error.body(), GERMAN)).toBe(
      'Die Monatsansicht wurde nicht erstellt. Eine Anfrage für eine Monatsansicht ist ein Objekt mit month und view, etwa { "month": "2026-11", "view": "tickets" }.',
    )
    const missing = refusalOf(() => parseMonthViewQuery({ month: '2026-11' }))
    expect(missing.message).toBe('The month view was not made. Say which month view: entries, tickets, customers or organisations.')
    expect(missing.body().messageId).toBe('refusal.monthView.notMade')
  })
})
