// The main window: hidden until ready, secure preferences, and closing it only hides
// it (Stint lives in the tray) unless the app is really quitting.
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { secureWebPreferences } from './security'

export type BrowserWindowFactory = (options: BrowserWindowConstructorOptions) => BrowserWindow

export interface MainWindowOptions {
  preload: string
  url: string
  icon?: string
  /** True once the user chose Quit: then closing really closes. */
  isQuitting(): boolean
  /** A page that failed to load is reported, never left as an unhandled rejection. */
  onLoadFailed(error: unknown): void
}

export function mainWindowOptions(options: Pick<MainWindowOptions, 'preload' | 'icon'>): BrowserWindowConstructorOptions {
  return {
    width: 1080,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Stint',
    autoHideMenuBar: true,
    backgroundColor: '#11151c',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preload),
  }
}

export function createMainWindow(create: BrowserWindowFactory, options: MainWindowOptions): BrowserWindow {
  const window = create(mainWindowOptions(options))
  window.once('ready-to-show', () => window.show())
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
