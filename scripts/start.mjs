// `npm start`: the desktop app, built and run by electron-vite; where Electron's binary is
// missing, one line that says so and what to run instead, not a stack trace.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { electronProblem } from './electron-binary.mjs'

const root = join(import.meta.dirname, '..')
const problem = electronProblem(root)
if (problem !== null) {
  console.error(problem)
  process.exit(1)
}
const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(result.status ?? 1)
