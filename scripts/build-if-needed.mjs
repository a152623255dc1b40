// Rebuilds out/ when any source or config file is newer than the build, so
// `npm run web`, `npm run server` and `npm test` always run what is in src/. Build
// output goes to stderr: stdout of `npm run web` starts with its URL, and that of
// `npm run server -- init` is the token alone.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const outputs = ['out/web/host.js', 'out/server/server.js', 'out/renderer/index.html', 'out/main/index.js', 'out/preload/index.cjs', 'out/native-host/host.js', 'out/extension/manifest.json', 'out/stint-extension.zip']
const inputs = ['src', 'resources', 'package.json', 'package-lock.json', 'electron.vite.config.ts', 'vite.web.config.ts', 'vite.server.config.ts', 'scripts/csp-plugin.ts', 'scripts/build-extension.mjs', 'scripts/zip.mjs']

function newestMtime(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function buildIsFresh() {
  const built = outputs.map((p) => join(root, p))
  if (!built.every((p) => existsSync(p))) return false
  const oldestOutput = Math.min(...built.map((p) => statSync(p).mtimeMs))
  const newestInput = Math.max(...inputs.map((p) => join(root, p)).filter((p) => existsSync(p)).map(newestMtime))
  return newestInput <= oldestOutput
}

export function buildIfNeeded() {
  if (buildIsFresh()) return
  process.stderr.write('Building Stint (out/ is missing or older than the sources)…\n')
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' })
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n')
    process.exit(result.status ?? 1)
  }
}
