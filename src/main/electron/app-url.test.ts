import { describe, expect, it } from 'vitest'
import { APP_ENTRY_URL, isAppUrl } from './app-url'

const DEV = 'http://localhost:5173'

describe('which URLs are Stint’s own renderer', () => {
  it('starts at app://stint/index.html', () => {
    expect(APP_ENTRY_URL).toBe('app://stint/index.html')
  })

  it.each([
    ['app://stint/index.html', true],
    ['app://stint/', true],
    ['app://stint/assets/index-3f2a.js', true],
    ['app://other/', false],
    ['app://stint.evil.example/', false],
    ['app://stint:8080/index.html', false],
    ['file:///index.html', false],
    ['https://stint', false],
    ['https://stint/index.html', false],
    ['http://localhost:5173/', false],
    ['not a url at all', false],
    ['', false],
  ])('in a packaged build %s is %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected)
  })

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/App.tsx', true],
    ['app://stint/index.html', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost:5173.evil.example/', false],
    ['http://localhost/', false],
    ['https://example.com/', false],
    ['garbage', false],
  ])('against the dev server %s is %s', (url, expected) => {
    expect(isAppUrl(url, DEV)).toBe(expected)
  })
})

describe('a malformed dev server URL', () => {
  it('trusts nothing instead of throwing', () => {
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false)
    expect(isAppUrl('app://stint/index.html', 'not a url')).toBe(true)
  })
})
