// Composition root of the Electron app: the only module that imports Electron's values.
// It builds the core (store, services, handlers) and wires the thin adapters around it:
// window, tray, IPC, power monitor, global shortcuts, ticket links, quit guard.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  dialog,
  globalShortcut,
  ipcMain,
  nativeImage,
  nativeTheme,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron'
import type { EventPayload } from '@shared/contract'
import { IPC_EVENT_PREFIX } from '@shared/ipc-channels'
import { resolveLanguage } from '@shared/i18n/languages'
import { refusalText } from '@shared/i18n/refusal-text'
import { createTranslator, ENGLISH, type Translator } from '@shared/i18n/translator'
import type { Settings } from '@shared/settings'
import { parseStintLink, parseTimerArgs, type TimerCommand } from '@shared/ticket-link'
import appIcon from '../../../resources/icon.png?asset'
import { systemClock } from '../clock'
import { createCore, type Core } from '../core'
import { FileLog } from '../log/file-log'
import { consoleLogger } from '../logger'
import { failureMessage, startFailureMessage } from '../start-failure'
import { ReminderService } from '../timers/reminders'
import { realScheduler } from '../timers/scheduler'
import { installNativeHost } from '../extension/install-native-host'
import { browsersToInstall, installNativeHosts, NATIVE_HOST_SWITCH, openExtensionChannel } from '../extension/channel'
import { runNativeHost } from '../native-host/host'
import { runTimerCommand, stoppedText, type CommandFeedback } from '../timers/timer-commands'
import { JsonFileSettingsStore } from '../settings/settings-store'
import { APP_ENTRY_URL } from './app-url'
import { registerIpcHandlers } from './ipc'
import { connectPowerMonitor } from './power'
import { PRIVILEGED_APP_SCHEME, handleAppProtocol } from './protocol'
import { installQuitGuard, type QuitChoice } from './quit-guard'
import { externalOpener } from './external-links'
import { denyAllPermissions, hardenWebContents } from './security'
import { decisionNotice } from '../sync/decision-notice'
import { usageAlertNotice } from '../reports/usage-alert-notice'
import { SafeStorageSecretStore } from './secret-store'
import { KeyedTicketSecrets } from '../ticket-writes/secrets'
import { saveDialogDestination } from './save-dialog'
import { registerTimerShortcuts, type ShortcutReport } from './shortcuts'
import { acquireSingleInstance } from './single-instance'
import { TrayController } from './tray'
import { applyStartAtLogin, startedAtLogin } from './login-item'
import { createMainWindow, showWindow } from './window'

const LINK_SCHEME = 'stint'
// The language of the tray, notifications and dialogs: the setting's, or with System the operating system's (English until the settings are read).
let translator: Translator = ENGLISH

/**
 * Starts Stint. Any failure once the single-instance lock is held ends the process with
 * the reason, rather than leaving a Stint with no window and no tray holding the lock.
 */
export async function startStint(): Promise<void> {
  // Started by the browser as the extension's native-messaging host: relay, no window, no tray, no lock.
  if (process.argv.includes(NATIVE_HOST_SWITCH)) {
    const socketPath = process.env['STINT_EXTENSION_SOCKET']
    if (socketPath) await runNativeHost({ input: process.stdin, output: process.stdout, socketPath, log: (line) => process.stderr.write(`stint native host: ${line}\n`) })
    app.exit(socketPath ? 0 : 2)
    return
  }
  try {
    await start()
  } catch (error) {
    consoleLogger.error('Stint could not start', error)
    dialog.showErrorBox(translator.t('notices.couldNotStart'), startFailureMessage(error, translator))
    app.exit(1)
  }
}

