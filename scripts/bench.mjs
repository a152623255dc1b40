// `npm run bench`: runs bench/*.bench.ts with vitest (vitest.bench.config.ts), one file
// after another. Arguments go to vitest, so one bench or a few run by name:
//   npm run bench -- reports             bench/reports.bench.ts (any part of the path)
//   npm run bench -- csv timers          two of them
//   npm run bench -- bench/sync.bench.ts  a path works too
// Builds first (out/ older than src/) only when a chosen bench runs the built host or
// server: one that reaches tests/support/web-host.ts through its relative imports.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = join(import.meta.dirname, '..')
const args = process.argv.slice(2)

/** The bench files vitest will run: a file matches a filter when its path contains it, as vitest's own filters do. */
function chosenBenches() {
  const all = readdirSync(join(root, 'bench'))
    .filter((name) => name.endsWith('.bench.ts'))
    .map((name) => join(root, 'bench', name))
  const filters = args.filter((arg) => !arg.startsWith('-'))
  if (filters.length === 0) return all
  return all.filter((file) => filters.some((filter) => relative(root, file).includes(filter.replace(/^\.\//, '')) || file === resolve(root, filter)))
}

const BUILT = join(root, 'tests', 'support', 'web-host.ts')

/** Whether `file` reaches the built-host helper through relative imports. */
function needsBuild(file, seen = new Set()) {
  if (seen.has(file)) return false
  seen.add(file)
  if (file === BUILT) return true
  const source = readFileSync(file, 'utf8')
  for (const [, path] of source.matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), path)
    const candidate = [target, `${target}.ts`, join(target, 'index.ts')].find((p) => existsSync(p) && p.endsWith('.ts'))
    if (candidate !== undefined && needsBuild(candidate, seen)) return true
  }
  return false
}

if (chosenBenches().some((file) => needsBuild(file))) buildIfNeeded()
const result = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'vitest.bench.config.ts', ...args], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
