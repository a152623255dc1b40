// The Summary report end to end: time seeded through the host's own API over a few days of
// March 2025 (two customers, billable and not, two activity types), then the report read
// back — totals, the grouped table, the charts' text alternatives — after changing the
// range, the grouping and the filters; the CSV download; a bad range; axe; light and dark.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const H = 3600

/**
 * Acme: HD-101 (billable) and HD-303 (not billable); Birch: HD-202 (billable). In the
 * week of 3 March 2025: 10.5 h booked, 8.5 h billable, 7.5 h for Acme and 3 h for Birch.
 */
async function seed(page: Page): Promise<void> {
  const acme = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Acme' })
  const birch = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Birch & Co' })
  const item = (reference: string, title: string, customerId: string, billable: boolean) =>
    callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference, title, customerId, billable })
  const printer = await item('HD-101', 'Printer on 3rd floor offline', acme.id, true)
  const mail = await item('HD-202', 'Mail migration', birch.id, true)
  const training = await item('HD-303', 'Onboarding training', acme.id, false)
  const development = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Development' } })
  const meetings = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Meetings' } })
  const cell = (day: string, workItemId: string, activityTypeId: string, billable: boolean, hours: number) => ({ day, row: { workItemId, activityTypeId, billable }, totalSeconds: hours * H })
  await callHost(page, 'timesheet.setCells', {
    changes: [
      cell('2025-03-03', printer.id, development.id, true, 4),
      cell('2025-03-03', training.id, meetings.id, false, 2),
      cell('2025-03-04', mail.id, development.id, true, 3),
      cell('2025-03-05', printer.id, meetings.id, true, 1.5),
    ],
  })
}

const card = (page: Page, label: string) => page.locator('.rp-card').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })

