// Start at login on Linux: an XDG autostart entry that starts Stint into the tray, written
// whole, removed when the setting is off, in $XDG_CONFIG_HOME or ~/.config, and an Exec
// line a desktop reads back as the same program and argument whatever the path holds.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOGIN_ARGUMENT, autostartEntry, autostartFile, execArgument, setXdgAutostart } from './autostart'

describe('start at login on Linux (XDG autostart)', () => {
  let home: string
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'stint-home-'))
  })
  afterEach(() => rmSync(home, { recursive: true, force: true }))

  it('writes a desktop entry that starts Stint in the tray, and removes it when turned off', () => {
    const options = { env: {}, home, executable: '/opt/Stint/stint' }
    setXdgAutostart(true, options)
    const file = join(home, '.config', 'autostart', 'stint.desktop')
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Stint',
        'Comment=Session timers and timesheets',
        `Exec=/opt/Stint/stint ${LOGIN_ARGUMENT}`,
        'Icon=stint',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    )
    expect(statSync(file).mode & 0o777).toBe(0o644)
    // Set again (every settings change applies it): the same single file, no temporary left.
    setXdgAutostart(true, options)
    expect(readdirSync(join(home, '.config', 'autostart'))).toEqual(['stint.desktop'])
    setXdgAutostart(false, options)
    expect(existsSync(file)).toBe(false)
    // Off when it is already off is no error.
    setXdgAutostart(false, options)
  })

  it('uses $XDG_CONFIG_HOME when it is an absolute path, and ~/.config otherwise', () => {
    expect(autostartFile({ env: { XDG_CONFIG_HOME: '/srv/cfg' }, home })).toBe('/srv/cfg/autostart/stint.desktop')
    expect(autostartFile({ env: { XDG_CONFIG_HOME: 'relative/cfg' }, home })).toBe(join(home, '.config', 'autostart', 'stint.desktop'))
    expect(autostartFile({ env: { XDG_CONFIG_HOME: '' }, home })).toBe(join(home, '.config', 'autostart', 'stint.desktop'))
  })

  it('quotes and escapes the program path as the Desktop Entry spec asks', () => {
    expect(execArgument('/opt/Stint/stint')).toBe('/opt/Stint/stint')
    expect(execArgument('/home/ana/Apps/Stint 1.0.AppImage')).toBe('"/home/ana/Apps/Stint 1.0.AppImage"')
    expect(execArgument('/home/ana/$HOME/it"s')).toBe('"/home/ana/\\\\$HOME/it\\\\"s"')
    expect(execArgument('C:\\odd')).toBe('"C:\\\\\\\\odd"')
    expect(execArgument('/apps/100%/stint')).toBe('/apps/100%%/stint')
    expect(autostartEntry(['/home/ana/My Apps/stint', LOGIN_ARGUMENT])).toContain(`Exec="/home/ana/My Apps/stint" ${LOGIN_ARGUMENT}\n`)
  })
})
