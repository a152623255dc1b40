// Overlapped time end to end in the browser host, on the suite's clock (Wednesday
// 18 November 2026, 10:00): two billable runs this morning that ran 45 minutes side by
// side, and a non-billable one beside both. The Reports view shows the Overlapped column
// and card, the calendar's day head the day's overlapped total and the blocks hatched and
// named so, and a cell's details how much of it overlapped; axe and screenshots in light and dark.
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, inBothThemes, test } from './fixtures'

/** An instant at a time of day today, in the zone the suite runs in (the runner's TZ). */
const todayAt = (hours: number, minutes = 0) => new Date(2026, 10, 18, hours, minutes).getTime()

async function seed(page: Page): Promise<void> {
  const harbour = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Harbour Freight' })
  const acme = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Acme' })
  const printer = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'HF-101', title: 'Printer offline', customerId: harbour.id })
  const vpn = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'AC-7', title: 'VPN down', customerId: acme.id })
  const admin = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'general', title: 'Admin', billable: false })
  const book = (workItemId: string, billable: boolean, from: number, to: number) =>
    callHost(page, 'entries.create', { row: { workItemId, activityTypeId: null, billable }, description: '', startedAt: from, endedAt: to })
  await book(printer.id, true, todayAt(8), todayAt(9))
  await book(vpn.id, true, todayAt(8, 15), todayAt(9, 30))
  await book(admin.id, false, todayAt(7, 30), todayAt(9, 45))
}

test('overlapped billable time in Reports and the calendar; light and dark', async ({ page, host }) => {
  test.setTimeout(90_000)
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.goto(host.url)
  await seed(page)

  await page.getByRole('link', { name: 'Reports' }).click()
  const table = page.getByRole('table', { name: /^Time by customer/ })
  await expect(table).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Overlapped' })).toBeVisible()
  await expect(table.getByRole('row', { name: /^Acme 1:15 1:15 0:00 1 0:45$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^Harbour Freight 1:00 1:00 0:00 1 0:45$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^Total .* 1:30$/ })).toBeVisible()
  await inBothThemes(page, 'overlap-reports')

  await page.getByRole('link', { name: 'Calendar' }).click()
  await expect(page.getByText('Overlapped 1:30')).toBeVisible()
  await expect(page.getByRole('button', { name: /^HF-101, Printer offline, 8:00 to 9:00, 1 hour, .*billable time overlapped for 45 minutes$/ })).toBeVisible()
  // The non-billable run overlaps both (the calendar says so), but no billable time of it overlapped.
  const admin = page.getByRole('button', { name: /^Admin, 7:30 to 9:45/ })
  await expect(admin).toHaveAttribute('aria-label', /overlaps/)
  await expect(admin).not.toHaveAttribute('aria-label', /billable time overlapped/)
  await page.evaluate(`document.querySelector('.cal__body').scrollTop = ${7 * 60}`)
  await inBothThemes(page, 'overlap-calendar')

  // The printer's entry opened from the calendar: its cell's details say how much overlapped.
  await page.getByRole('button', { name: /^HF-101, Printer offline, 8:00 to 9:00/ }).focus()
  await page.keyboard.press('Enter')
  const details = page.getByRole('dialog', { name: /· details$/ })
  await expect(details.getByText('Overlapped 0:45')).toBeVisible()
  await inBothThemes(page, 'overlap-cell-details', details)
})
