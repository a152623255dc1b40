// `npm start` where Electron's binary never arrived (this machine, a blocked download,
// `--ignore-scripts`) says so in one line and points to `npm run web`, instead of
// electron-vite's stack trace ending in "Electron uninstall".
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronProblem } from '../../scripts/electron-binary.mjs'

const root = join(import.meta.dirname, '..', '..')

describe('npm start without Electron’s binary', () => {
  let project: string
  const electron = () => join(project, 'node_modules', 'electron')
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'stint-start-'))
  })
  afterEach(() => rmSync(project, { recursive: true, force: true }))

  it('asks for npm install when the electron package is not there at all', () => {
    expect(electronProblem(project, {})).toMatch(/^Electron is not installed .*`npm install`/)
  })

  it('names what is missing and suggests npm run web when the package came without its binary', () => {
    mkdirSync(electron(), { recursive: true })
    writeFileSync(join(electron(), 'package.json'), '{}')
    const problem = electronProblem(project, {})
    expect(problem).toMatch(/binary was not downloaded.*`npm run web`/)
    expect(problem).not.toContain('\n')
    // path.txt written, but the download that should follow it failed.
    writeFileSync(join(electron(), 'path.txt'), 'electron')
    expect(electronProblem(project, {})).toBe(problem)
  })

  it('finds a binary in place, or where ELECTRON_OVERRIDE_DIST_PATH says', () => {
    mkdirSync(join(electron(), 'dist'), { recursive: true })
    writeFileSync(join(electron(), 'package.json'), '{}')
    writeFileSync(join(electron(), 'path.txt'), 'electron')
    writeFileSync(join(electron(), 'dist', 'electron'), '')
    expect(electronProblem(project, {})).toBeNull()
    rmSync(join(electron(), 'dist'), { recursive: true })
    const elsewhere = join(project, 'electron-dist')
    mkdirSync(elsewhere)
    writeFileSync(join(elsewhere, 'electron'), '')
    expect(electronProblem(project, { ELECTRON_OVERRIDE_DIST_PATH: elsewhere })).toBeNull()
  })

  it.skipIf(electronProblem(root) === null)('on this machine: exits 1 with that one line on stderr, before building anything', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs')], { cwd: root, encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trim().split('\n')).toEqual([electronProblem(root)])
  })
})
