// The service worker: holds the native-messaging port to Stint's host and relays between
// it and the ticket pages. A page's request is read with the shared schema before it is
// sent on; the host's answers and events are read again before a page sees them. Answers
// go to the page that asked, timer events to every page. Without the host (not installed,
// or Stint not running) each request is answered "unavailable" and pages fall back to
// stint:// links. It also watches running ticket timers for their ticket being closed in
// the ticket system (closed-watch.ts), where the user turned that on.
import { ExtensionMessageSchema, ExtensionRequestSchema, NATIVE_HOST_NAME, type ExtensionMessage } from '@shared/extension-protocol'
import { z } from 'zod'
import { createClosedWatch, STATUS_ALARM } from './closed-watch'
import type { Answer } from './page-session'

// Read messages without compiling code at run time: the extension's CSP forbids eval, and rightly.
z.config({ jitless: true })

const pages = new Set<chrome.runtime.Port>()
/** Which page asked, by request id (ids are the page's random UUIDs, prefixed with the port's number). */
const askedBy = new Map<string, { port: chrome.runtime.Port; id: string }>()
/** The worker's own requests (the options page's checks, the closed-ticket watch), by request id. */
const own = new Map<string, (answer: Answer) => void>()
let native: chrome.runtime.Port | null = null
let sequence = 0

const unavailable = (id: string, message: string): ExtensionMessage => ({ id, ok: false, error: { code: 'unavailable', message } })

function toPages(message: ExtensionMessage): void {
  for (const page of pages) page.postMessage(message)
}

function hostPort(): chrome.runtime.Port | null {
  if (native) return native
  let opened: chrome.runtime.Port
  try {
    opened = chrome.runtime.connectNative(NATIVE_HOST_NAME)
  } catch {
    return null
  }
  opened.onMessage.addListener((raw) => {
    const parsed = ExtensionMessageSchema.safeParse(raw)
    if (!parsed.success) return
    const message = parsed.data
    if ('id' in message && own.has(message.id)) {
      own.get(message.id)?.(message.ok ? { ok: true, timer: message.timer } : { ok: false, error: message.error })
      own.delete(message.id)
    } else if ('id' in message) {
      const asker = askedBy.get(message.id)
      askedBy.delete(message.id)
      if (asker && pages.has(asker.port)) asker.port.postMessage({ ...message, id: asker.id })
      if (message.ok) void watch.sawOne(message.timer)
    } else {
      if (message.type === 'tickets') void watch.sawAll(message.timers)
      toPages(message)
    }
  })
  opened.onDisconnect.addListener(() => {
    // Not installed, or it ended: every request still waiting is answered, and the pages show the state as unknown.
    const reason = chrome.runtime.lastError?.message ?? 'the Stint host ended'
    native = null
    for (const [, asker] of askedBy) if (pages.has(asker.port)) asker.port.postMessage(unavailable(asker.id, reason))
    askedBy.clear()
    for (const [, answer] of own) answer({ ok: false, error: { code: 'unavailable', message: reason } })
    own.clear()
    toPages({ type: 'offline' })
  })
  native = opened
  return opened
}

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'ticket-page') return
  pages.add(port)
  port.onDisconnect.addListener(() => {
    pages.delete(port)
    for (const [key, asker] of askedBy) if (asker.port === port) askedBy.delete(key)
  })
  port.onMessage.addListener((raw) => {
    const parsed = ExtensionRequestSchema.safeParse(raw)
    if (!parsed.success) return
    const host = hostPort()
    if (!host) {
      port.postMessage(unavailable(parsed.data.id, 'no Stint host'))
      return
    }
    const key = `${++sequence}`
    askedBy.set(key, { port, id: parsed.data.id })
    host.postMessage({ ...parsed.data, id: key })
  })
})

/** The options page asks whether Stint can be reached: a state request for a reference no ticket has. */
chrome.runtime.onMessage.addListener((message, sender, answer) => {
  if (sender.id !== chrome.runtime.id || typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'channel') return undefined
  const host = hostPort()
  if (!host) {
    answer({ connected: false })
    return undefined
  }
  // Any answer of the app itself counts; "unavailable" is the host saying the app is not running.
  void ask({ type: 'state', ref: 'stint-channel-check', url: 'https://stint.invalid/channel-check' }, false).then((reply) => answer({ connected: reply.ok || reply.error.code !== 'unavailable' }))
  return true
})

/** Asks the app through the host; answered "unavailable" without it. */
function ask(request: { type: 'state' | 'stop'; ref: string; url: string }, watched = true): Promise<Answer> {
  const host = hostPort()
  if (!host) return Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'no Stint host' } })
  const key = `${++sequence}`
  return new Promise((resolve) => {
    own.set(key, (reply) => {
      if (watched && reply.ok) void watch.sawOne(reply.timer)
      resolve(reply)
    })
    host.postMessage({ ...request, id: key })
  })
}

const watch = createClosedWatch({ ask: (request) => ask(request), fetch: (input, init) => fetch(input, init) })
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === STATUS_ALARM) void watch.tick()
})
// Turning "stop when closed" on or off applies to timers already running.
chrome.storage.onChanged.addListener((_changes, area) => {
  if (area === 'local') void watch.rearm()
})
