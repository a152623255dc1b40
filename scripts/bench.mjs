// `npm run bench`: builds if needed (the CPU comparison runs the built host), then runs bench/.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

buildIfNeeded()
const root = join(import.meta.dirname, '..')
const result = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--config', 'vitest.bench.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