test('report a month: group, filter, read the chart, export CSV, a bad range; passes axe in light and dark', async ({ page, host }) => {
  test.setTimeout(90_000)
  await page.goto(host.url)
  await seed(page)

  await page.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Summary' })).toHaveAttribute('aria-selected', 'true')

  await page.getByRole('radio', { name: 'Custom' }).check()
  await page.getByLabel('From', { exact: true }).fill('2025-03-01')
  await page.getByLabel('To', { exact: true }).fill('2025-03-31')

  const table = page.getByRole('table', { name: 'Time by customer, 1–31 Mar 2025' })
  await expect(table).toBeVisible()
  await expect(card(page, 'Total')).toContainText('10:30')
  await expect(card(page, 'Billable')).toContainText('8:30')
  await expect(card(page, 'Non-billable')).toContainText('2:00')
  await expect(card(page, 'Billable share')).toContainText('81 %')
  // 21 weekdays of 8 hours in March 2025.
  await expect(card(page, 'Of expected')).toContainText('6 %')
  await expect(card(page, 'Of expected')).toContainText('of 168:00 expected')
  await expect(table.getByRole('row', { name: /^Acme 7:30 5:30 2:00 3$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^Birch & Co 3:00 3:00 0:00 1$/ })).toBeVisible()
  // Sorted by a header: Total puts the largest first; again, the smallest.
  const total = table.getByRole('columnheader', { name: 'Total' })
  await total.getByRole('button').click()
  await expect(total).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('rowheader').first()).toHaveText('Acme')
  await total.getByRole('button').click()
  await expect(total).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('rowheader').first()).toHaveText('Birch & Co')

  // The charts' text alternatives carry the same numbers.
  await expect(page.getByRole('img', { name: 'Hours per day, 1–31 Mar 2025: 10.5 h booked, 8.5 h billable and 2 h non-billable against 168 h expected. Most on Mon 3 Mar 2025: 6 h.' })).toBeVisible()
  await expect(page.getByRole('img', { name: 'Share by customer, 1–31 Mar 2025: Acme 71 %, Birch & Co 29 %.' })).toBeVisible()
  await page.getByRole('group', { name: 'Share by' }).getByRole('button', { name: 'Activity type' }).click()
  await expect(page.getByRole('img', { name: 'Share by activity type, 1–31 Mar 2025: Development 67 %, Meetings 33 %.' })).toBeVisible()
  const hoursFigure = page.getByRole('figure', { name: 'Hours per day' })
  await hoursFigure.getByRole('button', { name: 'Show data as table' }).click()
  await expect(hoursFigure.getByRole('table').getByRole('row', { name: /^Tue 4 Mar 2025 3:00 0:00 3:00 8:00$/ })).toBeVisible()
  await hoursFigure.getByRole('button', { name: 'Hide table' }).click()

  // From the top, so the sticky sidebar sits where a person sees it.
  await page.evaluate('window.scrollTo(0, 0)')
  await screenshot(page, 'reports-light')
  await expectNoAxeViolations(page)

  // Group by work item (the ticket reference shows), then by day.
  await page.getByLabel('First grouping').selectOption('workItem')
  await page.getByLabel('Second grouping').selectOption('day')
  const byItem = page.getByRole('table', { name: 'Time by work item, then day, 1–31 Mar 2025' })
  await expect(byItem.getByRole('row', { name: /^HD-101 · Printer on 3rd floor offline Mon 3 Mar 2025 4:00 4:00 0:00 1$/ })).toBeVisible()
  await expect(byItem.getByRole('row', { name: /^HD-101 · Printer on 3rd floor offline Wed 5 Mar 2025 1:30 1:30 0:00 1$/ })).toBeVisible()

  // Filter to Birch: only its 3 hours are left; then non-billable only: nothing matches.
  await page.getByRole('button', { name: /^Customers: all/ }).click()
  await page.getByRole('checkbox', { name: 'Birch & Co' }).check()
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(card(page, 'Total')).toContainText('3:00')
  await expect(byItem.getByRole('row')).toHaveCount(3)
  await page.getByLabel('Billable', { exact: true }).selectOption('nonBillable')
  await expect(page.getByText('No time matches these filters in 1–31 Mar 2025.')).toBeVisible()
  await page.getByLabel('Billable', { exact: true }).selectOption('all')
  await expect(card(page, 'Total')).toContainText('3:00')

  // The view's choices survive a reload.
  await page.reload()
  await expect(page.getByRole('table', { name: 'Time by work item, then day, 1–31 Mar 2025' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Customers: Birch & Co/ })).toBeVisible()

  // The CSV is the report on screen: a header, then Birch's ticket on 4 March.
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export report (CSV)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const csv = readFileSync(await download.path(), 'utf8')
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  expect(header?.split(',').slice(0, 6)).toEqual(['work_item', 'work_item_id', 'day', 'hours', 'minutes', 'billable_hours'])
  expect(rows).toHaveLength(1)
  expect(rows[0]).toMatch(/^HD-202 · Mail migration,[^,]+,2025-03-04,3(\.00?)?,180,/)
  await expect(page.getByRole('status').filter({ hasText: /^Downloading .+\.csv$/ })).toBeVisible()

  // A range that ends before it starts says so, and nothing is shown.
  await page.getByLabel('To', { exact: true }).fill('2025-02-20')
  await expect(page.getByRole('alert')).toHaveText('Nothing is shown. The range ends (2025-02-20) before it starts (2025-03-01): the last day must be on or after the first.')
  await expect(page.locator('.rp-cards')).toHaveCount(0)
  await page.getByLabel('To', { exact: true }).fill('2025-03-31')

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByLabel('First grouping').selectOption('customer')
  await page.getByLabel('Second grouping').selectOption('')
  await page.getByRole('button', { name: /^Customers: Birch & Co/ }).click()
  await page.getByRole('button', { name: 'All customers' }).click()
  await page.getByRole('button', { name: 'Done' }).click()
  await expect(card(page, 'Total')).toContainText('10:30')
  await page.evaluate('window.scrollTo(0, 0)')
  await screenshot(page, 'reports-dark')
  await expectNoAxeViolations(page)
})
