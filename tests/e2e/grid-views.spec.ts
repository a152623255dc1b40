// The grid at the widths people use it: a monthly grid scrolled sideways keeps its row
// names and totals in view, a locked period looks read-only in the grid itself, and each
// view at an 800 px window — axe in light and dark, screenshots to look at.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { ROOT } from '../support/web-host'
import { SCREENSHOT_DIR, expect, inBothThemes, screenshot, test } from './fixtures'
import { addRow, createWorkItem } from './steps'

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

const WEEKEND = /sat|sun/i

/**
 * Types `values` in turn into the focused row's working days, from its first day (Tab past
 * the weekends; an empty value leaves a day empty). Returns the minutes typed.
 */
async function typeWorkingDays(page: Page, values: readonly string[]): Promise<number> {
  const heads = (await page.getByRole('grid').getByRole('columnheader').allInnerTexts()).slice(1, -2)
  let minutes = 0
  let next = 0
  for (const [i, head] of heads.entries()) {
    const value = WEEKEND.test(head) ? '' : values[next++ % values.length]
    if (value) {
      await page.keyboard.type(value)
      const [h, m = '0'] = value.split(':')
      minutes += Number(h) * 60 + Number(m)
    }
    await page.keyboard.press(i === heads.length - 1 ? 'Enter' : 'Tab')
  }
  return minutes
}

test('a monthly grid scrolled sideways keeps the row names and the Total column in view; a locked period looks read-only', async ({ page, host }) => {
  test.setTimeout(180_000) // axe four times over a month of cells, on a shared machine
  await page.setViewportSize({ width: 1100, height: 760 })
  await page.goto(host.url)
  await createWorkItem(page, 'TICKET-1234', 'Printer on 2nd floor')
  await createWorkItem(page, 'WO-77', 'Install new switch')
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption('monthly')
  await page.getByRole('link', { name: 'Timesheet' }).click()
  // Last month, whole and in the past, so the test does not depend on today's date.
  await page.getByRole('button', { name: 'Previous period', exact: true }).click()
  // A filled month, as the screenshot in the README shows it: time on each working day.
  const grid = page.getByRole('grid')
  await addRow(page, 'TICKET-1234')
  const ticketMinutes = await typeWorkingDays(page, ['1:30', '0:45', '2', '1:15', '0:30', '3'])
  await addRow(page, 'WO-77')
  await typeWorkingDays(page, ['2', '', '1:30', '', '0:45'])
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()

  const row = grid.getByRole('row', { name: /^TICKET-1234, Printer on 2nd floor/ })
  const frame = await box(grid)
  const name = await box(row.getByRole('rowheader'))
  // Scrolled to the end, the first days went under the names. Polled, scrolling again each
  // time: a save landing late brings the focused cell back into view.
  await expect.poll(async () => {
    await page.evaluate(`document.querySelector('[role="grid"]').scrollLeft = 1e6`)
    const firstDay = await box(row.getByRole('gridcell').first())
    return firstDay.x + firstDay.width <= name.x + name.width + 1
  }).toBe(true)
  const total = await box(row.getByRole('gridcell').nth(-2))
  expect(name.x).toBeGreaterThanOrEqual(frame.x - 1)
  expect(total.x + total.width).toBeLessThanOrEqual(frame.x + frame.width + 1)
  await expect(row.getByRole('gridcell').nth(-2)).toHaveText(`${Math.floor(ticketMinutes / 60)}:${String(ticketMinutes % 60).padStart(2, '0')}`)
  // Half-way through the month for the picture, in a wider window: days with time, the names and the Total held.
  await page.setViewportSize({ width: 1440, height: 640 })
  await page.evaluate(`(() => { const g = document.querySelector('[role="grid"]'); g.scrollLeft = (g.scrollWidth - g.clientWidth) / 2 })()`)
  await inBothThemes(page, 'timesheet-monthly-scrolled')
  // The README's picture is refreshed only when asked (STINT_UPDATE_DOCS=1), so a test run leaves the checkout as it was.
  if (process.env.STINT_UPDATE_DOCS === '1') {
    mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true })
    copyFileSync(join(SCREENSHOT_DIR, 'timesheet-monthly-scrolled-light.png'), join(ROOT, 'docs', 'screenshots', 'timesheet-monthly.png'))
  }
  await page.setViewportSize({ width: 1100, height: 760 })

  await page.getByRole('button', { name: 'Submit period…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Submit and lock' }).click()
  await expect(page.getByRole('note', { name: 'Read-only period' })).toBeVisible()
  await expect(grid).toHaveClass(/ts-grid--locked/)
  await expect(row.getByRole('gridcell', { name: '1:30' }).first()).toHaveAttribute('aria-readonly', 'true')
  await expect(row.getByRole('gridcell', { name: '1:30' }).first()).toHaveCSS('cursor', 'default')
  await expect(row.getByRole('button', { name: /^Remove row/ })).toHaveCSS('opacity', '0')
  await page.evaluate(`document.querySelector('[role="grid"]').scrollLeft = 0`)
  await inBothThemes(page, 'timesheet-locked')

  // The same month in Reports, by work item then activity type: each work item once, with its subtotal.
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: 'Last month' }).or(page.getByRole('button', { name: 'Last month' })).first().click()
  await page.getByLabel('First grouping').selectOption('workItem')
  await page.getByLabel('Second grouping').selectOption('activityType')
  const table = page.getByRole('table', { name: /Time by work item, then activity type/ })
  await expect(table.getByRole('rowheader', { name: 'TICKET-1234 · Printer on 2nd floor' })).toHaveCount(1)
  await expect(table.getByRole('rowheader', { name: 'Remote support' })).toHaveCount(2)
  await inBothThemes(page, 'reports-nested', page.locator('.rp-table'))
})

test('each view at an 800 px window: nothing wraps into gaps', async ({ page, host }) => {
  await page.setViewportSize({ width: 800, height: 700 })
  await page.goto(host.url)
  // The sidebar folds into a bar above the view: the same named links, the sync status kept.
  const nav = page.getByRole('navigation', { name: 'Views' })
  expect((await box(nav)).height).toBeLessThan(60)
  // Every view's link is on screen, none hidden in the bar's scrolled-out part.
  const navBox = await box(nav)
  for (const link of await nav.getByRole('link').all()) {
    const linkBox = await box(link)
    expect(linkBox.x + linkBox.width, `${await link.textContent()} is in view`).toBeLessThanOrEqual(Math.min(800, navBox.x + navBox.width) + 0.5)
  }
  await expect(page.getByRole('region', { name: 'Sync status' })).toBeVisible()
  await createWorkItem(page, 'TICKET-1234', 'Printer on 2nd floor')
  for (const view of ['Timers', 'Timesheet', 'Calendar', 'Submissions', 'Reports', 'Work items', 'Settings']) {
    await page.getByRole('link', { name: view }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    expect(await page.evaluate<number>('document.documentElement.scrollWidth'), `${view} fits 800 px`).toBeLessThanOrEqual(800)
    expect((await box(page.getByRole('main'))).x, `${view} uses the whole width`).toBeLessThan(10)
    await screenshot(page, `at-800-${view.toLowerCase().replace(' ', '-')}`)
  }
})
