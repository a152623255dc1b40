import { describe, expect, it } from 'vitest'
import { FrameDecoder, FrameError, encodeFrame } from './framing'

describe('native messaging framing', () => {
  it('writes a 32-bit little-endian length and the JSON', () => {
    const frame = encodeFrame({ a: 'ä' })
    expect(frame.readUInt32LE(0)).toBe(frame.length - 4)
    expect(frame.subarray(4).toString('utf8')).toBe('{"a":"ä"}')
  })

  it('reads messages that arrive a byte at a time, and several in one read', () => {
    const bytes = Buffer.concat([encodeFrame({ n: 1 }), encodeFrame({ n: 2, text: 'x'.repeat(300) }), encodeFrame({ n: 3 })])
    const decoder = new FrameDecoder()
    const seen: unknown[] = []
    for (let i = 0; i < bytes.length; i++) seen.push(...decoder.push(bytes.subarray(i, i + 1)))
    expect(seen).toEqual([{ n: 1 }, { n: 2, text: 'x'.repeat(300) }, { n: 3 }])
    expect(decoder.buffered).toBe(0)
    expect(new FrameDecoder().push(bytes)).toHaveLength(3)
  })

  it('keeps a message that is not whole yet', () => {
    const frame = encodeFrame({ n: 1 })
    const decoder = new FrameDecoder()
    expect(decoder.push(frame.subarray(0, 6))).toEqual([])
    expect(decoder.buffered).toBe(6)
    expect(decoder.push(frame.subarray(6))).toEqual([{ n: 1 }])
  })

  it('refuses to write a message over 1 MB', () => {
    expect(() => encodeFrame({ big: 'x'.repeat(1024 * 1024) })).toThrow(FrameError)
    expect(() => encodeFrame({ big: 'x'.repeat(1024 * 1024 - 20) })).not.toThrow()
  })

  it('refuses a message that says it is over the limit, before it arrives', () => {
    const header = Buffer.alloc(4)
    header.writeUInt32LE(2 * 1024 * 1024, 0)
    expect(() => new FrameDecoder().push(header)).toThrow(/over the 1048576-byte limit/)
  })

  it('refuses a message that is not JSON', () => {
    const body = Buffer.from('{nope')
    const header = Buffer.alloc(4)
    header.writeUInt32LE(body.length, 0)
    expect(() => new FrameDecoder().push(Buffer.concat([header, body]))).toThrow(/not JSON/)
  })
})
