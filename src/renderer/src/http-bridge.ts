// The browser host's transport: the same bridge shape as the Electron preload, over
// fetch (calls) and one streaming fetch of server-sent events (pushed events). Both carry
// the launch secret in an Authorization header, which goes to this origin only.
import { buildBridge, type StintBridge } from '@shared/bridge'
import { ApiErrorSchema, type Envelope } from '@shared/errors'
import type { EventName } from '@shared/contract'
import { openEventStream } from './event-stream'

export function createHttpBridge(baseUrl: string, secret: string | null, fetchImpl: typeof fetch = fetch.bind(globalThis)): StintBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const auth: Record<string, string> = secret === null ? {} : { Authorization: `Bearer ${secret}` }
  let streaming = false

  function ensureStream(): void {
    if (streaming) return
    streaming = true
    openEventStream({
      url: new URL('/api/events', baseUrl),
      headers: auth,
      fetchImpl,
      onEvent: (name, data) => {
        const set = listeners.get(name as EventName)
        if (!set || set.size === 0) return
        const payload: unknown = JSON.parse(data)
        for (const listener of set) listener(payload)
      },
    })
  }

  return buildBridge(
    async (name, request) => {
      let response: Response
      try {
        response = await fetchImpl(new URL(`/api/call/${encodeURIComponent(name)}`, baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...auth },
          body: JSON.stringify(request ?? {}),
          credentials: 'omit',
        })
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'Stint’s host is not reachable. Is `npm run web` still running?' } }
      }
      const text = await response.text()
      try {
        const body = JSON.parse(text) as Envelope<unknown>
        if (body.ok || ApiErrorSchema.safeParse(body.error).success) return body
      } catch {
        // fall through: not an envelope (for example a 401 page)
      }
      return { ok: false, error: { code: response.status === 401 ? 'forbidden' : 'unavailable', message: text.slice(0, 300) || `HTTP ${response.status}` } }
    },
    (name, listener) => {
      ensureStream()
      let set = listeners.get(name)
      if (!set) {
        set = new Set()
        listeners.set(name, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
  )
}
