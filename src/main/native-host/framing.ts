// Native messaging's framing, used on both hops (browser ⇄ host on stdin/stdout, host ⇄
// desktop app on the local socket): a 32-bit length in native byte order (little-endian on
// every platform Stint runs on), then that many bytes of UTF-8 JSON. Reads arrive in pieces
// of any size, so the decoder keeps what it has until a message is whole.
import { NATIVE_MESSAGE_MAX_BYTES } from '@shared/extension-protocol'

export class FrameError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FrameError'
  }
}

/** One message as bytes; refuses one over the limit (Chromium drops the host for a larger one). */
export function encodeFrame(message: unknown, maxBytes = NATIVE_MESSAGE_MAX_BYTES): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8')
  if (body.length > maxBytes) throw new FrameError(`a message of ${body.length} bytes is over the ${maxBytes}-byte limit`)
  const header = Buffer.alloc(4)
  header.writeUInt32LE(body.length, 0)
  return Buffer.concat([header, body])
}

/** Splits a byte stream into messages. `push` throws a FrameError for a frame over the limit or one that is not JSON: the stream is then unusable. */
export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0)

  constructor(private readonly maxBytes = NATIVE_MESSAGE_MAX_BYTES) {}

  push(chunk: Buffer): unknown[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    const messages: unknown[] = []
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32LE(0)
      if (length > this.maxBytes) throw new FrameError(`a message of ${length} bytes is over the ${this.maxBytes}-byte limit`)
      if (this.pending.length < 4 + length) break
      const body = this.pending.subarray(4, 4 + length).toString('utf8')
      this.pending = this.pending.subarray(4 + length)
      try {
        messages.push(JSON.parse(body))
      } catch {
        throw new FrameError('a message is not JSON')
      }
    }
    return messages
  }

  /** Bytes of a message not yet complete (a stream that ends with some was cut off). */
  get buffered(): number {
    return this.pending.length
  }
}
