// What a person typed into a cell, read as the cell's new total. One home for the rule,
// so the editor, its error message and the tests agree.
import { formatDuration, parseDuration, parseDurationDelta } from '@shared/duration'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { MAX_DAY_SECONDS } from '@shared/timesheet'
import { EDIT_UNIT } from './grid-model'

/** What was typed, as the cell's new total: a duration, a +/- change, or blank to clear. */
export function typedTotal(text: string, current: number, fixed: number, translator: Pick<Translator, 't'> = ENGLISH): { ok: true; seconds: number } | { ok: false; error: string } {
  const { t } = translator
  const shown = text.trim()
  if (shown === '') return { ok: true, seconds: fixed }
  if (/^[+\-\u2212]/.test(shown)) {
    const delta = parseDurationDelta(shown, translator)
    if (!delta.ok) return delta
    const seconds = current + delta.sign * delta.seconds
    if (seconds < 0) return { ok: false, error: t('grid.belowZero', { duration: formatDuration(current, EDIT_UNIT) }) }
    if (seconds > MAX_DAY_SECONDS) return { ok: false, error: t('durationParse.overADay') }
    return { ok: true, seconds }
  }
  return parseDuration(shown, translator)
}
