import { describe, expect, it } from 'vitest'
import { readableError, refuse, StintError } from '../errors'
import { lookAlikeProblem, lookAlikeRefusal, notKept } from '../org-data'
import { nextPeriodState } from '../period-workflow'
import { englishRefusal, framed, refusalData, refusalText } from './refusal-text'
import { createTranslator, ENGLISH } from './translator'

const GERMAN = createTranslator('de')

describe('a refusal is an id and its values; English is what it always said', () => {
  it('carries its id and values, and its English sentence is the one from before', () => {
    const error = refuse('invalid_request', 'refusal.dayOver24h', { day: '2026-12-03', totalSeconds: 25 * 3600 })
    expect(error).toBeInstanceOf(StintError)
    expect(error.message).toBe('A day has at most 24 hours: Thu 3 Dec would have 25:00. Nothing was changed.')
    expect(error.body()).toEqual({ code: 'invalid_request', message: error.message, messageId: 'refusal.dayOver24h', values: { day: '2026-12-03', totalSeconds: 90000 } })
  })

  it('says the same refusal in German, days and durations as a German reader writes them', () => {
    expect(refusalText('refusal.dayOver24h', { day: '2026-12-03', totalSeconds: 25 * 3600 + 1800 }, GERMAN)).toBe(
      'Ein Tag hat höchstens 24 Stunden: Do 3. Dez. hätte 25:30. Es wurde nichts geändert.',
    )
  })

  it('names the lock it met in the reader’s words', () => {
    const error = refuse('conflict', 'refusal.periodLocked', { lock: 'submitted' })
    expect(error.message).toBe('This period has been submitted for approval, so it is read-only. Withdraw the submission to change it. Nothing was changed.')
    expect(refusalText('refusal.periodLocked', { lock: 'submitted' }, GERMAN)).toBe(
      'Dieser Zeitraum wurde zur Genehmigung eingereicht und ist daher schreibgeschützt. Ziehen Sie die Einreichung zurück, um ihn zu ändern. Es wurde nichts geändert.',
    )
  })

  it('keeps the ISO day the log always had where the sentence had one, while every reader sees the day in words', () => {
    const error = refuse('conflict', 'refusal.dayStillLocked', { isoDay: '2026-11-15', lock: 'approvedServer' })
    expect(error.message).toMatch(/^2026-11-15 is still in a locked period\. This period is approved and locked\./)
    expect(readableError(error.body(), ENGLISH)).toMatch(/^Sun 15 Nov is still in a locked period\./)
    expect(readableError(error.body(), GERMAN)).toMatch(/^So 15. Nov. liegt noch in einem gesperrten Zeitraum\. Dieser Zeitraum ist genehmigt und gesperrt\./)
  })

  it('writes a team server’s answer as it always did for older devices (ISO days, hours with two decimals), and in words and German numbers for a reader', () => {
    const over = { id: 'refusal.sync.dayOver24h', values: { isoDay: '2026-03-02', hours: 25.5 } } as const
    expect(englishRefusal(over)).toBe('A day has at most 24 hours: 2026-03-02 would have 25.50 h. This change was not applied.')
    expect(refusalText(over.id, over.values, GERMAN)).toBe('Ein Tag hat höchstens 24 Stunden: Mo 2. März hätte 25,50 h. Diese Änderung wurde nicht übernommen.')
    const locked = framed('refusal.flowNotKept', { id: 'refusal.path.noLevel1', values: { teams: '"Field"' } })
    expect(locked).toEqual({ id: 'refusal.flowNotKept', values: { teams: '"Field"', refusal: 'refusal.path.noLevel1' } })
    expect(englishRefusal(locked)).toMatch(/^No one but you approves level 1 of "Field", .* then submit again\. Nothing was changed\.$/)
    expect(refusalData(locked)).toEqual({ messageId: 'refusal.flowNotKept', values: locked.values })
  })

  it('closes a rule’s sentence with “Nothing was changed.” in the reader’s language', () => {
    expect(lookAlikeProblem('activityType', { name: 'Travel' })).toBe(
      'An activity type called "Travel" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name. Use that one',
    )
    const error = new StintError('conflict', notKept(lookAlikeRefusal('workItem', { name: 'Printer jam', reference: 'INC-7' })))
    expect(error.message).toBe('INC-7 already exists ("Printer jam"); references that differ only in letter case or invisible characters are the same. Book on that one. Nothing was changed.')
    expect(readableError(error.body(), GERMAN)).toBe(
      'INC-7 gibt es bereits („Printer jam“); Referenzen, die sich nur in Groß- und Kleinschreibung oder unsichtbaren Zeichen unterscheiden, sind dieselbe. Buchen Sie auf diese. Es wurde nichts geändert.',
    )
  })

  it('says the workflow’s refusals (separation of duties) by id too', () => {
    const result = nextPeriodState({ status: 'submitted', level: 2 }, { kind: 'approve' }, 'two', { isOwner: false, approverLevels: [1, 2], isAdmin: false, approvedLevel1: true })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBe('You approved this period at level 1; nobody approves the same period at two levels, so another level 2 approver has to.')
    expect(refusalText(result.refusal.id, result.refusal.values, GERMAN)).toMatch(/^Sie haben diesen Zeitraum auf Stufe 1 genehmigt/)
  })

  it('falls back to the English message for an id this build does not know (a newer server’s), with days in words', () => {
    expect(refusalText('refusal.fromTheFuture', {}, GERMAN)).toBeNull()
    expect(readableError({ code: 'conflict', message: '2026-12-03 is locked.', messageId: 'refusal.fromTheFuture' }, GERMAN)).toBe('Thu 3 Dec is locked.')
  })
})
