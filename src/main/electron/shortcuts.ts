// Global shortcuts for the nine timers: CommandOrControl+Alt+1…9 toggles a timer, …+0 pauses
// them all. Another program may already hold a combination, so every binding is reported back
// (registered, taken, invalid or off) for Settings to show, never silently lost.
import type { GlobalShortcut } from 'electron'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { SLOT_COUNT } from '@shared/timers'

type NineAccelerators = readonly [string, string, string, string, string, string, string, string, string]

export const DEFAULT_SHORTCUTS: { readonly toggle: NineAccelerators; readonly pauseAll: string } = {
  toggle: [
    'CommandOrControl+Alt+1',
    'CommandOrControl+Alt+2',
    'CommandOrControl+Alt+3',
    'CommandOrControl+Alt+4',
    'CommandOrControl+Alt+5',
    'CommandOrControl+Alt+6',
    'CommandOrControl+Alt+7',
    'CommandOrControl+Alt+8',
    'CommandOrControl+Alt+9',
  ],
  pauseAll: 'CommandOrControl+Alt+0',
}

export interface ShortcutBindings {
  /** The master switch in Settings: off means no global shortcut at all. */
  enabled: boolean
  /** One accelerator per timer slot, slot 1 first; null switches that one off. */
  toggle: readonly (string | null)[]
  pauseAll: string | null
}

export interface ShortcutActions {
  toggle(slot: number): void
  pauseAll(): void
}

export type ShortcutPurpose = `toggle ${number}` | 'pause all'
export type ShortcutStatus = 'registered' | 'taken' | 'invalid' | 'off'

export interface ShortcutReportEntry {
  readonly purpose: ShortcutPurpose
  /** The timer slot it toggles (1–9), null for pause all. */
  readonly slot: number | null
  /** As written in the settings; null when that binding is switched off. */
  readonly accelerator: string | null
  readonly status: ShortcutStatus
  /** Why it does not work, in words for Settings; absent when registered. */
  readonly reason?: string
}

export interface ShortcutReport {
  /** The nine toggles in slot order (and any extra ones, refused), then pause all. */
  readonly entries: readonly ShortcutReportEntry[]
  /** Removes exactly the shortcuts this call registered, nothing else; calling it again does nothing. */
  unregister(): void
}

type GlobalShortcutPort = Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'>

interface Binding {
  purpose: ShortcutPurpose
  slot: number | null
  accelerator: string | null
  run: () => void
}

/**
 * Registers the timer shortcuts (call after app 'ready'; Electron throws before). To apply
 * changed settings, call the previous report's `unregister()` first, then register again.
 */
export function registerTimerShortcuts(
  globalShortcut: GlobalShortcutPort,
  bindings: ShortcutBindings,
  actions: ShortcutActions,
  translator: Pick<Translator, 't'> = ENGLISH,
): ShortcutReport {
  const { t } = translator
  const wanted: Binding[] = []
  for (let slot = 1; slot <= Math.max(SLOT_COUNT, bindings.toggle.length); slot++) {
    wanted.push({ purpose: `toggle ${slot}`, slot, accelerator: bindings.toggle[slot - 1] ?? null, run: () => actions.toggle(slot) })
  }
  wanted.push({ purpose: 'pause all', slot: null, accelerator: bindings.pauseAll, run: () => actions.pauseAll() })

  const registered: string[] = []
  /** Which binding already has the keys (its slot; null for pause all). */
  const claimedBy = new Map<string, { slot: number | null }>()

  const entries = wanted.map((binding): ShortcutReportEntry => {
    const { purpose, slot, accelerator } = binding
    const result = (status: ShortcutStatus, reason?: string): ShortcutReportEntry =>
      reason === undefined ? { purpose, slot, accelerator, status } : { purpose, slot, accelerator, status, reason }

    if (!bindings.enabled) return result('off', t('notices.shortcut.allOff'))
    if (accelerator === null) return result('off', t('notices.shortcut.off'))
    if (slot !== null && slot > SLOT_COUNT) return result('invalid', t('notices.shortcut.noTimer', { count: SLOT_COUNT, slot }))

    const parsed = parseAccelerator(accelerator, translator)
    if (!parsed.ok) return result('invalid', parsed.problem)
    const owner = claimedBy.get(parsed.canonical)
    if (owner !== undefined) {
      const values = { accelerator, owner: owner.slot === null ? 'pause' : 'toggle', slot: owner.slot ?? 0 }
      return result('invalid', t('notices.shortcut.duplicate', values))
    }
    claimedBy.set(parsed.canonical, { slot })

    let accepted: boolean
    try {
      // Some other part of Stint owns it: leave it alone, and never unregister it later.
      if (globalShortcut.isRegistered(accelerator)) return result('taken', t('notices.shortcut.ownedByStint', { accelerator }))
      accepted = globalShortcut.register(accelerator, binding.run)
    } catch {
      return result('invalid', t('notices.shortcut.notAccepted', { accelerator }))
    }
    if (!accepted) {
      return result('taken', t('notices.shortcut.held', { accelerator }))
    }
    registered.push(accelerator)
    return result('registered')
  })

  return {
    entries,
    unregister() {
      for (const accelerator of registered.splice(0)) globalShortcut.unregister(accelerator)
    },
  }
}

