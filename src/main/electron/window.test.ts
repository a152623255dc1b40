import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createMainWindow, showWindow, type BrowserWindowClass } from './window'

class FakeEvent {
  defaultPrevented = false
  preventDefault(): void {
    this.defaultPrevented = true
  }
}

type Listener = (event: FakeEvent) => void

/** A window that keeps the state a person would see: visible, minimised, focused, which page. */
class FakeBrowserWindow {
  visible = false
  minimized = false
  focused = false
  loadedUrl: string | null = null
  readonly log: string[] = []
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>()

  on(event: string, listener: Listener): this {
    return this.add(event, listener, false)
  }

  once(event: string, listener: Listener): this {
    return this.add(event, listener, true)
  }

  /** Emits like an EventEmitter; returns whether a listener prevented the default. */
  emit(event: string): boolean {
    const fake = new FakeEvent()
    const entries = this.listeners.get(event) ?? []
    this.listeners.set(
      event,
      entries.filter((entry) => !entry.once),
    )
    for (const entry of entries) entry.listener(fake)
    return fake.defaultPrevented
  }

  /** Set to make the next load fail the way a missing dev server does. */
  loadError: Error | null = null

  loadURL(url: string): Promise<void> {
    this.log.push(`loadURL ${url}`)
    this.loadedUrl = url
    return this.loadError ? Promise.reject(this.loadError) : Promise.resolve()
  }

  show(): void {
    this.log.push('show')
    this.visible = true
    this.minimized = false
  }

  hide(): void {
    this.log.push('hide')
    this.visible = false
    this.focused = false
  }

  focus(): void {
    this.log.push('focus')
    this.focused = this.visible && !this.minimized
  }

  isMinimized(): boolean {
    return this.minimized
  }

  restore(): void {
    this.log.push('restore')
    this.minimized = false
    this.visible = true
  }

  private add(event: string, listener: Listener, once: boolean): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once }])
    return this
  }
}

const PRELOAD = '/opt/Stint/resources/app/out/preload/index.cjs'
const URL = 'app://stint/index.html'

function openMainWindow(quitting: () => boolean = () => false, loadError: Error | null = null, showWhenReady?: boolean) {
  const fake = new FakeBrowserWindow()
  fake.loadError = loadError
  const loadFailures: unknown[] = []
  const created: BrowserWindowConstructorOptions[] = []
  // Stands in for Electron's class: `new` records the options and answers the fake.
  function FakeWindowClass(options: BrowserWindowConstructorOptions) {
    created.push(options)
    return fake
  }
  const window = createMainWindow(
    // The adapter uses only the methods the fake implements.
    FakeWindowClass as unknown as BrowserWindowClass,
    { preload: PRELOAD, url: URL, isQuitting: quitting, onLoadFailed: (error) => loadFailures.push(error), ...(showWhenReady === undefined ? {} : { showWhenReady }) },
  )
  return { fake, window, created, loadFailures }
}

describe('Stint’s main window', () => {
  it('reports a page that fails to load instead of leaving an unhandled rejection', async () => {
    const failure = new Error('ERR_CONNECTION_REFUSED (-102) loading http://localhost:5173/')
    const { loadFailures } = openMainWindow(() => false, failure)
    await Promise.resolve()
    await Promise.resolve()
    expect(loadFailures).toEqual([failure])
  })

  it('is created hidden, isolated, sandboxed, without Node, with the preload script', () => {
    const { created } = openMainWindow()

    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({
      show: false,
      webPreferences: {
        preload: PRELOAD,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      },
    })
  })

  it('loads the app and shows itself only once the page is ready', () => {
    const { fake, window } = openMainWindow()

    expect(window).toBe(fake as unknown as BrowserWindow)
    expect(fake.loadedUrl).toBe(URL)
    expect(fake.visible).toBe(false)

    fake.emit('ready-to-show')

    expect(fake.visible).toBe(true)
  })

  it('stays closed at a start at login, the page loaded, until the tray opens it', () => {
    const { fake } = openMainWindow(() => false, null, false)
    expect(fake.loadedUrl).toBe(URL)
    fake.emit('ready-to-show')
    expect(fake.visible).toBe(false)
    showWindow(fake)
    expect(fake.visible).toBe(true)
  })

  it('shows itself on the first ready-to-show only', () => {
    const { fake } = openMainWindow()
    fake.emit('ready-to-show')
    fake.hide()

    fake.emit('ready-to-show')

    expect(fake.visible).toBe(false)
  })

  it('only hides into the tray when the user closes it, so the timers keep running', () => {
    const { fake } = openMainWindow()
    fake.emit('ready-to-show')

    const prevented = fake.emit('close')

    expect(prevented).toBe(true)
    expect(fake.visible).toBe(false)
  })

  it('really closes when Stint is quitting', () => {
    let quitting = false
    const { fake } = openMainWindow(() => quitting)
    fake.emit('ready-to-show')
    quitting = true

    const prevented = fake.emit('close')

    expect(prevented).toBe(false)
    expect(fake.log).not.toContain('hide')
  })
})

describe('bringing the window to the front', () => {
  it('restores a minimised window, shows it and focuses it', () => {
    const fake = new FakeBrowserWindow()
    fake.visible = true
    fake.minimized = true

    showWindow(fake)

    expect(fake.minimized).toBe(false)
    expect(fake.visible).toBe(true)
    expect(fake.focused).toBe(true)
    expect(fake.log).toEqual(['restore', 'show', 'focus'])
  })

  it('shows and focuses a window hidden in the tray without restoring it', () => {
    const fake = new FakeBrowserWindow()

    showWindow(fake)

    expect(fake.visible).toBe(true)
    expect(fake.focused).toBe(true)
    expect(fake.log).toEqual(['show', 'focus'])
  })
})
