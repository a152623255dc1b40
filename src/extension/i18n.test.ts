import { describe, expect, it } from 'vitest'
import { clockText, translatorFor } from './i18n'

describe('the extension speaks the browser’s language', () => {
  it('German for a German browser, English otherwise, values filled in', () => {
    expect(translatorFor('de-DE')('extension.control.stopLabel', { ref: 'RT#4' })).toBe('Stint-Timer für RT#4 stoppen und die Zeit buchen')
    expect(translatorFor('de')('extension.control.idle')).toBe('Läuft nicht')
    expect(translatorFor('fr-FR')('extension.control.running', { duration: '0:01:00' })).toBe('Running 0:01:00')
  })

  it('writes durations as the app’s timers do', () => {
    expect(clockText(0)).toBe('0:00:00')
    expect(clockText(3661.9)).toBe('1:01:01')
    expect(clockText(-5)).toBe('0:00:00')
  })
})
