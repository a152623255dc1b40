// Billing end to end in the browser host: a standalone technician's October (approved by
// submitting), a rate typed in Settings → Billing, a run of last month that bills it, a
// re-run that says nothing changed, and an empty month that explains itself; axe and
// screenshots in light and dark.
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, inBothThemes, test } from './fixtures'

const H = 3600

async function seed(page: Page): Promise<void> {
  const harbour = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Harbour Freight' })
  const printer = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'HF-101', title: 'Printer offline', customerId: harbour.id })
  const admin = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'general', title: 'Admin', billable: false })
  const onsite = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Field service' } })
  await callHost(page, 'timesheet.setCells', {
    changes: [
      { day: '2026-10-14', row: { workItemId: printer.id, activityTypeId: onsite.id, billable: true }, totalSeconds: 3 * H },
      { day: '2026-10-15', row: { workItemId: admin.id, activityTypeId: onsite.id, billable: false }, totalSeconds: H },
    ],
  })
  // Standalone, submitting approves the week at once.
  await callHost(page, 'timesheet.submit', { day: '2026-10-14' })
}

test('set a rate, bill last month, run it again, see nothing changed; light and dark', async ({ page, host }) => {
  test.setTimeout(90_000)
  await page.goto(host.url)
  await seed(page)

  await page.getByRole('link', { name: 'Settings' }).click()
  const rate = page.getByLabel('Hourly rate for Field service')
  await rate.fill('95.00')
  await rate.blur()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible()
  await inBothThemes(page, 'billing-settings', page.getByRole('region', { name: 'Billing' }))

  await page.getByRole('link', { name: 'Billing' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible()
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-10-01')
  await page.getByRole('button', { name: 'Run billing' }).click()
  const bill = page.getByRole('region', { name: 'Harbour Freight' })
  await expect(bill).toContainText('€285.00')
  await expect(page.getByText('Total of all bills: €285.00')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Left out of the bills' })).toContainText('not billable')

  await page.getByRole('button', { name: 'Run billing' }).click()
  await expect(page.getByRole('heading', { name: /^Nothing changed since the run of/ })).toBeVisible()
  await inBothThemes(page, 'billing')

  await page.getByLabel('Month').fill('2026-09')
  await page.getByRole('button', { name: 'Run billing' }).click()
  await expect(page.getByText(/^There is no time at all from/)).toBeVisible()
})
