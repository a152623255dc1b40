// The browser host's pushed events, read as server-sent events from one streaming
// fetch. Not EventSource: that cannot send the launch secret as a header, and a cookie
// would reach every other port on 127.0.0.1. A stream that ends or fails is reopened
// after a pause that grows to ten seconds; a refused secret (401) is not retried.
export interface EventStreamOptions {
  url: URL
  headers: Record<string, string>
  onEvent: (name: string, data: string) => void
  fetchImpl?: typeof fetch
  /** Waits before reopening; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>
}

/** One event's text ("event: x\ndata: y") as its name and data; comments and unnamed frames give null. */
export function parseEventFrame(frame: string): { name: string; data: string } | null {
  let name = ''
  const data: string[] = []
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
  }
  return name === '' ? null : { name, data: data.join('\n') }
}

export function openEventStream({ url, headers, onEvent, fetchImpl = fetch.bind(globalThis), sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: EventStreamOptions): () => void {
  const stop = new AbortController()
  void (async () => {
    let pause = 500
    while (!stop.signal.aborted) {
      try {
        const response = await fetchImpl(url, { headers, signal: stop.signal, cache: 'no-store' })
        if (response.status === 401) return
        if (response.ok && response.body) {
          pause = 500
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
          let buffered = ''
          for (;;) {
            const { done, value } = await reader.read()
            if (done) break
            buffered += value.replace(/\r\n?/g, '\n')
            let end: number
            while ((end = buffered.indexOf('\n\n')) >= 0) {
              const event = parseEventFrame(buffered.slice(0, end))
              buffered = buffered.slice(end + 2)
              if (event) onEvent(event.name, event.data)
            }
          }
        }
      } catch {
        // the host went away or the stream broke: reopen below
      }
      if (stop.signal.aborted) return
      await sleep(pause)
      pause = Math.min(pause * 2, 10_000)
    }
  })()
  return () => stop.abort()
}
