// Durations as people type and read them. The grid, the timer dialogs and manual
// entries all parse with the same grammar, so '1:30', '1h30m' and '1.5' mean the same
// thing everywhere; formatting is display only and never changes the stored seconds.
// Parsing takes '.' and ',' as the decimal separator in every language (a German '1,5'
// and an English '1.5' are both 1:30: a duration is never over 24 hours, so neither can
// be a thousands separator) and English and German unit words; formatting writes the
// locale's separator ('1,50' in German).
import { decimalSeparator } from './i18n/formats'
import { ENGLISH, type Translator } from './i18n/translator'

/** The messages' translator: the refusals are said in the person's language (English without one). */
type Translate = Translator['t']

export type DurationParseResult = { ok: true; seconds: number } | { ok: false; error: string }
export type DurationDeltaResult = { ok: true; sign: 1 | -1; seconds: number } | { ok: false; error: string }

/** How a duration is shown; `custom` shows decimal hours followed by the label, e.g. '1.5 units'. */
export type DurationUnit = 'hmm' | 'decimal' | 'minutes' | 'quarters' | { custom: string }

export const DEFAULT_DURATION_UNIT: DurationUnit = 'hmm'

const DAY_SECONDS = 24 * 3600
// Long enough for '23 hours 59 minutes 59 seconds' (30); anything longer is a paste gone wrong.
const MAX_LENGTH = 32

/** The generic refusal, naming what was typed so the person sees what was read. */
type Hint = (t: Translate, shown: string) => string
const durationHint: Hint = (t, shown) => t('durationParse.notADuration', { shown })
const deltaHint: Hint = (t, shown) => t('durationParse.notAChange', { shown })

type Unit = 'h' | 'm' | 's'

const UNIT_WORDS: Record<string, Unit> = {
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  // German: Std./Stunde(n), Min./Minute(n), Sek./Sekunde(n) ('1 Std. 30 Min.' reads as 1h 30m).
  std: 'h',
  stunde: 'h',
  stunden: 'h',
  minuten: 'm',
  sek: 's',
  sekunde: 's',
  sekunden: 's',
}
const UNIT_SECONDS: Record<Unit, number> = { h: 3600, m: 60, s: 1 }
const UNIT_EXAMPLES: Record<Unit, string> = { h: '2h', m: '45m', s: '30s' }
const UNIT_ORDER: Unit[] = ['h', 'm', 's']

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error })

const isMinus = (char: string | undefined): boolean => char === '-' || char === '\u2212' // U+2212 is what some keyboards and pastes give

/**
 * Parses a duration typed by a person into whole seconds (rounded to the nearest
 * second), from 0 up to 24 hours. Accepted, in any letter case and with spaces
 * around the parts:
 * - h:mm and h:mm:ss, minutes and seconds as two digits 00–59 ('1:30', '0:05', ':45', '1:30:15');
 * - a bare number, which is hours, with '.' or ',' as decimal separator ('2', '1.5', '1,5', '.25');
 * - numbers with units h/hr/hrs/hour/hours, m/min/mins/minute/minutes, s/sec/secs/second/seconds,
 *   each unit once and in that order ('1.5h', '90 min', '1h 30m', '1 h 30 min', '2h 15m 10s');
 *   a bare whole number after hours is minutes ('1h30', '1h 5' is 1:05).
 * Minutes beside hours, and seconds beside minutes or hours, must be under 60.
 */
export function parseDuration(text: string, translator: Pick<Translator, 't'> = ENGLISH): DurationParseResult {
  const { t } = translator
  const shown = text.trim()
  if (shown === '') return fail(t('durationParse.empty'))
  if (shown.length > MAX_LENGTH) return fail(t('durationParse.tooLong'))
  if (isMinus(shown[0])) return fail(t('durationParse.negative'))
  if (shown.startsWith('+')) return fail(t('durationParse.noSign'))
  return parseMagnitude(t, shown, shown, durationHint)
}

/**
 * Parses a change to an existing duration, as the grid takes it: '+0:30', '-15m',
 * '+ 1.5'. The sign is required; the rest follows the grammar of parseDuration.
 */
