// What both hosts (Electron, the browser host) do for the browser extension: open the
// socket its native host connects to, and install the host for a browser when asked on
// the command line (--install-native-host=chromium|chrome|firefox; a Settings button later).
import type { Translator } from '@shared/i18n/translator'
import type { Core } from '../core'
import type { Logger } from '../logger'
import type { CommandFeedback } from '../timers/timer-commands'
import { installNativeHost, NATIVE_HOST_BROWSERS, type NativeHostBrowser } from './install-native-host'
import { startTicketSocket, ticketSocketPath, type TicketSocket } from './ticket-socket'

/** The switch that makes the desktop app's executable the extension's native-messaging host. */
export const NATIVE_HOST_SWITCH = '--stint-native-host'

export interface ExtensionChannelOptions {
  core: Pick<Core, 'timers' | 'work' | 'events'>
  dataDir: string
  feedback: CommandFeedback
  translator?: () => Translator
  logger: Logger
}

/** Opens the channel; a failure is logged and leaves the app running without it (the extension then falls back to links). */
export async function openExtensionChannel(options: ExtensionChannelOptions): Promise<TicketSocket | null> {
  try {
    return await startTicketSocket({
      path: ticketSocketPath(options.dataDir),
      timers: options.core.timers,
      workItems: () => options.core.work.listWorkItems(),
      events: options.core.events,
      feedback: options.feedback,
      ...(options.translator ? { translator: options.translator } : {}),
      logger: options.logger,
    })
  } catch (error) {
    options.logger.error('the browser extension channel could not be opened; the extension will use stint:// links only', error)
    return null
  }
}

/** The browsers named by `--install-native-host=chromium,firefox`, or a problem in words. */
export function browsersToInstall(value: string): { ok: true; browsers: NativeHostBrowser[] } | { ok: false; problem: string } {
  const names = value.split(',').map((name) => name.trim().toLowerCase())
  const unknown = names.filter((name) => !(NATIVE_HOST_BROWSERS as readonly string[]).includes(name))
  if (unknown.length > 0 || names.length === 0) return { ok: false, problem: `--install-native-host takes ${NATIVE_HOST_BROWSERS.join(', ')} (comma-separated), not "${unknown.join(',')}".` }
  return { ok: true, browsers: names as NativeHostBrowser[] }
}

export async function installNativeHosts(
  browsers: readonly NativeHostBrowser[],
  options: { dataDir: string; command: readonly string[]; manifestDir?: string; logger: Logger },
): Promise<void> {
  for (const browser of browsers) {
    const installed = await installNativeHost({ browser, ...options })
    options.logger.info(`the native-messaging host for ${browser} is installed: ${installed.manifestPath} (allows ${installed.allowed})`)
  }
}
