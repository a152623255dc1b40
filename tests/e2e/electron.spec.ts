// Runs the real Electron app when an Electron binary is installed; where none can be
// downloaded (as on the build machines of this project) it skips and says why.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { ROOT } from '../support/web-host'

function electronBinary(): { path: string } | { reason: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    if (typeof path !== 'string') return { reason: 'the electron package did not return a binary path' }
    if (!existsSync(path)) return { reason: `no Electron binary at ${path}` }
    return { path }
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0] ?? 'unknown error'})` }
  }
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
