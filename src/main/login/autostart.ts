// Starting Stint at login. Windows and macOS keep the list themselves (Electron's
// setLoginItemSettings); on Linux desktops the list is the XDG autostart folder, where a
// desktop entry file starts a program when its user logs in
// (https://specifications.freedesktop.org/autostart-spec/). Either way Stint is started
// with LOGIN_ARGUMENT, so it starts in the tray without opening its window.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The argument a login start carries: the window stays closed, the tray is there. */
export const LOGIN_ARGUMENT = '--at-login'

const ENTRY_FILE = 'stint.desktop'

/**
 * One argument of a desktop entry's Exec line: quoted when it holds anything but plain
 * characters, with `"`, `` ` ``, `$` and `\` escaped inside the quotes, and a literal `%`
 * doubled (the Desktop Entry spec, "The Exec key").
 */
export function execArgument(argument: string): string {
  const percent = argument.replaceAll('%', '%%')
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(percent)) return percent
  // Inside quotes a backslash is written twice: once for the quoting, once for the string value.
  return `"${percent.replace(/["`$\\]/g, (c) => (c === '\\' ? '\\\\\\\\' : `\\\\${c}`))}"`
}

/** The autostart entry that starts `command` at login. */
export function autostartEntry(command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Stint',
    'Comment=Session timers and timesheets',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Icon=stint',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

export interface XdgAutostartOptions {
  env: Readonly<Record<string, string | undefined>>
  home: string
  /** The program to start: the AppImage's own path when Stint runs from one, else the executable. */
  executable: string
}

/** Where the entry lives: $XDG_CONFIG_HOME/autostart, else ~/.config/autostart. */
export function autostartFile({ env, home }: Pick<XdgAutostartOptions, 'env' | 'home'>): string {
  const configHome = env['XDG_CONFIG_HOME']?.startsWith('/') ? env['XDG_CONFIG_HOME'] : join(home, '.config')
  return join(configHome, 'autostart', ENTRY_FILE)
}

/** Writes or removes Stint's autostart entry; writes whole files only (a temporary file renamed into place). */
export function setXdgAutostart(on: boolean, options: XdgAutostartOptions): void {
  const file = autostartFile(options)
  if (!on) {
    rmSync(file, { force: true })
    return
  }
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, autostartEntry([options.executable, LOGIN_ARGUMENT]), { mode: 0o644 })
  renameSync(temporary, file)
}
