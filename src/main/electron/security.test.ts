import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron'
import { describe, expect, it } from 'vitest'
import { denyAllPermissions, hardenWebContents } from './security'

/** The part of an Electron event the guards use: whether the default action was prevented. */
class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type GuardListener = (event: FakeEvent, url?: string) => void
type OpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse

/** A web contents that records the guards installed on it and lets a test fire its events. */
class FakeWebContents {
  readonly listeners = new Map<string, GuardListener[]>()
  openHandler: OpenHandler | null = null

  on(event: string, listener: GuardListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }

  setWindowOpenHandler(handler: OpenHandler): void {
    this.openHandler = handler
  }

  /** Fires an event as Electron would and tells whether the navigation (or attach) was blocked. */
  fire(event: string, url?: string): boolean {
    const listeners = this.listeners.get(event) ?? []
    if (listeners.length === 0) throw new Error(`nothing listens to ${event}`)
    const fake = new FakeEvent()
    for (const listener of listeners) listener(fake, url)
    return fake.defaultPrevented
  }

  asContents(): Pick<WebContents, 'on' | 'setWindowOpenHandler'> {
    // Electron's `on` is a long list of overloads; this fake implements the events the guards use.
    return this as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>
  }
}

function hardened(devServerUrl?: string): FakeWebContents {
  const contents = new FakeWebContents()
  hardenWebContents(contents.asContents(), devServerUrl)
  return contents
}

function openRequest(url: string): HandlerDetails {
  return { url, frameName: '', features: '', disposition: 'new-window', referrer: { url: 'app://stint/index.html', policy: 'no-referrer' } }
}

describe('a hardened web contents', () => {
  it.each(['will-navigate', 'will-redirect'])('blocks %s to a web site', (event) => {
    const contents = hardened()

    expect(contents.fire(event, 'https://example.com/phish')).toBe(true)
    expect(contents.fire(event, 'file:///etc/passwd')).toBe(true)
    expect(contents.fire(event, 'app://evil/index.html')).toBe(true)
  })

  it.each(['will-navigate', 'will-redirect'])('lets %s stay inside Stint', (event) => {
    const contents = hardened()

    expect(contents.fire(event, 'app://stint/other.html')).toBe(false)
  })

  it('allows the development server only when Stint runs against it', () => {
    expect(hardened('http://localhost:5173').fire('will-navigate', 'http://localhost:5173/')).toBe(false)
    expect(hardened().fire('will-navigate', 'http://localhost:5173/')).toBe(true)
  })

  it('never attaches a <webview>', () => {
    expect(hardened().fire('will-attach-webview')).toBe(true)
  })

  it.each(['https://example.com/', 'app://stint/index.html', 'about:blank'])('denies opening a new window for %s', (url) => {
    const contents = hardened()

    expect(contents.openHandler?.(openRequest(url))).toEqual({ action: 'deny' })
  })
})

describe('permissions', () => {
  type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0]
  type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0]

  function sessionWithDeniedPermissions() {
    const installed: { request: RequestHandler; check: CheckHandler } = { request: null, check: null }
    denyAllPermissions({
      setPermissionRequestHandler(handler) {
        installed.request = handler
      },
      setPermissionCheckHandler(handler) {
        installed.check = handler
      },
    })
    return installed
  }

  // Only identity matters to the handlers: they never look inside the contents.
  const contents = {} as unknown as WebContents

  it.each(['media', 'notifications', 'geolocation'] as const)('answers a request for %s with no', (permission) => {
    const { request } = sessionWithDeniedPermissions()
    const answers: boolean[] = []

    request?.(contents, permission, (granted) => answers.push(granted), { requestingUrl: 'app://stint/index.html', isMainFrame: true })

    expect(answers).toEqual([false])
  })

  it('answers every permission check with no', () => {
    const { check } = sessionWithDeniedPermissions()

    expect(check).not.toBeNull()
    expect(check?.(contents, 'notifications', 'app://stint', { isMainFrame: true, requestingUrl: 'app://stint/index.html' })).toBe(false)
    expect(check?.(null, 'media', 'app://stint', { isMainFrame: true, requestingUrl: 'app://stint/index.html', mediaType: 'video' })).toBe(false)
  })
})
