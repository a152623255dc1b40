// Shared end-to-end fixtures: a fresh data folder and browser host per test, an axe
// check that fails on any violation, and screenshots of each view under test-results/.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { shiftPageClock } from '../support/e2e-clock'
import { ROOT, startHost, type RunningHost } from '../support/web-host'

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots')

interface Fixtures {
  dataDir: string
  host: RunningHost
}

export const test = base.extend<Fixtures>({
  // The page lives on the suite's clock (see e2e-clock.ts), as its host does.
  page: async ({ page }, use) => {
    await shiftPageClock(page.context())
    await use(page)
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies as a destructured object
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'stint-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },
  host: async ({ dataDir }, use) => {
    const host = await startHost(dataDir)
    await use(host)
    await host.stop()
  },
})

export { expect }

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, 'axe violations').toEqual([])
}

/** The whole page, or only `part` of it (a dialog, a settings section) when given. */
export async function screenshot(page: Page, name: string, part?: Locator): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  if (part) await part.screenshot({ path })
  else await page.screenshot({ path, fullPage: true })
}

/** Axe and a screenshot in light and then dark, leaving the page light. */
export async function inBothThemes(page: Page, name: string, part?: Locator): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectNoAxeViolations(page)
    await screenshot(page, `${name}-${scheme}`, part)
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
