// The service worker: holds the native-messaging port to Stint's host and relays between
// it and the ticket pages. A page's request is read with the shared schema before it is
// sent on; the host's answers and events are read again before a page sees them. Answers
// go to the page that asked, timer events to every page. Without the host (not installed,
// or Stint not running) each request is answered "unavailable" and pages fall back to
// stint:// links.
import { ExtensionMessageSchema, ExtensionRequestSchema, NATIVE_HOST_NAME, type ExtensionMessage } from '@shared/extension-protocol'
import { z } from 'zod'

// Read messages without compiling code at run time: the extension's CSP forbids eval, and rightly.
z.config({ jitless: true })

const pages = new Set<chrome.runtime.Port>()
/** Which page asked, by request id (ids are the page's random UUIDs, prefixed with the port's number). */
const askedBy = new Map<string, { port: chrome.runtime.Port; id: string }>()
/** The options page's checks, by request id: told whether the app answered. */
const probes = new Map<string, (ok: boolean) => void>()
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
    if ('id' in message && probes.has(message.id)) {
      // Any answer of the app itself counts; "unavailable" is the host saying the app is not running.
      probes.get(message.id)?.(message.ok || message.error.code !== 'unavailable')
      probes.delete(message.id)
    } else if ('id' in message) {
      const asker = askedBy.get(message.id)
      askedBy.delete(message.id)
      if (asker && pages.has(asker.port)) asker.port.postMessage({ ...message, id: asker.id })
    } else toPages(message)
  })
  opened.onDisconnect.addListener(() => {
    // Not installed, or it ended: every request still waiting is answered, and the pages show the state as unknown.
    const reason = chrome.runtime.lastError?.message ?? 'the Stint host ended'
    native = null
    for (const [, asker] of askedBy) if (pages.has(asker.port)) asker.port.postMessage(unavailable(asker.id, reason))
    askedBy.clear()
    for (const [, probe] of probes) probe(false)
    probes.clear()
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
  const key = `${++sequence}`
  probes.set(key, (ok) => answer({ connected: ok }))
  host.postMessage({ id: key, type: 'state', ref: 'stint-channel-check', url: 'https://stint.invalid/channel-check' })
  return true
})