async function start(): Promise<void> {
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
  // Every line goes to the console and to stint.log in the user-data folder (rotated).
  const logger = new FileLog({ dataDir: app.getPath('userData'), also: consoleLogger })
  logger.info(`Stint ${app.getVersion()} is starting with data in ${app.getPath('userData')}`)
  const logError = (error: unknown) => logger.error('unexpected failure', error)
  let window: BrowserWindow | null = null
  let core: Core | null = null
  let shortcuts: ShortcutReport | null = null
  let quitting = false
  // Links and command lines that arrive before the core is ready wait here.
  const pending: TimerCommand[] = []
  const t: Translator['t'] = (id, values) => translator.t(id, values)

  protocol.registerSchemesAsPrivileged([PRIVILEGED_APP_SCHEME])
  const feedback: CommandFeedback = {
    confirmKeepShort: async (label, seconds) => {
      const { response } = await dialog.showMessageBox({
        type: 'question',
        title: t('timers.short.title'),
        message: t('notices.shortRun.message', { label, seconds }),
        detail: t('notices.shortRun.detail'),
        buttons: [t('notices.shortRun.keep'), t('notices.shortRun.discard')],
        defaultId: 0,
        cancelId: 0,
      })
      return response === 0
    },
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body, silent: true }).show()
    },
  }
  const run = (command: TimerCommand) => {
    if (core) void runTimerCommand(core.timers, command, feedback, translator).catch(logError)
    else pending.push(command)
  }
  const handleArgv = (argv: readonly string[]) => {
    const parsed = parseTimerArgs(argv)
    if (!parsed.ok) feedback.notify(t('notices.refusedRequest'), parsed.error)
    else if (parsed.command) run(parsed.command)
  }
  const handleLink = (url: string) => {
    const parsed = parseStintLink(url)
    if (parsed.ok) run(parsed.command)
    else feedback.notify(t('notices.refusedLink'), parsed.error)
  }

  if (
    !acquireSingleInstance(app, (argv) => {
      // A second launch: its request (if any) is carried out here; a plain launch brings the window forward.
      const parsed = parseTimerArgs(argv)
      if (parsed.ok && parsed.command === null) {
        if (window) showWindow(window)
      } else handleArgv(argv)
    })
  )
    return

  // macOS delivers links this way, possibly before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    handleLink(url)
  })
  // Stint keeps running in the tray when its window is closed.
  app.on('window-all-closed', () => {})
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))

  await app.whenReady()
  // Never throws: a damaged file is kept aside and the defaults apply (settings-store.ts).
  const settings = new JsonFileSettingsStore(app.getPath('userData'), logger)
  const languageOf = (next: Settings) => resolveLanguage(next.language, [...app.getPreferredSystemLanguages(), app.getLocale()])
  translator = createTranslator(languageOf(settings.get()))
  try {
    core = await createCore({
      dataDir: app.getPath('userData'),
      clock: systemClock,
      logger,
      settings,
      host: 'electron',
      version: app.getVersion(),
      secrets: new SafeStorageSecretStore(safeStorage, app.getPath('userData'), logger),
      // One safeStorage file per ticket system a standalone technician set up (its id is a plain id, safe as a file name).
      ticketSecrets: new KeyedTicketSecrets((id) => new SafeStorageSecretStore(safeStorage, app.getPath('userData'), logger, process.platform, `ticket-system-${id}.bin`)),
      handlerOverrides: { 'settings.shortcutStatus': () => ({ available: true, entries: shortcuts ? [...shortcuts.entries] : [] }) },
      exportDestination: saveDialogDestination({ dialog, window: () => window, downloadsFolder: () => app.getPath('downloads') }),
      openExternal: externalOpener(shell),
      setUpBrowser: (browser) => installNativeHost({ browser, dataDir: app.getPath('userData'), command: nativeHostCommand() }),
      // The later read-through found damage (the log has it too): say it where the user looks.
      onDamagedFile: (message, refusal) =>
        void dialog.showMessageBox({ type: 'error', title: t('notices.damaged'), message: t('notices.damaged'), detail: refusalText(refusal.id, refusal.values, translator) ?? message, buttons: [t('notices.ok')] }),
    })
  } catch (error) {
    dialog.showErrorBox(t('notices.cannotOpen'), startFailureMessage(error, translator))
    app.exit(1)
    return
  }
  const ready = core

  // Ticket links: stint://timer/start?ref=… (in development the dev Electron binary is registered with the app path).
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [resolve(process.argv[1])])
  else app.setAsDefaultProtocolClient(LINK_SCHEME)

  denyAllPermissions(session.defaultSession)
  handleAppProtocol(protocol, join(import.meta.dirname, '../renderer'))
  registerIpcHandlers(ipcMain, {
    handlers: ready.handlers,
    logger,
    policy: { mainFrame: () => window?.webContents.mainFrame ?? null, ...(devServerUrl ? { devServerUrl } : {}) },
  })
  connectPowerMonitor(powerMonitor, ready.timers, logError)
  // The browser extension's channel (its native host connects here), and --install-native-host=chromium,firefox.
  const channel = await openExtensionChannel({ core: ready, dataDir: app.getPath('userData'), feedback, translator: () => translator, logger })
  const installFor = process.argv.find((arg) => arg.startsWith('--install-native-host='))?.slice('--install-native-host='.length)
  const browsers = installFor === undefined ? null : browsersToInstall(installFor)
  if (browsers && !browsers.ok) logger.error(browsers.problem)
  else if (browsers) {
    const command = nativeHostCommand()
    await installNativeHosts(browsers.browsers, { dataDir: app.getPath('userData'), command, logger }).catch(logError)
  }
  const reminders = new ReminderService({
    clock: systemClock,
    scheduler: realScheduler,
    settings: () => settings.get().reminders,
    anyRunning: async () => (await ready.timers.list()).some((t) => t.state === 'running'),
    notify: (title, body) => feedback.notify(title, body),
    translator: () => translator,
    onError: logError,
  })

  // What the login list was last set to: set at start (the program may have moved) and when the setting changes, not at every other settings change.
  let loginSet: boolean | null = null
  const applySettings = (next: Settings) => {
    const language = languageOf(next)
    if (language !== translator.language) translator = createTranslator(language)
    shortcuts?.unregister()
    shortcuts = registerTimerShortcuts(
      globalShortcut,
      next.shortcuts,
      {
        toggle: (slot) => void ready.timers.toggle(slot).catch(logError),
        pauseAll: () => void ready.timers.pauseAll().catch(logError),
      },
      translator,
    )
    ready.events.emit('shortcuts.changed', { available: true, entries: [...shortcuts.entries] })
    reminders.apply()
    // The chosen theme for what Electron draws itself (menus, dialogs, the window frame) and for the page's prefers-color-scheme.
    nativeTheme.themeSource = next.appearance.theme
    // Only a packaged app belongs in the login list: a development build would start Electron's bare binary.
    if (app.isPackaged && next.startAtLogin !== loginSet) {
      loginSet = next.startAtLogin
      try {
        applyStartAtLogin(app, next.startAtLogin, { platform: process.platform, env: process.env, home: homedir(), execPath: process.execPath })
      } catch (error) {
        logger.error('start at login could not be set', error)
      }
    }
  }
  applySettings(settings.get())
  ready.events.subscribe((name, payload) => {
    if (name === 'settings.changed' && 'settings' in payload) applySettings(payload.settings)
  })
  ready.events.subscribe((name, payload) => {
    if (name !== 'period.decided') return
    const notice = decisionNotice(payload as EventPayload<'period.decided'>, translator)
    feedback.notify(notice.title, notice.body)
  })
  ready.events.subscribe((name, payload) => {
    if (name !== 'contracts.usageAlert') return
    const notice = usageAlertNotice(payload as EventPayload<'contracts.usageAlert'>, translator)
    feedback.notify(notice.title, notice.body)
  })

  window = createMainWindow(BrowserWindow, {
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    url: devServerUrl ?? APP_ENTRY_URL,
    icon: appIcon,
    showWhenReady: !startedAtLogin(app, process.argv, process.platform),
    isQuitting: () => quitting,
    onLoadFailed: (error) => logger.error('the window could not load Stint', error),
  })
  ready.events.subscribe((name, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT_PREFIX + name, payload)
  })
  // A damaged settings file was set aside at start: say so once the window is up.
  const settingsNotice = settings.notice
  if (settingsNotice) {
    const shown = window
    shown.once('ready-to-show', () => {
      dialog
        .showMessageBox(shown, { type: 'warning', title: t('notices.settingsReset'), message: t('notices.settingsReset'), detail: settingsNotice, buttons: [t('notices.ok')] })
        .catch(logError)
    })
  }

  installQuitGuard(app, {
    runningCount: async () => (await ready.timers.list()).filter((t) => t.state === 'running').length,
    ask: async (running): Promise<QuitChoice> => {
      const { response } = await dialog.showMessageBox({
        type: 'question',
        title: t('notices.quit.title'),
        message: t('notices.quit.message', { count: running }),
        detail: t('notices.quit.detail'),
        buttons: [t('notices.quit.stop'), t('notices.quit.keep'), t('notices.quit.cancel')],
        defaultId: 1,
        cancelId: 2,
      })
      return (['stop', 'keep', 'cancel'] as const)[response] ?? 'cancel'
    },
    stopRunning: async () => {
      for (const timer of await ready.timers.list()) if (timer.state === 'running') await ready.timers.stop(timer.slot, { keepShort: true })
    },
    close: async (keepRunning) => {
      quitting = true
      shortcuts?.unregister()
      reminders.stop()
      await channel?.close()
      await ready.close({ keepRunning })
    },
    onError: logError,
  })

  const stopFromTray = async (slot: number) => {
    let result = await ready.timers.stop(slot)
    if (result.outcome === 'confirm-short') {
      if (!(await feedback.confirmKeepShort(result.timer.label, result.seconds))) {
        await ready.timers.discard(slot)
        return
      }
      result = await ready.timers.stop(slot, { keepShort: true })
    }
    // Time that fell into a locked period waits as a question: say so, the window may be closed.
    if (result.outcome === 'stopped' && result.heldSeconds > 0) feedback.notify(t('notices.stopped.title', { name: result.timer.label }), stoppedText(result, translator))
  }
  const tray = new TrayController({
    tray: new Tray(nativeImage.createEmpty()),
    buildMenu: (template) => Menu.buildFromTemplate(template),
    createImage: (representations, template) => {
      const [first, ...rest] = representations
      const image = first ? nativeImage.createFromBitmap(Buffer.from(first.buffer), { width: first.width, height: first.height, scaleFactor: first.scaleFactor }) : nativeImage.createEmpty()
      for (const r of rest) image.addRepresentation({ scaleFactor: r.scaleFactor, width: r.width, height: r.height, buffer: Buffer.from(r.buffer) })
      image.setTemplateImage(template)
      return image
    },
    scheduler: realScheduler,
    now: () => systemClock.now(),
    platform: process.platform,
    onAction: (action) => {
      const done = (() => {
        switch (action.type) {
          case 'start':
          case 'resume':
            return ready.timers.start(action.slot)
          case 'pause':
            return ready.timers.pause(action.slot)
          case 'stop':
            return stopFromTray(action.slot)
          case 'new-timer':
            return ready.timers.startNext()
          case 'continue':
            return ready.timers.continueEntry(action.entryId)
          case 'pause-all':
            return ready.timers.pauseAll()
          case 'open':
            if (window) showWindow(window)
            return Promise.resolve()
          case 'quit':
            app.quit()
            return Promise.resolve()
        }
      })()
      done.then(
        () => undefined,
        (error: unknown) => feedback.notify(t('notices.failed'), failureMessage(error, translator)),
      )
    },
  })
  tray.setTranslator(translator)
  tray.update(await ready.timers.list())
  tray.setQuestions((await ready.timers.prompts()).length)
  const showRecent = () =>
    ready.entries.recentStopped().then(
      (recent) => tray.setRecent(recent),
      logError,
    )
  await showRecent()
  ready.events.subscribe((name, payload) => {
    if (name === 'entries.changed') void showRecent()
    if (name === 'settings.changed') tray.setTranslator(translator)
    if (name === 'timers.changed' && 'timers' in payload) tray.update(payload.timers)
    if (name === 'prompts.changed' && 'prompts' in payload) tray.setQuestions(payload.prompts.length)
  })

  handleArgv(process.argv)
  for (const command of pending.splice(0)) run(command)
}

/** What the native host's launcher runs: Stint itself (its fuses forbid running it as plain Node); a development build names its app folder. */
function nativeHostCommand(): string[] {
  return [process.execPath, ...(process.defaultApp && process.argv[1] ? [resolve(process.argv[1])] : []), NATIVE_HOST_SWITCH]
}
