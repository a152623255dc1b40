// Where the team server keeps its SQLite database when --data-dir is not given: the
// platform's per-user data folder, apart from the desktop app's and the browser host's.
import { homedir } from 'node:os'
import { join } from 'node:path'

export function defaultServerDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Stint Server')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Stint Server')
  return join(env['XDG_DATA_HOME'] || join(homedir(), '.local', 'share'), 'stint-server')
}
