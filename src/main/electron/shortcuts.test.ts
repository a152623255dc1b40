import type { GlobalShortcut } from 'electron'
import { describe, expect, it } from 'vitest'
import { createTranslator, type Translator } from '@shared/i18n/translator'
import {
  DEFAULT_SHORTCUTS,
  acceleratorProblem,
  isPlausibleAccelerator,
  registerTimerShortcuts,
  type ShortcutBindings,
  type ShortcutReportEntry,
} from './shortcuts'

/**
 * The operating system's global shortcuts as Stint sees them through Electron: other
 * applications may hold some combinations, some strings Electron refuses by throwing, and a
 * test can press a combination as the technician would.
 */
class FakeGlobalShortcut implements Pick<GlobalShortcut, 'register' | 'unregister' | 'isRegistered'> {
  /** Combinations another application holds: register returns false for them. */
  readonly heldByOtherApps = new Set<string>()
  /** Strings Electron cannot convert to an accelerator: it throws. */
  readonly refusedByElectron = new Set<string>()
  /** Every accelerator register was called with, in order. */
  readonly registerCalls: string[] = []
  private readonly callbacks = new Map<string, () => void>()

  register(accelerator: string, callback: () => void): boolean {
    this.registerCalls.push(accelerator)
    this.throwIfRefused(accelerator)
    if (this.heldByOtherApps.has(accelerator) || this.callbacks.has(accelerator)) return false
    this.callbacks.set(accelerator, callback)
    return true
  }

  unregister(accelerator: string): void {
    this.throwIfRefused(accelerator)
    this.callbacks.delete(accelerator)
  }

  isRegistered(accelerator: string): boolean {
    this.throwIfRefused(accelerator)
    return this.callbacks.has(accelerator)
  }

  /** This application's registered shortcuts. */
  registered(): string[] {
    return [...this.callbacks.keys()]
  }

  /** The user presses the keys; returns whether anything in this app reacted. */
  press(accelerator: string): boolean {
    const callback = this.callbacks.get(accelerator)
    callback?.()
    return callback !== undefined
  }

