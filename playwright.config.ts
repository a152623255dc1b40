// End-to-end tests drive the real renderer in Debian's Chromium against the browser
// host (real services, real SQLite). Electron itself is covered by electron.spec.ts,
// which skips when no Electron binary can run.
import { defineConfig } from '@playwright/test'
import { E2E_ZONE, fixE2eClock } from './tests/support/e2e-clock'

fixE2eClock()

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-results.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] },
    viewport: { width: 1180, height: 780 },
    timezoneId: E2E_ZONE,
    trace: 'retain-on-failure',
  },
})
