// Whether Electron's own binary is here. npm installs the `electron` package and its
// install script then downloads the binary; where that download cannot happen (no
// network, a blocked mirror, `--ignore-scripts`) the package is there without it, and
// Electron's tools fail with a stack trace ("Electron uninstall"). `npm start` asks first.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Why the desktop app cannot start from `root` (one line), or null when Electron's binary is in place. */
export function electronProblem(root, env = process.env) {
  const electron = join(root, 'node_modules', 'electron')
  if (!existsSync(join(electron, 'package.json'))) return 'Electron is not installed (node_modules/electron is missing): run `npm install` first.'
  const pathFile = join(electron, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? join(override, relative || 'electron') : relative ? join(electron, 'dist', relative) : null
  if (binary !== null && existsSync(binary)) return null
  return (
    'The desktop app cannot start: Electron’s binary was not downloaded when it was installed (no network, or install scripts skipped). ' +
    'Run `npm run web` to use Stint in a browser, or get the binary with `npm rebuild electron` where its download is allowed.'
  )
}
