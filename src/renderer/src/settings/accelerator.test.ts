import { describe, expect, it } from 'vitest'
import { acceleratorKey, acceleratorProblem } from './accelerator'

describe('checking a global shortcut typed in Settings', () => {
  it('accepts a modifier (in any spelling Electron knows) plus one key', () => {
    for (const ok of ['CommandOrControl+Alt+1', 'CmdOrCtrl+Shift+F3', 'ctrl+alt+t', 'Super+Space', 'Option+Meta+PageDown', 'Control+Plus', 'Alt+/']) {
      expect(acceleratorProblem(ok), ok).toBeNull()
    }
  })

  it('refuses a key alone, modifiers alone, two keys, an unknown modifier and spaces, saying what to change', () => {
    expect(acceleratorProblem('Q')).toMatch(/at least one modifier/)
    expect(acceleratorProblem('F5')).toMatch(/at least one modifier/)
    expect(acceleratorProblem('Ctrl+Alt')).toMatch(/Add a key after the modifiers/)
    expect(acceleratorProblem('Ctrl+A+B')).toMatch(/exactly one key/)
    expect(acceleratorProblem('Hyper+A')).toMatch(/“Hyper” is not a modifier/)
    expect(acceleratorProblem('Ctrl + A')).toMatch(/without spaces/)
    expect(acceleratorProblem('Ctrl++')).toMatch(/write the \+ key as Plus/i)
    expect(acceleratorProblem('Ctrl+Ctrl+A')).toMatch(/appears twice/)
    expect(acceleratorProblem('Ctrl+Banana')).toMatch(/“Banana” is not a key/)
  })

  it('treats aliases, case and modifier order as the same shortcut', () => {
    expect(acceleratorKey('cmdorctrl+alt+1')).toBe(acceleratorKey('Alt+CommandOrControl+1'))
    expect(acceleratorKey('Ctrl+Enter')).toBe(acceleratorKey('Control+Return'))
    expect(acceleratorKey('Ctrl+A')).not.toBe(acceleratorKey('Alt+A'))
  })
})