  private throwIfRefused(accelerator: string): void {
    if (this.refusedByElectron.has(accelerator)) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`)
    }
  }
}

const DEFAULTS: ShortcutBindings = { enabled: true, ...DEFAULT_SHORTCUTS }

function setUp(bindings: ShortcutBindings = DEFAULTS, prepare: (system: FakeGlobalShortcut) => void = () => undefined, translator?: Translator) {
  const system = new FakeGlobalShortcut()
  prepare(system)
  const done: string[] = []
  const actions = {
    toggle: (slot: number) => done.push(`toggle ${slot}`),
    pauseAll: () => done.push('pause all'),
  }
  const report = translator ? registerTimerShortcuts(system, bindings, actions, translator) : registerTimerShortcuts(system, bindings, actions)
  const entryFor = (purpose: string): ShortcutReportEntry => {
    const entry = report.entries.find((candidate) => candidate.purpose === purpose)
    if (!entry) throw new Error(`no report entry for "${purpose}"`)
    return entry
  }
  return { system, report, done, entryFor }
}

function withToggle(slot: number, accelerator: string | null, bindings: ShortcutBindings = DEFAULTS): ShortcutBindings {
  const toggle = [...bindings.toggle]
  toggle[slot - 1] = accelerator
  return { ...bindings, toggle }
}

describe('global shortcuts for the timers', () => {
  it('offers Ctrl+Alt+1…9 for the nine timers and Ctrl+Alt+0 to pause them all', () => {
    expect(DEFAULT_SHORTCUTS.toggle).toHaveLength(9)
    expect(DEFAULT_SHORTCUTS.toggle[2]).toBe('CommandOrControl+Alt+3')
    expect(DEFAULT_SHORTCUTS.pauseAll).toBe('CommandOrControl+Alt+0')
    for (const accelerator of [...DEFAULT_SHORTCUTS.toggle, DEFAULT_SHORTCUTS.pauseAll]) expect(isPlausibleAccelerator(accelerator)).toBe(true)
  })

  it('registers all ten by default and reports each one', () => {
    const { system, report } = setUp()

    expect(system.registered()).toHaveLength(10)
    expect(report.entries.map((entry) => [entry.purpose, entry.accelerator, entry.status])).toEqual([
      ...Array.from({ length: 9 }, (_, index) => [`toggle ${index + 1}`, `CommandOrControl+Alt+${index + 1}`, 'registered']),
      ['pause all', 'CommandOrControl+Alt+0', 'registered'],
    ])
    expect(report.entries.every((entry) => entry.reason === undefined)).toBe(true)
    expect(report.entries.map((entry) => entry.slot)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null])
  })

  it('toggles timer 3 on Ctrl+Alt+3 and pauses all on Ctrl+Alt+0', () => {
    const { system, done } = setUp()

    system.press('CommandOrControl+Alt+3')
    system.press('CommandOrControl+Alt+0')
    system.press('CommandOrControl+Alt+9')

    expect(done).toEqual(['toggle 3', 'pause all', 'toggle 9'])
  })

  it('reports a combination another application holds as taken, and the others still work', () => {
    const { system, entryFor, done } = setUp(DEFAULTS, (fake) => fake.heldByOtherApps.add('CommandOrControl+Alt+5'))

    expect(entryFor('toggle 5')).toMatchObject({ accelerator: 'CommandOrControl+Alt+5', status: 'taken' })
    expect(entryFor('toggle 5').reason).toMatch(/held by another application.*choose other keys/i)
    expect(system.registered()).toHaveLength(9)

    expect(system.press('CommandOrControl+Alt+5')).toBe(false)
    system.press('CommandOrControl+Alt+6')
    expect(done).toEqual(['toggle 6'])
  })

  it('reports a combination Electron refuses as invalid, and the others still work', () => {
    const { system, entryFor, done } = setUp(withToggle(2, 'Super+Alt+Q'), (fake) => fake.refusedByElectron.add('Super+Alt+Q'))

    expect(entryFor('toggle 2')).toMatchObject({ accelerator: 'Super+Alt+Q', status: 'invalid' })
    expect(entryFor('toggle 2').reason).toMatch(/not a shortcut this system accepts/)
    expect(system.registered()).toHaveLength(9)

    system.press('CommandOrControl+Alt+1')
    expect(done).toEqual(['toggle 1'])
  })

  it.each([
    ['no key', 'CommandOrControl+Alt', /no key after the modifiers/],
    ['an unknown modifier', 'Hyper+1', /"Hyper" is not a modifier/],
    ['an unknown key', 'Ctrl+Alt+F25', /"F25" is not a key/],
    ['a plain letter', 'A', /needs CommandOrControl, Alt or Super/],
    ['Shift and a letter', 'Shift+A', /needs CommandOrControl, Alt or Super/],
    ['spaces', 'Ctrl + Alt + 1', /without spaces/],
    ['an empty string', '', /empty part/],
  ])('refuses %s as invalid without handing it to Electron', (_story, accelerator, reason) => {
    const { system, entryFor } = setUp(withToggle(4, accelerator))

    expect(entryFor('toggle 4')).toMatchObject({ accelerator, status: 'invalid' })
    expect(entryFor('toggle 4').reason).toMatch(reason)
    expect(system.registerCalls).not.toContain(accelerator)
    expect(system.registered()).toHaveLength(9)
  })

  it('registers nothing when global shortcuts are switched off, and says so for each', () => {
    const { system, report } = setUp({ ...DEFAULTS, enabled: false })

    expect(system.registerCalls).toEqual([])
    expect(report.entries).toHaveLength(10)
    for (const entry of report.entries) {
      expect(entry.status).toBe('off')
      expect(entry.reason).toMatch(/switched off in Settings/)
    }
    expect(report.entries[0]?.accelerator).toBe('CommandOrControl+Alt+1')
  })

  it('leaves a single shortcut that is switched off unregistered', () => {
    const { system, entryFor } = setUp({ ...withToggle(7, null), pauseAll: null })

    expect(entryFor('toggle 7')).toMatchObject({ accelerator: null, status: 'off' })
    expect(entryFor('pause all')).toMatchObject({ accelerator: null, status: 'off' })
    expect(system.registered()).toHaveLength(8)
    expect(system.registered()).not.toContain('CommandOrControl+Alt+7')
  })

  it('refuses the second use of the same keys, however they are spelled', () => {
    const bindings = { ...withToggle(2, 'alt+cmdorctrl+1'), pauseAll: 'CommandOrControl+Alt+3' }
    const { system, entryFor, done } = setUp(bindings)

    expect(entryFor('toggle 1').status).toBe('registered')
    expect(entryFor('toggle 2')).toMatchObject({ accelerator: 'alt+cmdorctrl+1', status: 'invalid' })
    expect(entryFor('toggle 2').reason).toMatch(/already set for "toggle 1"/)
    expect(entryFor('toggle 3').status).toBe('registered')
    expect(entryFor('pause all')).toMatchObject({ status: 'invalid' })
    expect(entryFor('pause all').reason).toMatch(/already set for "toggle 3"/)
    expect(system.registerCalls).toEqual(system.registered())

    system.press('CommandOrControl+Alt+1')
    expect(done).toEqual(['toggle 1'])
  })

  it('fills missing slots as off and refuses toggles beyond the ninth timer', () => {
    const short = setUp({ ...DEFAULTS, toggle: ['CommandOrControl+Alt+1'] })
    expect(short.report.entries.map((entry) => entry.status)).toEqual(['registered', ...Array<string>(8).fill('off'), 'registered'])

    const long = setUp({ ...DEFAULTS, toggle: [...DEFAULT_SHORTCUTS.toggle, 'CommandOrControl+Alt+F10'] })
    expect(long.entryFor('toggle 10')).toMatchObject({ slot: 10, status: 'invalid' })
    expect(long.entryFor('toggle 10').reason).toMatch(/no timer 10/)
    expect(long.system.registerCalls).not.toContain('CommandOrControl+Alt+F10')
  })

  it('unregisters exactly what it registered and leaves other shortcuts alone', () => {
    const { system, report, entryFor } = setUp(DEFAULTS, (fake) => {
      // Another part of Stint already owns one default and an unrelated combination.
      fake.register('CommandOrControl+Alt+8', () => undefined)
      fake.register('CommandOrControl+Shift+Space', () => undefined)
    })
    expect(entryFor('toggle 8')).toMatchObject({ status: 'taken' })
    expect(entryFor('toggle 8').reason).toMatch(/another part of Stint/)

    report.unregister()

    expect(system.registered()).toEqual(['CommandOrControl+Alt+8', 'CommandOrControl+Shift+Space'])
    report.unregister()
    expect(system.registered()).toEqual(['CommandOrControl+Alt+8', 'CommandOrControl+Shift+Space'])
  })

  it('applies changed settings: the old keys stop working, the new ones toggle', () => {
    const { system, report, done } = setUp()
    const changed = { ...withToggle(1, 'CommandOrControl+Shift+F1'), pauseAll: 'CommandOrControl+Shift+F12' }

    report.unregister()
    const again = registerTimerShortcuts(system, changed, {
      toggle: (slot) => done.push(`toggle ${slot}`),
      pauseAll: () => done.push('pause all'),
    })

    expect(again.entries.every((entry) => entry.status === 'registered')).toBe(true)
    expect(system.press('CommandOrControl+Alt+1')).toBe(false)
    expect(system.press('CommandOrControl+Alt+0')).toBe(false)
    system.press('CommandOrControl+Shift+F1')
    system.press('CommandOrControl+Shift+F12')
    expect(done).toEqual(['toggle 1', 'pause all'])
  })
})

describe('a plausible accelerator', () => {
  it.each([
    'CommandOrControl+Alt+1',
    'CmdOrCtrl+Shift+F5',
    'ctrl+alt+t',
    'Control+Alt+Space',
    'Option+Cmd+K',
    'Super+Alt+num5',
    'Meta+Shift+Plus',
    'Ctrl+Alt+/',
    'Alt+Enter',
    'F9',
    'Shift+F13',
    'MediaPlayPause',
  ])('accepts %s', (accelerator) => {
    expect(acceleratorProblem(accelerator)).toBeNull()
    expect(isPlausibleAccelerator(accelerator)).toBe(true)
  })

  it.each([
    ['', /empty part/],
    ['Ctrl+Alt', /no key/],
    ['Ctrl+Ctrl+1', /names Ctrl twice/],
    ['Ctrl+Control+1', /names Control twice/],
    ['Ctrl+Alt+1+2', /more than one key/],
    ['Ctrl+Alt++', /empty part; write the \+ key as Plus/],
    ['Ctrl+Alt+ü', /"ü" is not a key/],
    ['Ctrl+Alt+F0', /"F0" is not a key/],
    ['Banana+1', /"Banana" is not a modifier/],
    ['A', /needs CommandOrControl, Alt or Super/],
    ['Shift+A', /needs CommandOrControl, Alt or Super/],
    ['AltGr+Q', /needs CommandOrControl, Alt or Super/],
    ['Ctrl+Alt+1 ', /without spaces/],
    [`Ctrl+${'Alt+'.repeat(30)}1`, /too long/],
  ])('refuses %j', (accelerator, problem) => {
    expect(acceleratorProblem(accelerator)).toMatch(problem)
    expect(isPlausibleAccelerator(accelerator)).toBe(false)
  })
})

describe('why a shortcut does not work, in German', () => {
  const german = createTranslator('de')

  it('names the action that already has the keys, and what to do', () => {
    const bindings = { ...withToggle(2, 'alt+cmdorctrl+1'), pauseAll: 'CommandOrControl+Alt+3' }
    const { entryFor } = setUp(bindings, () => undefined, german)
    expect(entryFor('toggle 2').reason).toBe('alt+cmdorctrl+1 ist bereits für „Timer 1 umschalten“ vergeben; geben Sie jedem Tastenkürzel eigene Tasten.')
    expect(entryFor('pause all').reason).toMatch(/für „Timer 3 umschalten“ vergeben/)
  })

  it('says when the shortcuts are off, held elsewhere or not usable', () => {
    expect(setUp({ ...DEFAULTS, enabled: false }, () => undefined, german).entryFor('pause all').reason).toBe('Globale Tastenkürzel sind in den Einstellungen ausgeschaltet.')
    const held = setUp(DEFAULTS, (fake) => fake.register('CommandOrControl+Alt+8', () => undefined), german)
    expect(held.entryFor('toggle 8').reason).toMatch(/wird bereits von einem anderen Teil von Stint verwendet/)
    expect(setUp(withToggle(4, 'Shift+A'), () => undefined, german).entryFor('toggle 4').reason).toBe(
      '„Shift+A“ ist kein brauchbares Tastenkürzel: Es braucht CommandOrControl, Alt oder Super; ohne sie würde die Taste in jedem anderen Programm nicht mehr funktionieren.',
    )
    expect(acceleratorProblem('Hyper+1', german)).toMatch(/„Hyper“ ist keine Zusatztaste/)
  })
})
