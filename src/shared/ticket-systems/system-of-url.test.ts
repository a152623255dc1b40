import { describe, expect, it } from 'vitest'
import { systemMatches, systemOfUrl } from './system-of-url'

const systems = systemMatches([
  { id: 'root', base_url: 'https://help.example.com' },
  { id: 'redmine', base_url: 'https://help.example.com/redmine/' },
  { id: 'broken', base_url: 'not an address' },
])

describe('which ticket system a ticket page belongs to', () => {
  it('the system whose address the page lies under, the longest address winning', () => {
    expect(systemOfUrl(systems, 'https://help.example.com/redmine/issues/42')).toBe('redmine')
    expect(systemOfUrl(systems, 'https://help.example.com/rt/Ticket/Display.html?id=7')).toBe('root')
  })

  it('a path that only starts with the same letters is not under it, nor is another origin or a page that does not parse', () => {
    expect(systemOfUrl(systems, 'https://help.example.com/redmine2/issues/1')).toBe('root')
    expect(systemOfUrl(systems, 'http://help.example.com/redmine/issues/1')).toBeNull()
    expect(systemOfUrl(systems, 'help.example.com/redmine/issues/1')).toBeNull()
    expect(systems.map((s) => s.id)).toEqual(['root', 'redmine'])
  })
})
