// Start at login, per platform: Electron keeps the list on Windows and macOS; on Linux,
// where Electron's setLoginItemSettings does nothing, Stint writes an XDG autostart entry.
import type { App } from 'electron'
import { LOGIN_ARGUMENT, setXdgAutostart } from '../login/autostart'

type LoginApp = Pick<App, 'setLoginItemSettings' | 'getLoginItemSettings'>

export interface LoginPlatform {
  platform: NodeJS.Platform
  env: Readonly<Record<string, string | undefined>>
  home: string
  execPath: string
}

/** Makes the login list say `on`. */
export function applyStartAtLogin(app: LoginApp, on: boolean, { platform, env, home, execPath }: LoginPlatform): void {
  if (platform === 'linux') {
    // Run from an AppImage, the executable is inside a mount that is gone at the next login: start the AppImage itself.
    setXdgAutostart(on, { env, home, executable: env['APPIMAGE'] ?? execPath })
    return
  }
  app.setLoginItemSettings({ openAtLogin: on, args: [LOGIN_ARGUMENT] })
}

/** Whether this launch is a login start: then Stint starts in the tray and the window stays closed. */
export function startedAtLogin(app: LoginApp, argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(LOGIN_ARGUMENT)) return true
  // macOS starts login items without their arguments and says so here instead.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
}
