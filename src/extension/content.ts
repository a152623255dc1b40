// The content script: on a page of a known system (a cloud host from the manifest, or a
// self-hosted one the user added), runs a page session and connects it to the service
// worker, which holds the channel to the desktop app. Everything it hears back is read
// with the shared schemas first.
import { ExtensionMessageSchema } from '@shared/extension-protocol'
import { z } from 'zod'
import { ADAPTERS, cloudSystemOf } from './adapters/index'
import { translatorFor } from './i18n'
import { startPageSession, type Answer } from './page-session'
import { readSettings } from './settings'

// Read messages without compiling code at run time: the extension's CSP forbids eval, and rightly.
z.config({ jitless: true })

async function main(): Promise<void> {
  const settings = readSettings(await chrome.storage.local.get(['selfHosted', 'cloud']))
  const cloud = cloudSystemOf(location.hostname)
  const own = settings.selfHosted.find((system) => system.origin === location.origin)
  const kind = cloud ?? own?.kind
  if (kind === undefined) return
  let choice = (cloud ? settings.cloud[cloud] : own) ?? { autoStart: false, autoStop: false }
  // A change on the options page applies to pages already open.
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'local') return
    void chrome.storage.local.get(['selfHosted', 'cloud']).then((stored) => {
      const now = readSettings(stored)
      choice = (cloud ? now.cloud[cloud] : now.selfHosted.find((system) => system.origin === location.origin)) ?? { autoStart: false, autoStop: false }
    })
  })

  const waiting = new Map<string, (answer: Answer) => void>()
  let port: chrome.runtime.Port | null = null
  const connect = (): chrome.runtime.Port => {
    if (port) return port
    const opened = chrome.runtime.connect({ name: 'ticket-page' })
    opened.onMessage.addListener((raw) => {
      const parsed = ExtensionMessageSchema.safeParse(raw)
      if (!parsed.success) return
      const message = parsed.data
      if ('id' in message) {
        waiting.get(message.id)?.(message.ok ? { ok: true, timer: message.timer } : { ok: false, error: message.error })
        waiting.delete(message.id)
      } else if (message.type === 'tickets') session.tickets(message.timers)
      else session.offline()
    })
    // The service worker was stopped (the browser ends idle ones): answer what waits, connect again on the next request.
    opened.onDisconnect.addListener(() => {
      port = null
      for (const [, answer] of waiting) answer({ ok: false, error: { code: 'unavailable', message: 'disconnected' } })
      waiting.clear()
    })
    port = opened
    return opened
  }

  const session = startPageSession({
    doc: document,
    location: () => new URL(location.href),
    adapter: ADAPTERS[kind],
    choice: () => choice,
    t: translatorFor(navigator.language),
    now: () => Date.now(),
    request: (request) =>
      new Promise<Answer>((resolve) => {
        const id = crypto.randomUUID()
        waiting.set(id, resolve)
        connect().postMessage({ ...request, id })
      }),
    openLink: (link) => {
      const anchor = document.createElement('a')
      anchor.href = link
      anchor.click()
    },
  })
}

void main()
