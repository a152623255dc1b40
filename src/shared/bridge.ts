// Builds the object the renderer talks to (`window.stint` in Electron, the HTTP
// bridge in the browser host) from the contract, so neither side keeps a hand-made copy.
import type { Envelope } from './errors'
import { ApiCallError, readableError } from './errors'
import { ENGLISH, type Translator } from './i18n/translator'
import {
  CALL_NAMES,
  EVENT_NAMES,
  type CallName,
  type CallRequest,
  type CallResponse,
  type EventName,
  type EventPayload,
} from './contract'

type Namespace<N> = N extends `${infer NS}.${string}` ? NS : never
type MethodOf<N, NS extends string> = N extends `${NS}.${infer M}` ? M : never

/** The transport-level API: each call resolves to an envelope and never rejects for an API error. */
export type StintBridge = {
  [NS in Namespace<CallName>]: {
    [M in MethodOf<CallName, NS>]: (request: CallRequest<`${NS}.${M}` & CallName>) => Promise<Envelope<CallResponse<`${NS}.${M}` & CallName>>>
  }
} & {
  events: { [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void }
}

/** The renderer-facing client: the same shape, unwrapped; API errors reject with ApiCallError. */
export type StintClient = {
  [NS in Namespace<CallName>]: {
    [M in MethodOf<CallName, NS>]: (request: CallRequest<`${NS}.${M}` & CallName>) => Promise<CallResponse<`${NS}.${M}` & CallName>>
  }
} & {
  events: StintBridge['events']
}

export type Invoke = (name: CallName, request: unknown) => Promise<Envelope<unknown>>
export type Subscribe = (name: EventName, listener: (payload: unknown) => void) => () => void

function nested<T>(build: (name: CallName) => T): Record<string, Record<string, T>> {
  const tree: Record<string, Record<string, T>> = {}
  for (const name of CALL_NAMES) {
    const dot = name.indexOf('.')
    const ns = name.slice(0, dot)
    const method = name.slice(dot + 1)
    tree[ns] ??= {}
    tree[ns][method] = build(name)
  }
  return tree
}

export function buildBridge(invoke: Invoke, subscribe: Subscribe): StintBridge {
  const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
  for (const name of EVENT_NAMES) events[name] = (listener) => subscribe(name, listener)
  return { ...nested((name) => (request: unknown) => invoke(name, request)), events } as unknown as StintBridge
}

/**
 * `reader`: the window's translator as it is now (the language changes live), in whose
 * words refusals are shown; English when not given.
 */
export function createClient(bridge: StintBridge, reader: () => Translator = () => ENGLISH): StintClient {
  const raw = bridge as unknown as Record<string, Record<string, (request: unknown) => Promise<Envelope<unknown>>>>
  const client = nested((name) => {
    const dot = name.indexOf('.')
    const call = raw[name.slice(0, dot)]?.[name.slice(dot + 1)]
    if (!call) throw new Error(`The bridge has no method for ${name}`)
    return async (request: unknown) => {
      const envelope = await call(request)
      // What the renderer shows is in the window's language, days as the grid writes them; the host's logs keep English and ISO days.
      if (!envelope.ok) throw new ApiCallError(name, { ...envelope.error, message: readableError(envelope.error, reader()) })
      return envelope.value
    }
  })
  return { ...client, events: bridge.events } as unknown as StintClient
}
