// A first check of a global shortcut typed in Settings, so an obvious slip is explained
// at the field instead of being saved. The main process (and Electron) still decide
// whether a well-formed shortcut can really be registered.
import { ENGLISH, type Translator } from '@shared/i18n/translator'

const MODIFIERS = new Map([
  ['commandorcontrol', 'CommandOrControl'],
  ['cmdorctrl', 'CommandOrControl'],
  ['command', 'Command'],
  ['cmd', 'Command'],
  ['control', 'Control'],
  ['ctrl', 'Control'],
  ['alt', 'Alt'],
  ['option', 'Alt'],
  ['altgr', 'AltGr'],
  ['shift', 'Shift'],
  ['super', 'Super'],
  ['meta', 'Super'],
])

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'printscreen',
  'capslock',
  'numlock',
  'scrolllock',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  ...Array.from({ length: 10 }, (_, digit) => `num${digit}`),
  ...Array.from({ length: 24 }, (_, index) => `f${index + 1}`),
])

const KEY_ALIASES = new Map([
  ['enter', 'return'],
  ['esc', 'escape'],
])

function isKey(token: string): boolean {
  return (token.length === 1 && /[\p{L}\p{N}\p{P}\p{S}]/u.test(token)) || NAMED_KEYS.has(token.toLowerCase())
}

/** Why `text` cannot be a global shortcut, in words for the field; null when it looks usable. */
export function acceleratorProblem(text: string, { t }: Pick<Translator, 't'> = ENGLISH): string | null {
  if (/\s/.test(text)) return t('shortcuts.noSpaces')
  const tokens = text.split('+')
  if (tokens.includes('')) return t('shortcuts.emptyPart')
  const key = tokens.pop() ?? ''
  const seen = new Set<string>()
  for (const token of tokens) {
    const modifier = MODIFIERS.get(token.toLowerCase())
    if (modifier === undefined) {
      return isKey(token) ? t('shortcuts.oneKey') : t('shortcuts.notModifier', { token })
    }
    if (seen.has(modifier)) return t('shortcuts.twice', { token })
    seen.add(modifier)
  }
  if (MODIFIERS.has(key.toLowerCase())) return t('shortcuts.noKey')
  if (!isKey(key)) return t('shortcuts.notKey', { key })
  if (seen.size === 0) return t('shortcuts.noModifier')
  return null
}

/** Canonical spelling for comparing two shortcuts: case, aliases and modifier order do not matter. */
export function acceleratorKey(text: string): string {
  const tokens = text.split('+')
  const typed = (tokens.pop() ?? '').toLowerCase()
  const key = KEY_ALIASES.get(typed) ?? typed
  const modifiers = tokens.map((token) => MODIFIERS.get(token.toLowerCase()) ?? token).sort()
  return [...modifiers, key].join('+')
}
