// Settings → Billing end to end in the browser host: a month billed at the activity type's
// rate, then a customer rate and a contract's minimum charge per entry set in Settings,
// and the same month billed again at the new amount; axe and screenshots of the section
// in light and dark and at 800 px wide, and of the currency dialog.
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, inBothThemes, screenshot, test } from './fixtures'

const H = 3600

async function seed(page: Page): Promise<void> {
  const harbour = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Harbour Freight' })
  const contract = await callHost<{ id: string }>(page, 'work.createContract', { customerId: harbour.id, name: 'Harbour support', includedMinutes: null })
  const printer = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'HF-101', title: 'Printer offline', customerId: harbour.id, contractId: contract.id })
  const onsite = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Field service' } })
  const row = { workItemId: printer.id, activityTypeId: onsite.id, billable: true }
  await callHost(page, 'timesheet.setCells', {
    changes: [
      { day: '2026-10-14', row, totalSeconds: 2 * H },
      { day: '2026-10-15', row, totalSeconds: H / 2 },
    ],
  })
  await callHost(page, 'timesheet.submit', { day: '2026-10-14' })
}

async function runBilling(page: Page, total: string): Promise<void> {
  await page.getByRole('link', { name: 'Billing' }).click()
  await page.getByRole('button', { name: 'Run billing' }).click()
  await expect(page.getByText(`Total of all bills: ${total}`)).toBeVisible()
}

test('a customer rate and a contract’s minimum charge set in Settings change what the month bills', async ({ page, host }) => {
  test.setTimeout(120_000)
  await page.goto(host.url)
  await seed(page)

  await page.getByRole('link', { name: 'Settings' }).click()
  const rate = page.getByLabel('Hourly rate for Field service')
  await rate.fill('95.00')
  await rate.blur()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible()
  // 2.5 h at 95.00.
  await runBilling(page, '€237.50')

  await page.getByRole('link', { name: 'Settings' }).click()
  const billing = page.getByRole('region', { name: 'Billing' })
  const add = billing.getByRole('form', { name: 'Add rate' })
  await add.getByLabel('For').selectOption({ label: 'Harbour Freight' })
  await add.getByLabel('Hourly rate (EUR)').fill('110')
  await add.getByRole('button', { name: 'Add rate' }).click()
  await expect(billing.getByLabel('Customer Harbour Freight, all activity types (EUR)')).toHaveValue('110.00')

  await billing.getByRole('combobox', { name: 'Contract', exact: true }).selectOption({ label: 'Harbour support' })
  await billing.getByRole('button', { name: 'Give it rules of its own' }).click()
  const rules = billing.getByRole('group', { name: 'Harbour support' })
  const minimum = rules.getByLabel('Minimum charge per entry (minutes)')
  await minimum.fill('abc')
  await minimum.blur()
  await expect(rules.getByRole('alert')).toHaveText('“abc” is not a minimum; type whole minutes from 0 to 480. Kept: 0 min.')
  await minimum.fill('60')
  await minimum.blur()
  await expect(rules.getByRole('alert')).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeVisible()
  await inBothThemes(page, 'billing-settings-edit', billing)
  await page.setViewportSize({ width: 800, height: 900 })
  await screenshot(page, 'billing-settings-edit-800', billing)
  await page.setViewportSize({ width: 1280, height: 900 })

  // 2 h and the half hour billed as the contract's minimum hour, at the customer's 110.00.
  await runBilling(page, '€330.00')

  await page.getByRole('link', { name: 'Settings' }).click()
  const currency = page.getByLabel('Currency (ISO code, like EUR)')
  await currency.fill('JPY')
  await currency.blur()
  const dialog = page.getByRole('dialog', { name: 'Change the currency to JPY?' })
  await expect(dialog).toContainText('Field service: 95.00 EUR → 95 JPY')
  await expect(dialog).toContainText('Harbour Freight, all activity types: 110.00 EUR → 110 JPY')
  await inBothThemes(page, 'billing-settings-currency', dialog)
  await dialog.getByRole('button', { name: 'Keep EUR' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(currency).toHaveValue('EUR')
})
