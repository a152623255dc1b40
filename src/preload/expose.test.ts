import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import type { StintBridge } from '@shared/bridge'
import { CALL_NAMES, EVENT_NAMES, type EventPayload } from '@shared/contract'
import type { Envelope } from '@shared/errors'
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX } from '@shared/ipc-channels'
import type { Timer } from '@shared/timers'
import { exposeStint } from './expose'

type RendererListener = Parameters<IpcRenderer['on']>[1]

/** The isolated world's side of contextBridge: what was exposed, under which key. */
class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, unknown>()

  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error(`${apiKey} exposed twice`)
    this.exposed.set(apiKey, api)
  }
}

/** A renderer-side IPC endpoint: answers invokes with a scripted reply and delivers pushed events. */
class FakeIpcRenderer {
  readonly invoked: { channel: string; args: unknown[] }[] = []
  readonly listeners = new Map<string, RendererListener[]>()
  readonly removed: { channel: string; listener: RendererListener }[] = []
  reply: unknown = undefined

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return Promise.resolve(this.reply)
  }

  on(channel: string, listener: RendererListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener])
    return this
  }

  removeListener(channel: string, listener: RendererListener): this {
    this.removed.push({ channel, listener })
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((registered) => registered !== listener),
    )
    return this
  }

  /** What the main process's webContents.send looks like on this side: an event object, then the payload. */
  push(channel: string, payload: unknown): void {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent
    for (const listener of this.listeners.get(channel) ?? []) listener(event, payload)
  }

  asIpcRenderer(): Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'> {
    // Electron types invoke as Promise<any>; this fake's unknown is the honest version.
    return this as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>
  }
}

function preloadRuns() {
  const contextBridge = new FakeContextBridge()
  const ipcRenderer = new FakeIpcRenderer()
  exposeStint(contextBridge, ipcRenderer.asIpcRenderer())
  const exposed = contextBridge.exposed.get('stint')
  if (!exposed) throw new Error('nothing was exposed as stint')
  // What the page sees as window.stint.
  return { contextBridge, ipcRenderer, exposed, stint: exposed as StintBridge }
}

/** Every property anywhere in the exposed object, by its key path (event names contain dots themselves). */
function allProperties(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => [{ path: [...path, key], value: child }, ...allProperties(child, [...path, key])])
}

const TIMER: Timer = {
  id: '0190a000-0000-7000-8000-000000000002',
  slot: 2,
  label: 'Slot 2',
  color: '#EE6677',
  state: 'running',
  workItemId: null,
  activityTypeId: null,
  billable: true,
  note: '',
  closedSeconds: 0,
  runningSince: 1_700_000_000_000,
}

describe('what the preload gives the page', () => {
  it('exposes one thing, window.stint', () => {
    const { contextBridge } = preloadRuns()

    expect([...contextBridge.exposed.keys()]).toEqual(['stint'])
  })

  it('has exactly the contract’s namespaces and methods, plus its events', () => {
    const { exposed } = preloadRuns()

    const namespaces = [...new Set(CALL_NAMES.map((name) => name.split('.')[0]))]
    expect(Object.keys(exposed).sort()).toEqual([...namespaces, 'events'].sort())

    const methods = allProperties(exposed)
      .filter(({ path }) => path.length === 2 && path[0] !== 'events')
      .map(({ path }) => path.join('.'))
    expect(methods.sort()).toEqual([...CALL_NAMES].sort())

    const events = Object.keys((exposed as { events: object }).events)
    expect(events.sort()).toEqual([...EVENT_NAMES].sort())
  })

  it('gives the page no raw IPC: no ipcRenderer, send, invoke or on anywhere', () => {
    const { exposed } = preloadRuns()

    const forbidden = new Set(['ipcRenderer', 'send', 'sendSync', 'invoke', 'on', 'removeListener'])
    const properties = allProperties(exposed)
    expect(properties.length).toBeGreaterThan(CALL_NAMES.length)
    const leaks = properties.filter(({ path, value }) => forbidden.has(path.at(-1) ?? '') || value instanceof FakeIpcRenderer)
    expect(leaks.map(({ path }) => path.join('.'))).toEqual([])
    expect(properties.filter(({ value }) => typeof value === 'function')).toHaveLength(CALL_NAMES.length + EVENT_NAMES.length)
  })

  it('starts a timer over the timers.start channel and returns what the main process answered', async () => {
    const { stint, ipcRenderer } = preloadRuns()
    const answer: Envelope<Timer> = { ok: true, value: TIMER }
    ipcRenderer.reply = answer

    const result = await stint.timers.start({ slot: 2 })

    expect(ipcRenderer.invoked).toEqual([{ channel: IPC_CALL_PREFIX + 'timers.start', args: [{ slot: 2 }] }])
    expect(result).toBe(answer)
  })

  it('hands an error envelope back as it came, without throwing', async () => {
    const { stint, ipcRenderer } = preloadRuns()
    const refusal: Envelope<Timer> = { ok: false, error: { code: 'forbidden', message: 'Refused.' } }
    ipcRenderer.reply = refusal

    await expect(stint.timers.stop({ slot: 2 })).resolves.toBe(refusal)
  })
})

describe('listening to timer changes', () => {
  const CHANNEL = IPC_EVENT_PREFIX + 'timers.changed'

  it('delivers only the payload to the page, never the IPC event', () => {
    const { stint, ipcRenderer } = preloadRuns()
    const received: unknown[][] = []

    stint.events['timers.changed']((...args: unknown[]) => received.push(args))
    const payload: EventPayload<'timers.changed'> = { timers: [TIMER] }
    ipcRenderer.push(CHANNEL, payload)

    expect(ipcRenderer.listeners.get(CHANNEL)).toHaveLength(1)
    expect(received).toEqual([[payload]])
    expect(received[0]?.[0]).toBe(payload)
  })

  it('stops delivering after unsubscribing, by removing the very listener it registered', () => {
    const { stint, ipcRenderer } = preloadRuns()
    const received: unknown[] = []

    const unsubscribe = stint.events['timers.changed']((payload) => received.push(payload))
    const registered = ipcRenderer.listeners.get(CHANNEL)?.[0]

    unsubscribe()
    ipcRenderer.push(CHANNEL, { timers: [] })

    expect(registered).toBeDefined()
    expect(ipcRenderer.removed).toHaveLength(1)
    expect(ipcRenderer.removed[0]?.channel).toBe(CHANNEL)
    expect(ipcRenderer.removed[0]?.listener).toBe(registered)
    expect(ipcRenderer.listeners.get(CHANNEL)).toEqual([])
    expect(received).toEqual([])
  })

  it('keeps other listeners when one unsubscribes', () => {
    const { stint, ipcRenderer } = preloadRuns()
    const first: unknown[] = []
    const second: unknown[] = []

    const unsubscribeFirst = stint.events['timers.changed']((payload) => first.push(payload))
    stint.events['timers.changed']((payload) => second.push(payload))
    unsubscribeFirst()
    ipcRenderer.push(CHANNEL, { timers: [TIMER] })

    expect(first).toEqual([])
    expect(second).toEqual([{ timers: [TIMER] }])
  })
})