export function parseDurationDelta(text: string, translator: Pick<Translator, 't'> = ENGLISH): DurationDeltaResult {
  const { t } = translator
  const shown = text.trim()
  if (shown === '') return fail(t('durationParse.emptyChange'))
  if (shown.length > MAX_LENGTH) return fail(t('durationParse.tooLong'))
  const first = shown[0]
  const sign = first === '+' ? 1 : isMinus(first) ? -1 : undefined
  if (sign === undefined) return fail(t('durationParse.signNeeded'))
  const rest = shown.slice(1).trim()
  const written = sign === 1 ? '+' : '-'
  if (rest === '') return fail(t('durationParse.afterSign', { sign: written }))
  if (rest.startsWith('+') || isMinus(rest[0])) return fail(deltaHint(t, shown))
  const parsed = parseMagnitude(t, rest, shown, deltaHint)
  return parsed.ok ? { ok: true, sign, seconds: parsed.seconds } : parsed
}

const CLOCK_PATTERN = /^(\d*):(\d+)(?::(\d+))?$/

/** `body` has no sign; `shown` is what the person typed, for messages. */
function parseMagnitude(t: Translate, body: string, shown: string, hint: Hint): DurationParseResult {
  const clock = CLOCK_PATTERN.exec(body)
  if (clock) return parseClock(t, clock[1] ?? '', clock[2] ?? '', clock[3], shown, hint)
  if (body.includes(':')) return fail(hint(t, shown))

  const tokens = tokenize(body.toLowerCase())
  if (tokens === undefined) return fail(hint(t, shown))
  const numberProblem = tokens.find((token) => token.kind === 'number' && separatorCount(token.text) > 1)
  if (numberProblem) return fail(t('durationParse.oneSeparator', { shown }))

  const [only] = tokens
  if (tokens.length === 1 && only?.kind === 'number') {
    const hours = numberValue(only.text)
    return hours === undefined ? fail(hint(t, shown)) : total(t, hours * 3600)
  }

  const parts: Partial<Record<Unit, number>> = {}
  let lastRank = -1
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token === undefined) break
    if (token.kind === 'unit') return fail(t('durationParse.numberFirst', { unit: token.text, example: UNIT_EXAMPLES[token.unit] }))
    const value = numberValue(token.text)
    if (value === undefined) return fail(hint(t, shown))
    const next = tokens[i + 1]
    let unit: Unit
    if (next?.kind === 'unit') {
      unit = next.unit
      i++
    } else if (next === undefined && lastRank === 0 && /^\d+$/.test(token.text)) {
      unit = 'm' // '1h30': the whole number after hours is minutes
    } else {
      return fail(hint(t, shown))
    }
    if (parts[unit] !== undefined) return fail(t('durationParse.unitOnce', { unit, shown }))
    const rank = UNIT_ORDER.indexOf(unit)
    if (rank < lastRank) return fail(t('durationParse.unitOrder'))
    lastRank = rank
    parts[unit] = value
  }

  const { h, m, s } = parts
  if (h !== undefined && m !== undefined && m >= 60) return fail(t('durationParse.minutesRange', { shown }))
  if ((h !== undefined || m !== undefined) && s !== undefined && s >= 60) return fail(t('durationParse.secondsRange', { shown }))
  return total(t, (h ?? 0) * UNIT_SECONDS.h + (m ?? 0) * UNIT_SECONDS.m + (s ?? 0) * UNIT_SECONDS.s)
}

function parseClock(t: Translate, hours: string, minutes: string, seconds: string | undefined, shown: string, hint: Hint): DurationParseResult {
  // '1:5' could be 1:05 or 1:50; guessing would book the wrong time without anyone noticing.
  if (minutes.length === 1) return fail(t('durationParse.twoDigits', { hours: hours || '0', minutes }))
  if (minutes.length !== 2 || (seconds !== undefined && seconds.length !== 2)) return fail(hint(t, shown))
  if (Number(minutes) > 59) return fail(t('durationParse.minutesRange', { shown }))
  if (seconds !== undefined && Number(seconds) > 59) return fail(t('durationParse.secondsRange', { shown }))
  return total(t, Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds ?? 0))
}

function total(t: Translate, exactSeconds: number): DurationParseResult {
  const seconds = Math.round(exactSeconds)
  if (!Number.isFinite(seconds) || seconds > DAY_SECONDS) return fail(t('durationParse.overADay'))
  return { ok: true, seconds }
}

