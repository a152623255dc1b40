// Runs the real Electron app when an Electron binary is installed; where none is
// installed (none can be downloaded on this project's build machines) it skips and says why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { ROOT } from '../support/web-host'

/**
 * Finds an installed Electron binary the way the electron package does, but without
 * its fallback of downloading one (which cannot work offline and would stall the run).
 */
function electronBinary(): { path: string } | { reason: string } {
  const explicit = process.env['ELECTRON_PATH']
  if (explicit) return existsSync(explicit) ? { path: explicit } : { reason: `ELECTRON_PATH=${explicit} does not exist` }
  const pkg = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { reason: 'no Electron binary was downloaded (node_modules/electron/path.txt is missing)' }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? { path: binary } : { reason: `no Electron binary at ${binary}` }
}

test('the Electron app opens its window with the Timers view', async () => {
  const binary = electronBinary()
  if ('reason' in binary) {
    console.log(`[electron.spec] SKIPPED: ${binary.reason}. The Electron shell is covered by unit tests with fake Electron objects.`)
    test.skip(true, binary.reason)
    return
  }
  const userData = mkdtempSync(join(tmpdir(), 'stint-electron-'))
  const app = await electron.launch({ executablePath: binary.path, args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`] })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('heading', { level: 1, name: 'Timers' })).toBeVisible()
    await expect(window.locator('article.timer-card')).toHaveCount(9)
    const exposed = await window.evaluate(() => Object.keys((window as unknown as { stint: object }).stint).sort())
    expect(exposed).toEqual(['app', 'events', 'timers'])
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
