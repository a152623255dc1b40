// What text Stint stores, in one place: names that look alike must be the same name,
// and nothing invisible may ride along. Names (customers, organisations, work items,
// activity types, labels) are NFC-normalised, every kind of space becomes one plain
// space, runs of spaces collapse, and the ends are trimmed; a name holding an invisible
// or format character (zero-width space, bidi marks, a byte-order mark, a soft hyphen,
// tag characters, control characters…) is refused with the character named, never
// silently stripped: the user sees what was wrong. Free text (descriptions, notes,
// reasons) keeps its lines and tabs but refuses control characters (PostgreSQL cannot
// even store a NUL) and the bidi controls that make text read differently than it is.
import { z } from 'zod'

/** Characters a name never holds: controls, format characters, line/paragraph separators, anything default-ignorable. */
const NAME_REFUSED = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u
/** Free text: controls but tab, line feed and carriage return; bidi embeddings, overrides and isolates; byte-order marks; lone surrogates. */
const FREE_TEXT_REFUSED = /(?![\t\n\r])[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/u

const CHARACTER_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESCAPE',
  0x7f: 'DELETE',
  0xad: 'SOFT HYPHEN',
  0x34f: 'COMBINING GRAPHEME JOINER',
  0x61c: 'ARABIC LETTER MARK',
  0x115f: 'HANGUL CHOSEONG FILLER',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0x3164: 'HANGUL FILLER',
  0xfeff: 'BYTE ORDER MARK',
}

/** "U+200B ZERO WIDTH SPACE", "U+E0041 (a tag character)", "U+0007 (a control character)". */
export function describeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  const name = CHARACTER_NAMES[code]
  if (name) return `${hex} ${name}`
  if (code >= 0xe0000 && code <= 0xe007f) return `${hex} (a tag character)`
  if (code >= 0xfe00 && code <= 0xfe0f) return `${hex} (a variation selector)`
  if (code >= 0xe0100 && code <= 0xe01ef) return `${hex} (a variation selector)`
  if (/\p{Cc}/u.test(character)) return `${hex} (a control character)`
  if (/\p{Cs}/u.test(character)) return `${hex} (half of a broken character pair)`
  return `${hex} (an invisible character)`
}

/** A name as Stint stores and compares it: NFC, one plain space between words, trimmed. */
export function normaliseName(text: string): string {
  return trimSpace(text.normalize('NFC').replace(/\p{Zs}+/gu, ' '))
}

/** Free text as Stint stores it: NFC, trimmed at the ends; lines and tabs inside are kept. */
export function normaliseFreeText(text: string): string {
  return trimSpace(text.normalize('NFC'))
}

/** Characters as a person counts them (and as both databases' length() does): code points, not UTF-16 units. */
function characterCount(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // A high surrogate followed by a low one is one character; a lone half counts as one too.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
    }
    count++
  }
  return count
}

/** Trims Unicode white space only: String.prototype.trim also eats U+FEFF, which must be seen and refused. */
function trimSpace(text: string): string {
  return text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '')
}

/** Why `text` cannot be a name (`what`: "A customer name"), or undefined. Counts positions in characters, from 1. */
export function nameProblem(text: string, what: string): string | undefined {
  return refusedProblem(text, what, NAME_REFUSED)
}

/** Why `text` cannot be stored as free text, or undefined. */
export function freeTextProblem(text: string, what: string): string | undefined {
  return refusedProblem(text, what, FREE_TEXT_REFUSED)
}

/**
 * Emoji are written with invisible helpers: a variation selector after a pictograph asks for
 * its emoji or text look ("⚠️"), and a zero-width joiner glues pictographs into one ("👩‍💻").
 * Those two uses are what they look like, so a name may hold them; anywhere else they are
 * refused like any invisible character. (nameKey drops them, so "⚠️ Urgent" and "⚠ Urgent"
 * are one name.)
 */
const EMOJI_HELPER = /(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}]?)[\uFE0E\uFE0F]|(?<=\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?)\u200D(?=\p{Extended_Pictographic})/uy

function refusedProblem(text: string, what: string, refused: RegExp): string | undefined {
  const every = new RegExp(refused.source, 'gu')
  let match: RegExpExecArray | null
  while ((match = every.exec(text)) !== null) {
    EMOJI_HELPER.lastIndex = match.index
    if (!EMOJI_HELPER.test(text)) break
  }
  if (!match) return undefined
  const position = characterCount(text.slice(0, match.index)) + 1
  return `${what} cannot contain invisible or control characters: it has ${describeCharacter(match[0])} at character ${position}. Type it again without it`
}

/** Line breaks and other controls count as a space in a key; format and invisible characters as nothing. */
const KEY_AS_SPACE = /[\p{Cc}\p{Zl}\p{Zp}]/gu
const KEY_DROPPED = /[\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu

/**
 * The one name key two look-alike names share: normalised and case-folded (what uniqueness
 * is checked on). Invisible characters are left out of the key, so a name stored before
 * they were refused ("Acme" + U+200B) still meets its visible twin ("acme").
 */
export function nameKey(text: string): string {
  return normaliseName(text.replace(KEY_AS_SPACE, ' ').replace(KEY_DROPPED, '')).toLocaleLowerCase('und')
}

interface NameOptions {
  max: number
  /** How an empty name is reported; left out, an empty name is allowed (the caller's own rule decides). */
  required?: boolean
}

/**
 * A name field: normalised first, then checked. `what` starts the messages ("A customer
 * name cannot be empty"). The value parsed is the normalised name, so every path that
 * parses stores the same text for what looks the same.
 */
export function nameSchema(what: string, options: NameOptions) {
  return z
    .string({ error: `${what} must be text` })
    .overwrite(normaliseName)
    .superRefine((text, context) => {
      if (options.required !== false && text === '') context.addIssue({ code: 'custom', message: `${what} cannot be empty` })
      else if (characterCount(text) > options.max) context.addIssue({ code: 'custom', message: `${what} can be at most ${options.max} characters` })
      else {
        const problem = nameProblem(text, what)
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem })
      }
    })
}

/** A free-text field (description, note, reason): normalised, at most `max` characters, no control characters. */
export function freeTextSchema(what: string, max: number) {
  return z
    .string({ error: `${what} must be text` })
    .overwrite(normaliseFreeText)
    .superRefine((text, context) => {
      if (characterCount(text) > max) context.addIssue({ code: 'custom', message: `${what} can be at most ${max} characters` })
      else {
        const problem = freeTextProblem(text, what)
        if (problem !== undefined) context.addIssue({ code: 'custom', message: problem })
      }
    })
}
