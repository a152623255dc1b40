// The browser host's transport: the same bridge shape as the Electron preload, over
// fetch (calls) and one EventSource (pushed events). Auth rides on the host's cookie.
import { buildBridge, type StintBridge } from '@shared/bridge'
import { ApiErrorSchema, type Envelope } from '@shared/errors'
import type { EventName } from '@shared/contract'

export function createHttpBridge(baseUrl: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): StintBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let source: EventSource | null = null

  function ensureSource(): void {
    if (source || typeof EventSource === 'undefined') return
    source = new EventSource(new URL('/api/events', baseUrl), { withCredentials: true })
  }

  return buildBridge(
    async (name, request) => {
      let response: Response
      try {
        response = await fetchImpl(new URL(`/api/call/${encodeURIComponent(name)}`, baseUrl), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
          credentials: 'same-origin',
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
      ensureSource()
      let set = listeners.get(name)
      if (!set) {
        const fresh = new Set<(payload: unknown) => void>()
        listeners.set(name, fresh)
        source?.addEventListener(name, (event) => {
          const payload: unknown = JSON.parse((event as MessageEvent<string>).data)
          for (const l of fresh) l(payload)
        })
        set = fresh
      }
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
  )
}
