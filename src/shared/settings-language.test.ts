import { describe, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, settingsFromStored } from './settings'

describe('the language setting', () => {
  it('follows the system until chosen', () => {
    expect(DEFAULT_SETTINGS.language).toBe('system')
  })

  it('a settings file from before the setting keeps everything else, the theme included', () => {
    const stored = { ...DEFAULT_SETTINGS, appearance: { theme: 'dark' }, language: undefined }
    const { settings, problems } = settingsFromStored(stored)
    expect(settings.appearance.theme).toBe('dark')
    expect(settings.language).toBe('system')
    expect(problems).toEqual([])
  })

  it('choosing Deutsch changes only the language', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { language: 'de' })
    expect(next).toEqual({ ...DEFAULT_SETTINGS, language: 'de' })
  })

  it('a language Stint does not have is refused and changes nothing', () => {
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { language: 'fr' as 'de' })).toThrow()
    expect(settingsFromStored({ ...DEFAULT_SETTINGS, language: 'fr' }).settings.language).toBe('system')
  })
})
