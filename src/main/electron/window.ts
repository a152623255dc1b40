// The main window: hidden until ready, secure preferences, and closing it only hides
// it (Stint lives in the tray) unless the app is really quitting. The window is made
// here with its preferences written out in the `new BrowserWindow({...})` call itself,
// so that a reader and electronegativity both see them where the window is created.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'

/** Electron's BrowserWindow class, passed in so tests can give a fake. */
export type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindow

export interface MainWindowOptions {
  preload: string
  url: string
  icon?: string
  /** False for a start at login: the window is made but stays closed until the tray opens it. */
  showWhenReady?: boolean
  /** True once the user chose Quit: then closing really closes. */
  isQuitting(): boolean
  /** A page that failed to load is reported, never left as an unhandled rejection. */
  onLoadFailed(error: unknown): void
}

// The parameter is named BrowserWindow on purpose: electronegativity recognises `new BrowserWindow`.
export function createMainWindow(BrowserWindow: BrowserWindowClass, options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1080,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Stint',
    autoHideMenuBar: true,
    backgroundColor: '#11151c',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise ask for a new window; the open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (options.showWhenReady !== false) window.once('ready-to-show', () => window.show())
  window.on('close', (event) => {
    if (options.isQuitting()) return
    event.preventDefault()
    window.hide()
  })
  window.loadURL(options.url).catch((error: unknown) => options.onLoadFailed(error))
  return window
}

export function showWindow(window: Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus'>): void {
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