// Accelerator syntax as Electron documents it (https://www.electronjs.org/docs/latest/api/accelerator),
// case-insensitive. This check refuses nonsense early and explains why; Electron remains the
// final judge, and what it refuses is reported as 'invalid' all the same.

const MODIFIERS: ReadonlyMap<string, string> = new Map([
  ['commandorcontrol', 'commandorcontrol'],
  ['cmdorctrl', 'commandorcontrol'],
  ['command', 'command'],
  ['cmd', 'command'],
  ['control', 'control'],
  ['ctrl', 'control'],
  ['alt', 'alt'],
  ['option', 'alt'],
  ['altgr', 'altgr'],
  ['shift', 'shift'],
  ['super', 'super'],
  ['meta', 'super'],
])
const MODIFIER_ORDER = ['commandorcontrol', 'command', 'control', 'alt', 'altgr', 'shift', 'super']
/** Modifiers that only change which character a key types: alone with a key they would swallow typing everywhere. */
const TYPING_MODIFIERS = new Set(['shift', 'altgr'])

const PUNCTUATION = new Set(')!@#$%^&*(:;=<,_->.?/~`{][|\\}"')
const NAMED_KEYS: ReadonlyMap<string, string> = new Map([
  ...['plus', 'space', 'tab', 'capslock', 'numlock', 'scrolllock', 'backspace', 'delete', 'insert', 'return', 'up', 'down', 'left', 'right', 'home', 'end', 'pageup', 'pagedown', 'escape', 'printscreen'].map(
    (key): [string, string] => [key, key],
  ),
  ['enter', 'return'],
  ['esc', 'escape'],
  ...['numdec', 'numadd', 'numsub', 'nummult', 'numdiv', ...Array.from({ length: 10 }, (_, digit) => `num${digit}`)].map((key): [string, string] => [key, key]),
])
/** Keys that type nothing, so they may be a shortcut on their own. */
const STANDALONE_KEYS = new Set([
  ...Array.from({ length: 24 }, (_, index) => `f${index + 1}`),
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
])

function canonicalKey(token: string): string | null {
  const lower = token.toLowerCase()
  if (/^[a-z0-9]$/.test(lower) || (token.length === 1 && PUNCTUATION.has(token))) return lower
  return NAMED_KEYS.get(lower) ?? (STANDALONE_KEYS.has(lower) ? lower : null)
}

type ParsedAccelerator = { ok: true; canonical: string } | { ok: false; problem: string }

/**
 * Modifiers (CommandOrControl/CmdOrCtrl, Command/Cmd, Control/Ctrl, Alt/Option, AltGr, Shift,
 * Super/Meta) each at most once, then exactly one key. A global shortcut also needs a modifier
 * other than Shift or AltGr, unless its key types nothing (F1–F24, media and volume keys).
 * `canonical` is the same for spellings Electron treats alike (case, aliases, modifier order).
 */
function parseAccelerator(text: string, { t }: Pick<Translator, 't'>): ParsedAccelerator {
  const refuse = (problem: string): ParsedAccelerator => ({ ok: false, problem: t('notices.shortcut.unusable', { text: text.slice(0, 60), problem }) })
  if (text.length > 100) return refuse(t('notices.shortcut.tooLong'))
  if (/\s/.test(text)) return refuse(t('notices.shortcut.spaces'))
  const tokens = text.split('+')
  if (tokens.includes('')) return refuse(t('notices.shortcut.emptyPart'))
  const keyToken = tokens.pop() ?? ''

  const modifiers = new Set<string>()
  for (const token of tokens) {
    const modifier = MODIFIERS.get(token.toLowerCase())
    if (modifier === undefined) {
      return canonicalKey(token) === null
        ? refuse(t('notices.shortcut.notModifier', { token: token.slice(0, 20) }))
        : refuse(t('notices.shortcut.moreKeys'))
    }
    if (modifiers.has(modifier)) return refuse(t('notices.shortcut.twice', { token }))
    modifiers.add(modifier)
  }

  if (MODIFIERS.has(keyToken.toLowerCase())) return refuse(t('notices.shortcut.noKey'))
  const key = canonicalKey(keyToken)
  if (key === null) return refuse(t('notices.shortcut.notKey', { key: keyToken.slice(0, 20) }))
  if (!STANDALONE_KEYS.has(key) && [...modifiers].every((modifier) => TYPING_MODIFIERS.has(modifier))) {
    return refuse(t('notices.shortcut.typingOnly'))
  }

  const ordered = MODIFIER_ORDER.filter((modifier) => modifiers.has(modifier))
  return { ok: true, canonical: [...ordered, key].join('+') }
}

/** Why Settings should refuse `text` as a global shortcut, or null when it looks usable. */
export function acceleratorProblem(text: string, translator: Pick<Translator, 't'> = ENGLISH): string | null {
  const parsed = parseAccelerator(text, translator)
  return parsed.ok ? null : parsed.problem
}

/** True when `text` is well-formed and safe to offer to Electron, which still decides in the end. */
export function isPlausibleAccelerator(text: string): boolean {
  return parseAccelerator(text, ENGLISH).ok
}
