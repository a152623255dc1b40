import { startHost } from '../support/web-host'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

test('the Timers view lists nine coloured slots, passes axe and looks right in light and dark', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Timers' })).toBeVisible()
  const cards = page.locator('article.timer-card')
  await expect(cards).toHaveCount(9)
  for (let slot = 1; slot <= 9; slot++) {
    await expect(page.getByRole('button', { name: `Start Timer ${slot}` })).toBeVisible()
  }
  // The token left the address bar as soon as it was traded for a cookie.
  expect(page.url()).not.toContain('token=')

  await page.getByRole('button', { name: 'Start Timer 2' }).click()
  await page.getByRole('button', { name: 'Start Timer 5' }).click()
  await expect(page.getByText('2 running')).toBeVisible()

  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timers-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timers-dark')
})

test('starting and stopping from the keyboard only', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.locator('article.timer-card')).toHaveCount(9)
  const start = page.getByRole('button', { name: 'Start Timer 1' })
  // Tab from the top of the page until the first Start button has focus.
  const focused = () => page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null')
  for (let i = 0; i < 10 && (await focused()) !== 'Start Timer 1'; i++) await page.keyboard.press('Tab')
  await expect(start).toBeFocused()
  await page.keyboard.press('Enter')
  const stop = page.getByRole('button', { name: 'Stop Timer 1' })
  await expect(stop).toBeVisible()
  await expect(stop).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Start Timer 1' })).toBeVisible()
})

test('a running timer is still running after the host restarts, and its time kept counting', async ({ page, host, dataDir }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 3' }).click()
  await page.getByRole('button', { name: 'Start Timer 7' }).click()
  await expect(page.locator('article[data-slot="7"]').getByRole('timer')).toHaveText('0:00:01', { timeout: 5000 })
  await page.getByRole('button', { name: 'Stop Timer 7' }).click()
  const card3 = page.locator('article[data-slot="3"]')
  await expect(card3.getByRole('timer')).not.toHaveText('0:00:00', { timeout: 5000 })
  await host.stop('SIGTERM')

  const again = await startHost(dataDir)
  try {
    await page.goto(again.url)
    await expect(page.getByRole('button', { name: 'Stop Timer 3' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Start Timer 7' })).toBeVisible()
    await expect(page.locator('article[data-slot="7"]')).toContainText('Stopped')
    // Elapsed time is derived from the stored start instant, so it continues across the restart.
    await expect(card3.getByRole('timer')).not.toHaveText(/^0:00:0[01]$/, { timeout: 5000 })
  } finally {
    await again.stop()
  }
})

test('an error from the host is shown, not swallowed', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 4' }).click()
  await expect(page.getByRole('button', { name: 'Stop Timer 4' })).toBeVisible()
  // A second start of a running timer, as a stale second window would send it.
  const status = await page.evaluate(async () => {
    const response = await fetch('/api/call/timers.start', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ slot: 4 }) })
    return { status: response.status, body: await response.json() }
  })
  expect(status).toEqual({ status: 409, body: { ok: false, error: { code: 'conflict', message: 'Timer 4 is already running.' } } })
})