type Token = { kind: 'number'; text: string } | { kind: 'unit'; text: string; unit: Unit }

/** Numbers and known unit words; undefined when anything else is in the text. */
function tokenize(lower: string): Token[] | undefined {
  const tokens: Token[] = []
  // Sticky: each token must start where the last one ended, so nothing is skipped unread.
  // A unit word may end in the abbreviation dot German writes ('Std.', 'Min.'), only before a space or the end, so '1h.5' stays refused.
  const pattern = /\s*(?:([\d.,]+)|([a-z]+)(?:\.(?=\s|$))?)\s*/y
  while (pattern.lastIndex < lower.length) {
    const match = pattern.exec(lower)
    if (!match) return undefined
    const [, number, word] = match
    if (number !== undefined) {
      tokens.push({ kind: 'number', text: number })
    } else if (word !== undefined) {
      const unit = UNIT_WORDS[word]
      if (unit === undefined) return undefined
      tokens.push({ kind: 'unit', text: word, unit })
    }
  }
  return tokens
}

const separatorCount = (text: string): number => text.replaceAll(/[^.,]/g, '').length

/** '1.5', '1,5', '.25' or '2.' as a number; undefined when there is no digit. */
function numberValue(text: string): number | undefined {
  if (!/\d/.test(text)) return undefined
  return Number(text.replace(',', '.'))
}

/**
 * Shows `seconds` in `unit`. Each unit rounds half away from zero to what it shows:
 * 'hmm' to whole minutes ('1:30', and '40:00' for a week: hours are not capped),
 * 'decimal' to hundredths of an hour ('1.50'), 'minutes' to whole minutes ('90'),
 * 'quarters' to hundredths of a quarter-hour with trailing zeros dropped ('6', '6.5'),
 * custom to hundredths of an hour, trailing zeros dropped, then the label ('1.5 units').
 * A negative duration (an over/under figure) gets a leading '-', unless it rounds to zero.
 */
export function formatDuration(seconds: number, unit: DurationUnit = DEFAULT_DURATION_UNIT, locale?: string): string {
  if (!Number.isFinite(seconds)) throw new RangeError(`duration must be a finite number of seconds, got ${String(seconds)}`)
  const magnitude = Math.abs(seconds)
  // Without a locale the separator is '.', as files and tests read it.
  const [count, text] = formatMagnitude(magnitude, unit, locale === undefined ? '.' : decimalSeparator(locale))
  // '-0:00' would suggest a deficit that the display cannot show.
  return seconds < 0 && count > 0 ? `-${text}` : text
}

/** The rounded whole count the text shows (to tell zero apart), and the text. */
function formatMagnitude(magnitude: number, unit: DurationUnit, separator: string): [number, string] {
  // Each branch counts whole steps (minutes, hundredths of an hour = 36 s, hundredths of a
  // quarter = 9 s) so that no binary fraction like 1.005 ever decides the last digit.
  switch (unit) {
    case 'hmm': {
      const minutes = Math.round(magnitude / 60)
      return [minutes, `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`]
    }
    case 'decimal': {
      const hundredths = Math.round(magnitude / 36)
      return [hundredths, `${Math.floor(hundredths / 100)}${separator}${String(hundredths % 100).padStart(2, '0')}`]
    }
    case 'minutes': {
      const minutes = Math.round(magnitude / 60)
      return [minutes, String(minutes)]
    }
    case 'quarters': {
      const hundredths = Math.round(magnitude / 9)
      return [hundredths, trimmedHundredths(hundredths, separator)]
    }
    default: {
      const hundredths = Math.round(magnitude / 36)
      const label = unit.custom.trim()
      return [hundredths, label === '' ? trimmedHundredths(hundredths, separator) : `${trimmedHundredths(hundredths, separator)} ${label}`]
    }
  }
}

function trimmedHundredths(hundredths: number, separator: string): string {
  const whole = Math.floor(hundredths / 100)
  const fraction = hundredths % 100
  if (fraction === 0) return String(whole)
  return `${whole}${separator}${String(fraction).padStart(2, '0').replace(/0$/, '')}`
}
