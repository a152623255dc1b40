// Start at login per platform: Electron's login items on Windows and macOS, an XDG
// autostart entry on Linux (where Electron's call does nothing), always with the
// argument that starts Stint in the tray; and how a launch knows it was a login start.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LoginItemSettings, Settings } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOGIN_ARGUMENT } from '../login/autostart'
import { applyStartAtLogin, startedAtLogin } from './login-item'

class FakeApp {
  readonly set: Settings[] = []
  openedAtLogin = false
  setLoginItemSettings(settings: Settings): void {
    this.set.push(settings)
  }
  getLoginItemSettings(): LoginItemSettings {
    return { wasOpenedAtLogin: this.openedAtLogin } as LoginItemSettings
  }
}

describe('start at login', () => {
  let home: string
  let app: FakeApp
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'stint-home-'))
    app = new FakeApp()
  })
  afterEach(() => rmSync(home, { recursive: true, force: true }))
  const entry = () => join(home, '.config', 'autostart', 'stint.desktop')

  it('on Windows and macOS asks Electron, with the tray argument', () => {
    for (const platform of ['win32', 'darwin'] as const) applyStartAtLogin(app, true, { platform, env: {}, home, execPath: 'C:\\Stint\\Stint.exe' })
    applyStartAtLogin(app, false, { platform: 'win32', env: {}, home, execPath: 'C:\\Stint\\Stint.exe' })
    expect(app.set).toEqual([
      { openAtLogin: true, args: [LOGIN_ARGUMENT] },
      { openAtLogin: true, args: [LOGIN_ARGUMENT] },
      { openAtLogin: false, args: [LOGIN_ARGUMENT] },
    ])
    expect(existsSync(entry())).toBe(false)
  })

  it('on Linux writes the autostart entry itself, for the AppImage when Stint runs from one', () => {
    applyStartAtLogin(app, true, { platform: 'linux', env: {}, home, execPath: '/opt/Stint/stint' })
    expect(readFileSync(entry(), 'utf8')).toContain(`Exec=/opt/Stint/stint ${LOGIN_ARGUMENT}\n`)
    applyStartAtLogin(app, true, { platform: 'linux', env: { APPIMAGE: '/home/ana/Stint.AppImage' }, home, execPath: '/tmp/.mount_Stint/stint' })
    expect(readFileSync(entry(), 'utf8')).toContain(`Exec=/home/ana/Stint.AppImage ${LOGIN_ARGUMENT}\n`)
    applyStartAtLogin(app, false, { platform: 'linux', env: {}, home, execPath: '/opt/Stint/stint' })
    expect(existsSync(entry())).toBe(false)
    expect(app.set).toEqual([])
  })

  it('knows a login start by its argument, or on macOS by what the system says', () => {
    expect(startedAtLogin(app, ['/opt/Stint/stint'], 'linux')).toBe(false)
    expect(startedAtLogin(app, ['/opt/Stint/stint', LOGIN_ARGUMENT], 'linux')).toBe(true)
    app.openedAtLogin = true
    expect(startedAtLogin(app, ['/Applications/Stint.app/Contents/MacOS/Stint'], 'darwin')).toBe(true)
    expect(startedAtLogin(app, ['C:\\Stint\\Stint.exe'], 'win32')).toBe(false)
  })
})
