// An in-memory host for renderer tests: the real bridge and client from @shared/bridge,
// with a main process scripted call by call. A handler throws StintError to answer
// with an error envelope, the way the real services refuse.
import { buildBridge, createClient, type StintClient } from '@shared/bridge'
import type { CallName, CallRequest, CallResponse, EventName, EventPayload } from '@shared/contract'
import { StintError, type Envelope } from '@shared/errors'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

export type ScriptedHandlers = { [N in CallName]?: (request: CallRequest<N>) => CallResponse<N> | Promise<CallResponse<N>> }

export interface ScriptedHost {
  client: StintClient
  /** Every call in order, with the request exactly as the view sent it. */
  calls: [CallName, unknown][]
  /** The requests sent to one call, in order. */
  requestsTo: (name: CallName) => unknown[]
  /** Pushes an event to whatever subscribed, as the main process would. */
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void
  /** The window's translator, as main.tsx hands it to the client (give it to I18nProvider's onTranslator). */
  setReader: (translator: Translator) => void
}

export function scriptedHost(handlers: ScriptedHandlers): ScriptedHost {
  const calls: [CallName, unknown][] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  let reader: Translator = ENGLISH

  const invoke = async (name: CallName, request: unknown): Promise<Envelope<unknown>> => {
    calls.push([name, request])
    const handler = handlers[name] as ((request: unknown) => unknown) | undefined
    if (!handler) return { ok: false, error: { code: 'unknown_call', message: `The test host does not script ${name}.` } }
    try {
      return { ok: true, value: await handler(request) }
    } catch (error) {
      if (error instanceof StintError) return { ok: false, error: error.body() }
      throw error
    }
  }

  const bridge = buildBridge(invoke, (name, listener) => {
    const set = listeners.get(name) ?? new Set()
    listeners.set(name, set)
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  })

  return {
    client: createClient(bridge, () => reader),
    calls,
    requestsTo: (name) => calls.filter(([called]) => called === name).map(([, request]) => request),
    emit: (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload)),
    setReader: (translator) => {
      reader = translator
    },
  }
}
