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

describe('the CSV format setting', () => {
  it('is machine formats until chosen, and a settings file from before it keeps everything else', () => {
    expect(DEFAULT_SETTINGS.exports).toEqual({ csvFormat: 'machine' })
    const { settings, problems } = settingsFromStored({ ...DEFAULT_SETTINGS, language: 'de', exports: undefined })
    expect(settings.language).toBe('de')
    expect(settings.exports.csvFormat).toBe('machine')
    expect(problems).toEqual([])
  })

  it('choosing the language’s formats changes only that; a format Stint does not know is refused', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { exports: { csvFormat: 'locale' } })).toEqual({ ...DEFAULT_SETTINGS, exports: { csvFormat: 'locale' } })
    expect(() => applySettingsPatch(DEFAULT_SETTINGS, { exports: { csvFormat: 'excel' as 'locale' } })).toThrow()
  })
})
