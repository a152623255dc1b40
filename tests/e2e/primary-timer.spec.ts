// Marking the primary timer in the Timers view: a star per card, pressed on the one marked
// timer; marking another moves the mark. Axe and screenshots in light and dark.
import { expect, inBothThemes, test } from './fixtures'

test('mark a running timer as the primary one, then move the mark; light and dark', async ({ page, host }) => {
  // Two axe passes over nine cards with running clocks: slow on two busy cores.
  test.setTimeout(120_000)
  await page.goto(host.url)
  await expect(page.locator('article.timer-card')).toHaveCount(9)
  await page.getByRole('button', { name: 'Start Timer 2' }).click()
  await page.getByRole('button', { name: 'Start Timer 5' }).click()
  await expect(page.getByText('2 running')).toBeVisible()

  const star = (slot: number) => page.getByRole('button', { name: `Mark Timer ${slot} as the primary timer` })
  await expect(star(5)).toHaveAttribute('aria-pressed', 'false')
  await star(5).click()
  await expect(star(5)).toHaveAttribute('aria-pressed', 'true')
  await expect(page.locator('article[data-slot="5"]').getByText('Primary', { exact: true })).toBeVisible()
  await expect(star(5)).toHaveAttribute('title', /overlap rule “Primary timer only”/)

  await star(2).click()
  await expect(star(2)).toHaveAttribute('aria-pressed', 'true')
  await expect(star(5)).toHaveAttribute('aria-pressed', 'false')
  await expect(page.locator('article.is-primary')).toHaveCount(1)
  await inBothThemes(page, 'timers-primary')
})
