// Composition root of the Electron app: the only module that imports Electron's values.
// It builds the core (store, services, handlers) and wires the thin adapters around it.
import { join } from 'node:path'
import { BrowserWindow, Menu, Tray, app, dialog, ipcMain, nativeImage, protocol, session } from 'electron'
import { IPC_EVENT_PREFIX } from '@shared/ipc-channels'
import trayIcon from '../../../resources/tray/tray.png?asset'
import appIcon from '../../../resources/icon.png?asset'
import { systemClock } from '../clock'
import { createCore, type Core } from '../core'
import { StoreOpenError } from '../db/store'
import { consoleLogger } from '../logger'
import { APP_ENTRY_URL } from './app-url'
import { registerIpcHandlers } from './ipc'
import { PRIVILEGED_APP_SCHEME, handleAppProtocol } from './protocol'
import { denyAllPermissions, hardenWebContents } from './security'
import { acquireSingleInstance } from './single-instance'
import { createAppTray } from './tray'
import { createMainWindow, showWindow } from './window'

export async function startStint(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  const logger = consoleLogger
  let window: BrowserWindow | null = null
  let quitting = false

  protocol.registerSchemesAsPrivileged([PRIVILEGED_APP_SCHEME])
  if (!acquireSingleInstance(app, () => window && showWindow(window))) return

  app.on('before-quit', () => {
    quitting = true
  })
  // Stint keeps running in the tray when its window is closed.
  app.on('window-all-closed', () => {})
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))

  await app.whenReady()
  let core: Core
  try {
    core = await createCore({
      dataDir: app.getPath('userData'),
      clock: systemClock,
      logger,
      host: 'electron',
      version: app.getVersion(),
    })
  } catch (error) {
    const message = error instanceof StoreOpenError ? error.message : `Stint could not start: ${(error as Error).message}`
    dialog.showErrorBox('Stint cannot open its database', message)
    app.exit(1)
    return
  }
  app.on('will-quit', () => void core.close())

  denyAllPermissions(session.defaultSession)
  handleAppProtocol(protocol, join(import.meta.dirname, '../renderer'))
  registerIpcHandlers(ipcMain, {
    handlers: core.handlers,
    logger,
    policy: { mainFrame: () => window?.webContents.mainFrame ?? null, ...(devServerUrl ? { devServerUrl } : {}) },
  })

  window = createMainWindow((options) => new BrowserWindow(options), {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    url: devServerUrl ?? APP_ENTRY_URL,
    icon: appIcon,
    isQuitting: () => quitting,
    onLoadFailed: (error) => logger.error('the window could not load Stint', error),
  })
  core.events.subscribe((name, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_PREFIX + name, payload)
  })

  createAppTray(
    {
      createTray: (image) => new Tray(image),
      buildMenu: (template) => Menu.buildFromTemplate(template),
      image: nativeImage.createFromPath(trayIcon),
    },
    { open: () => window && showWindow(window), quit: () => app.quit() },
  )
}
