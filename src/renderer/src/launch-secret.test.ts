import { describe, expect, it } from 'vitest'
import { takeLaunchSecret } from './launch-secret'

function page(href: string) {
  const stored = new Map<string, string>()
  const visited: string[] = []
  return {
    location: { href },
    history: { state: null, replaceState: (_state: unknown, _title: string, url: string) => void visited.push(url) },
    storage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) },
    visited,
  }
}

describe('the launch secret in the page', () => {
  it('is taken from the address once, kept for this tab, and leaves the address bar', () => {
    const first = page('http://127.0.0.1:4321/?token=s3cret#reports')
    expect(takeLaunchSecret(first.location, first.history, first.storage)).toBe('s3cret')
    expect(first.visited).toEqual(['/#reports'])

    // A reload: the address has no secret any more, the tab still knows it.
    first.location.href = 'http://127.0.0.1:4321/#reports'
    expect(takeLaunchSecret(first.location, first.history, first.storage)).toBe('s3cret')
    expect(first.visited).toEqual(['/#reports'])
  })

  it('is none when the page was opened without the printed address', () => {
    const bare = page('http://127.0.0.1:4321/')
    expect(takeLaunchSecret(bare.location, bare.history, bare.storage)).toBeNull()
  })
})
