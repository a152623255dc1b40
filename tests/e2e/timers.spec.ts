import { clockLaterEnv } from '../support/e2e-clock'
import { startHost } from '../support/web-host'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

test('the Timers view lists nine coloured slots, passes axe and looks right in light and dark', async ({ page, host }) => {
  // Three axe passes over a page whose running timers repaint every second take 7–11 s each on CI's two cores.
  test.setTimeout(60_000)
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Timers' })).toBeVisible()
  await expect(page.locator('article.timer-card')).toHaveCount(9)
  for (let slot = 1; slot <= 9; slot++) await expect(page.getByRole('button', { name: `Start Timer ${slot}` })).toBeVisible()
  // The token left the address bar as soon as the page had taken it.
  expect(page.url()).not.toContain('token=')

  await page.getByRole('button', { name: 'Start Timer 2' }).click()
  await page.getByRole('button', { name: 'Start Timer 5' }).click()
  await page.getByRole('button', { name: 'Start Timer 8' }).click()
  await page.getByRole('button', { name: 'Pause Timer 8' }).click()
  await expect(page.getByText('2 running · 1 paused')).toBeVisible()

  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timers-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timers-dark')

  await page.getByRole('button', { name: 'Edit Timer 2' }).click()
  await expect(page.getByRole('dialog', { name: 'Edit Timer 2' })).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'timer-editor-dark')
})

test('start three timers, stop one, and its draft entry appears', async ({ page, host }) => {
  await page.goto(host.url)
  for (const slot of [1, 3, 6]) await page.getByRole('button', { name: `Start Timer ${slot}` }).click()
  await expect(page.getByText('3 running')).toBeVisible()
  await expect(page.locator('article[data-slot="3"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Stop Timer 3' }).click()
  // Seconds old: Stint asks before keeping such a short run.
  const dialog = page.getByRole('dialog', { name: 'Keep this short entry?' })
  await expect(dialog).toBeVisible()
  await expectNoAxeViolations(page)
  await dialog.getByRole('button', { name: /^Keep \d+ s$/ }).click()

  await expect(page.getByText('2 running')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Start Timer 3' })).toBeVisible()
  const booked = page.getByRole('region', { name: 'Booked by timers this week' }).getByRole('row')
  await expect(booked).toHaveCount(2) // header + one entry
  await expect(booked.nth(1)).toContainText('No work item')
  await expect(booked.nth(1)).toContainText('Remote support')
  await screenshot(page, 'timers-entry-light')
})

test('starting, pausing and stopping from the keyboard only', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.locator('article.timer-card')).toHaveCount(9)
  const focused = () => page.evaluate<string | null>('document.activeElement?.getAttribute("aria-label") ?? null')
  for (let i = 0; i < 12 && (await focused()) !== 'Start Timer 1'; i++) await page.keyboard.press('Tab')
  expect(await focused()).toBe('Start Timer 1')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Pause Timer 1' })).toBeFocused()
  await expect(page.locator('article[data-slot="1"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.keyboard.press('Space')
  await expect(page.getByRole('button', { name: 'Resume Timer 1' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Stop Timer 1' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog', { name: 'Keep this short entry?' })).toBeVisible()
  // The safe answer has the focus.
  await expect(page.getByRole('button', { name: /^Keep \d+ s$/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Start Timer 1' })).toBeVisible()

  // The number keys run timers from anywhere outside a field.
  await page.keyboard.press('4')
  await expect(page.getByRole('button', { name: 'Pause Timer 4' })).toBeVisible()
  await page.keyboard.press('p')
  await expect(page.getByRole('button', { name: 'Resume Timer 4' })).toBeVisible()
})

test('a running timer is still running after the host restarts, and its time kept counting', async ({ page, host, dataDir }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 3' }).click()
  await page.getByRole('button', { name: 'Start Timer 7' }).click()
  await page.getByRole('button', { name: 'Pause Timer 7' }).click()
  const card3 = page.locator('article[data-slot="3"]')
  await expect(card3.getByRole('timer')).not.toHaveText('0:00:00', { timeout: 5000 })
  await host.stop('SIGTERM')

  const again = await startHost(dataDir)
  try {
    await page.goto(again.url)
    await expect(page.getByRole('button', { name: 'Pause Timer 3' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Resume Timer 7' })).toBeVisible()
    // Elapsed time is derived from the stored start instant, so it continues across the restart.
    await expect(card3.getByRole('timer')).not.toHaveText(/^0:00:0[01]$/, { timeout: 5000 })
    // A clean stop of the host asks nothing on the way back.
    await expect(page.getByRole('dialog')).toHaveCount(0)
  } finally {
    await again.stop()
  }
})

test('an error from the host is shown, not swallowed', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 4' }).click()
  await expect(page.getByRole('button', { name: 'Pause Timer 4' })).toBeVisible()
  // A second start of a running timer, as a stale second window would send it.
  const status = await page.evaluate(async () => {
    const secret = sessionStorage.getItem('stint.launchSecret') ?? ''
    const response = await fetch('/api/call/timers.start', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
      body: JSON.stringify({ slot: 4 }),
    })
    return { status: response.status, body: await response.json() }
  })
  expect(status).toEqual({ status: 409, body: { ok: false, error: { code: 'conflict', message: 'Timer 4 is already running.', messageId: 'refusal.timerAlreadyRunning', values: { label: 'Timer 4' } } } })
})

test('after a crash, Stint asks what to do with the gap instead of deciding', async ({ page, host, dataDir }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 2' }).click()
  await expect(page.getByRole('button', { name: 'Pause Timer 2' })).toBeVisible()
  await host.stop('SIGKILL')

  const again = await startHost(dataDir, [], clockLaterEnv(25 * 60_000))
  try {
    await page.goto(again.url)
    const dialog = page.getByRole('dialog', { name: 'Stint was not running: Timer 2' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('0:25')
    await expectNoAxeViolations(page)
    await screenshot(page, 'crash-gap-light')
    await dialog.getByRole('button', { name: 'Discard the gap' }).click()
    await expect(page.getByRole('dialog')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Pause Timer 2' })).toBeVisible()
  } finally {
    await again.stop()
  }
})

test('loading every view is clean: no console errors or warnings, no failed requests', async ({ page, host }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`)
  })
  page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`))
  await page.goto(host.url)
  await expect(page.locator('article.timer-card')).toHaveCount(9)
  for (const view of ['Work items', 'Settings', 'Timers']) {
    await page.getByRole('link', { name: view }).click()
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible()
  }
  expect(problems).toEqual([])
})
