// A refusal in the reader's words: the one place a message id and its values become a
// sentence, for the main process's English (its log, the CLI, API clients read
// `message`) and for the window's language (the renderer's client). Values are data, not
// text: days travel as ISO days and durations as seconds, so each reader writes them its
// own way; a value named `lock` is one of the refusal.lock.* reasons (`doing`, `kept`
// and `place` likewise name parts of a storage problem's sentence), and a value named
// `refusal` is another refusal (the team server's, inside the desktop's framing) or, when
// this build does not know that refusal's id, its words as written.
// A value named `isoDay` (or `iso…Day`) is a day the log keeps as written ('2026-11-15', as
// that sentence always was); every reader, English too, sees it as the other days.
import { dayWordFor } from '../day-words'
import { formatDuration } from '../duration'
import { enRefusals } from './en/refusals'
import { ENGLISH, type Translator } from './translator'

export type RefusalId = keyof typeof enRefusals
export type RefusalValues = Readonly<Record<string, string | number>>

/** What a refusal says, as data: the catalogue id and the values of its placeholders. */
export interface Refusal {
  readonly id: RefusalId
  readonly values?: RefusalValues
}

/** Values that name a part of the sentence, said in the reader's words: `lock` a refusal.lock.* reason, `doing`, `kept` and `place` a storage problem's (any other `place` is a folder, as it is). */
const PARTS: Readonly<Record<string, string>> = { lock: 'refusal.lock.', doing: 'refusal.storage.doing.', kept: 'refusal.storage.kept.', place: 'refusal.storage.place.' }
const DAY_KEY = /^(day|[a-z]\w*Day)$/
const SECONDS_KEY = /^(seconds|[a-z]\w*Seconds)$/
const LOG_ISO_DAY_KEY = /^iso\w*Day$/
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export function isRefusalId(id: string): id is RefusalId {
  return Object.hasOwn(enRefusals, id)
}

/** For the log (the English `message`): a window formats what it shows itself. */
export type RefusalAudience = 'log' | 'reader'

function shownValue(key: string, value: string | number, values: RefusalValues, reader: Translator, audience: RefusalAudience): string | number {
  if (audience === 'log' && LOG_ISO_DAY_KEY.test(key)) return value
  if (DAY_KEY.test(key) && typeof value === 'string' && ISO_DAY.test(value)) return dayWordFor(value, reader)
  // English keeps the '.' files and logs use; other languages their own separator.
  if (SECONDS_KEY.test(key) && typeof value === 'number') return formatDuration(value, undefined, reader.language === 'en' ? undefined : reader.locale)
  const part = typeof value === 'string' && Object.hasOwn(PARTS, key) ? `${PARTS[key]}${value}` : null
  if (part !== null) return isRefusalId(part) ? reader.t(part) : value
  if (key === 'refusal' && typeof value === 'string' && value !== '') {
    const rest = Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'refusal'))
    return refusalText(value, rest, reader, audience) ?? value
  }
  return value
}

/** The refusal's sentence in the reader's language; null when this build does not know the id (a newer server's). */
export function refusalText(id: string, values: RefusalValues | undefined, reader: Translator, audience: RefusalAudience = 'reader'): string | null {
  if (!isRefusalId(id)) return null
  const shown: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(values ?? {})) shown[key] = shownValue(key, value, values ?? {}, reader, audience)
  return reader.t(id, shown)
}

/** A refusal framed by another (`frame` says `{refusal}` where `inner` goes): one level of nesting, the inner values beside its id (see framedBy). */
export function framed(frame: RefusalId, inner: Refusal): Refusal {
  return framedBy(frame, inner) ?? inner
}

/** The refusal in English as the log and API clients read it (days an `iso…Day` value names stay ISO days). */
export function englishRefusal(refusal: Refusal): string {
  return refusalText(refusal.id, refusal.values, ENGLISH, 'log') ?? refusal.id
}

/** The refusal as data beside its English sentence on the wire: the id, and the values when it has any. */
export function refusalData(refusal: Refusal): { messageId: string; values?: Record<string, string | number> } {
  return refusal.values ? { messageId: refusal.id, values: { ...refusal.values } } : { messageId: refusal.id }
}

/**
 * `refusal` inside a framing that says it and adds its own end (`{refusal} Nothing was
 * changed.`); a refusal that already holds another is passed on as it is, since one level
 * of nesting is all values can carry.
 */
export function framedBy(frame: RefusalId, refusal: Refusal | undefined): Refusal | undefined {
  if (!refusal) return undefined
  if (refusal.values !== undefined && 'refusal' in refusal.values) return refusal
  return { id: frame, values: { ...refusal.values, refusal: refusal.id } }
}
