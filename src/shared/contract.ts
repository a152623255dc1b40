// The one API contract between the renderer and the main process (over Electron IPC
// or the browser host's HTTP): every call with its request and response schema, and
// every event the main process pushes. Everything else is derived from this map.
import { z } from 'zod'
import { SlotSchema, TimerSchema } from './timers'

const noRequest = z.object({}).strict()

export const AppInfoSchema = z.object({
  version: z.string(),
  /** Which host the renderer talks to: the Electron app or the browser host. */
  host: z.enum(['electron', 'web']),
  dataFile: z.string(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const calls = {
  'app.info': { request: noRequest, response: AppInfoSchema },
  'timers.list': { request: noRequest, response: z.array(TimerSchema) },
  'timers.start': { request: z.object({ slot: SlotSchema }).strict(), response: TimerSchema },
  'timers.stop': { request: z.object({ slot: SlotSchema }).strict(), response: TimerSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>

export const events = {
  'timers.changed': z.object({ timers: z.array(TimerSchema) }),
} as const satisfies Record<string, z.ZodType>

export type Calls = typeof calls
export type CallName = keyof Calls
export type CallRequest<N extends CallName> = z.input<Calls[N]['request']>
export type CallRequestParsed<N extends CallName> = z.output<Calls[N]['request']>
export type CallResponse<N extends CallName> = z.output<Calls[N]['response']>

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export const CALL_NAMES = Object.keys(calls) as CallName[]
export const EVENT_NAMES = Object.keys(events) as EventName[]

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(calls, name)
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name)
}
