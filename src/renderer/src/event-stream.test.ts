import { describe, expect, it } from 'vitest'
import { openEventStream, parseEventFrame } from './event-stream'

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
}

describe('server-sent events over fetch', () => {
  it('reads named events split across chunks, skips comments, and sends the secret as a header', async () => {
    const seen: [string, string][] = []
    const requests: RequestInit[] = []
    let calls = 0
    const done = new Promise<void>((resolve) => {
      const stop = openEventStream({
        url: new URL('http://127.0.0.1:4321/api/events'),
        headers: { Authorization: 'Bearer s3cret' },
        onEvent: (name, data) => {
          seen.push([name, data])
          if (seen.length === 2) {
            stop()
            resolve()
          }
        },
        fetchImpl: (_url, init) => {
          requests.push(init ?? {})
          calls++
          // The first stream ends after one event (the host restarted); the second brings the next.
          const body = calls === 1 ? [': stint events\n\n', 'event: timers.changed\nda', 'ta: {"timers":[]}\n\n'] : ['event: entries.changed\ndata: {}\n\n']
          return Promise.resolve(new Response(streamOf(body), { status: 200 }))
        },
        sleep: () => Promise.resolve(),
      })
    })
    await done
    expect(seen).toEqual([
      ['timers.changed', '{"timers":[]}'],
      ['entries.changed', '{}'],
    ])
    expect(requests[0]?.headers).toEqual({ Authorization: 'Bearer s3cret' })
  })

  it('stops for good when the host refuses the secret', async () => {
    let calls = 0
    openEventStream({
      url: new URL('http://127.0.0.1:4321/api/events'),
      headers: {},
      onEvent: () => undefined,
      fetchImpl: () => {
        calls++
        return Promise.resolve(new Response('Open Stint with the URL…', { status: 401 }))
      },
      sleep: () => Promise.resolve(),
    })
    for (let i = 0; i < 20; i++) await Promise.resolve()
    expect(calls).toBe(1)
  })

  it('joins data lines and ignores frames without a name', () => {
    expect(parseEventFrame('event: x\ndata: a\ndata: b')).toEqual({ name: 'x', data: 'a\nb' })
    expect(parseEventFrame(': keep-alive')).toBeNull()
  })
})
