import { describe, expect, it } from 'vitest'
import { languageOfTag, resolveLanguage } from './languages'

describe('which language a person gets', () => {
  it('the one chosen in Settings, whatever the system speaks', () => {
    expect(resolveLanguage('de', ['en-US'])).toBe('de')
    expect(resolveLanguage('en', ['de-DE', 'de'])).toBe('en')
  })

  it('with System, the first of the system’s languages that Stint has', () => {
    expect(resolveLanguage('system', ['de-AT', 'en-GB'])).toBe('de')
    expect(resolveLanguage('system', ['fr-FR', 'de-CH', 'en'])).toBe('de')
    expect(resolveLanguage('system', ['en-US', 'de-DE'])).toBe('en')
    expect(resolveLanguage('system', ['de_DE'])).toBe('de')
  })

  it('English when the system speaks nothing Stint has, or says nothing', () => {
    expect(resolveLanguage('system', ['fr-FR', 'ja'])).toBe('en')
    expect(resolveLanguage('system', [])).toBe('en')
    expect(resolveLanguage('system', [''])).toBe('en')
  })

  it('reads a tag’s language whatever its case and region', () => {
    expect(languageOfTag('DE-de')).toBe('de')
    expect(languageOfTag('deu')).toBeUndefined()
  })
})
