// Settings → Browser extension in real Chromium: "Set up Chromium" makes the browser host
// install the native host's manifest for the person running it (here a throwaway home
// folder), naming only Stint's extension and the host's own command; the panel says where.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shiftPageClock } from '../support/e2e-clock'
import { startHost, type RunningHost } from '../support/web-host'
import { expect, inBothThemes, test } from './fixtures'

const EXTENSION_ORIGIN = 'chrome-extension://jegeifgeopalhjggclaknmljmjcnogjn/'

let home: string
let dataDir: string
let host: RunningHost

test.beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'stint-e2e-home-'))
  dataDir = mkdtempSync(join(tmpdir(), 'stint-e2e-'))
  host = await startHost(dataDir, [], { HOME: home, XDG_CONFIG_HOME: join(home, '.config') })
})

test.afterEach(async () => {
  await host.stop()
  rmSync(home, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

test('setting up Chromium installs the native host for Stint’s extension only, and says where', async ({ page }) => {
  await shiftPageClock(page.context())
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByRole('region', { name: 'Browser extension' })
  await expect(panel).toContainText('Redmine, Request Tracker')

  await panel.getByRole('button', { name: 'Set up Chromium' }).click()
  const manifestPath = join(home, '.config', 'chromium', 'NativeMessagingHosts', 'app.stint.native_host.json')
  await expect(panel.getByRole('status')).toHaveText(`Chromium is set up: ${manifestPath}. Restart it if the extension says it cannot reach Stint.`)

  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { allowed_origins: string[]; path: string; type: string }
  expect(manifest.allowed_origins).toEqual([EXTENSION_ORIGIN])
  expect(manifest.type).toBe('stdio')
  expect(manifest.path.startsWith(dataDir)).toBe(true)

  await inBothThemes(page, 'settings-extension', panel)
})
