import { describe, expect, it } from 'vitest'
import { endSentence } from './sentence'

describe('a sentence that ends in a name', () => {
  it('gets one full stop, not two, when the name already ends in one', () => {
    expect(endSentence('Added Acme, Inc.')).toBe('Added Acme, Inc.')
    expect(endSentence('Added Acme Ltd')).toBe('Added Acme Ltd.')
  })

  it('ends at a name’s own question mark, exclamation mark or ellipsis', () => {
    expect(endSentence('Saved Why not?')).toBe('Saved Why not?')
    expect(endSentence('Saved Yahoo!')).toBe('Saved Yahoo!')
    expect(endSentence('Saved Printer…')).toBe('Saved Printer…')
  })

  it('does not leave a space before the full stop', () => {
    expect(endSentence('Added Acme ')).toBe('Added Acme.')
  })
})
