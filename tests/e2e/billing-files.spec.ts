// The files of a billing run end to end in the browser host: October billed (a rate for
// Field service, 3 h for a customer whose name looks like a formula, an hour not billable),
// then the Billing view's buttons download the run's XLSX, PDF and InvoiceNinja CSV, each
// read back here by a reader that did not write it (the test XLSX reader, pdf.js, a CSV
// parser). The view with its file buttons is checked by axe and screenshotted, light and dark.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { readXlsx } from '../support/xlsx-reader'
import { callHost } from '../support/devices'
import { readPdf } from '../support/pdf-text'
import { expect, inBothThemes, test } from './fixtures'

const H = 3600

async function seed(page: Page): Promise<void> {
  const harbour = await callHost<{ id: string }>(page, 'work.createCustomer', { name: '=Harbour Freight' })
  const printer = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'HF-101', title: 'Printer offline', customerId: harbour.id })
  const admin = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'general', title: 'Admin', billable: false })
  const onsite = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Field service' } })
  await callHost(page, 'billing.updateSettings', { activityRates: { [onsite.id]: 9500 } })
  await callHost(page, 'timesheet.setCells', {
    changes: [
      { day: '2026-10-14', row: { workItemId: printer.id, activityTypeId: onsite.id, billable: true }, totalSeconds: 3 * H },
      { day: '2026-10-15', row: { workItemId: admin.id, activityTypeId: onsite.id, billable: false }, totalSeconds: H },
    ],
  })
  // Standalone, submitting approves the week at once.
  await callHost(page, 'timesheet.submit', { day: '2026-10-14' })
}

async function download(page: Page, button: string, ending: RegExp): Promise<Buffer> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('group', { name: 'Files of this run' }).getByRole('button', { name: button }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(ending)
  await expect(page.getByRole('status').filter({ hasText: `Downloading ${file.suggestedFilename()}` })).toBeAttached()
  return readFileSync(await file.path())
}

test('bill October, then download the run as XLSX, PDF and InvoiceNinja CSV and read each back; light and dark', async ({ page, host }) => {
  test.setTimeout(90_000)
  await page.goto(host.url)
  await seed(page)
  await page.getByRole('link', { name: 'Billing' }).click()
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2026-10-01')
  await page.getByRole('button', { name: 'Run billing' }).click()
  await expect(page.getByText('Total of all bills: €285.00')).toBeVisible()
  await inBothThemes(page, 'billing-files')

  const xlsx = await download(page, 'Download XLSX', /^stint-billing-2026-10-01-to-2026-10-31-[0-9a-f]{8}\.xlsx$/)
  const bills = readXlsx(xlsx, 1)
  expect(bills.sheetName).toBe('Bills')
  expect(bills.values()).toEqual([
    ['Customer', 'Contract', 'Rate class', 'Hours', 'Rate', 'Multiplier', 'Rate from', 'Amount', 'Entries'],
    ['=Harbour Freight', 'No contract', 'Normal', 3, 95, 1, 'activity type rate', 285, 1],
    ['=Harbour Freight', 'Total for =Harbour Freight', null, 3, null, null, null, 285, 1],
    [null, 'Total of all bills', null, 3, null, null, null, 285, 1],
  ])
  expect(bills.cell('A2')).toMatchObject({ type: 'inlineStr', formula: undefined })
  expect(bills.cell('H2')).toMatchObject({ type: 'n', raw: '285', numFmt: '#,##0.00 "EUR"' })
  const leftOut = readXlsx(xlsx, 2)
  expect(leftOut.sheetName).toBe('Left out')
  expect(leftOut.values()[1]).toEqual(['2026-10-15', 'Admin', 'Field service', 1, 'not billable'])

  const pdf = await download(page, 'Download PDF', /^stint-billing-2026-10-01-to-2026-10-31-[0-9a-f]{8}\.pdf$/)
  const lines = (await readPdf(pdf)).flatMap((p) => p.lines)
  expect(lines[0]).toBe('Bills of 1 Oct 2026 – 31 Oct 2026')
  expect(lines).toContain('=Harbour Freight')
  expect(lines).toContain('No contract | Normal | 3.00 | €95.00 | €285.00')
  expect(lines).toContain('Total of all bills: €285.00')
  expect(lines).toContain('15 Oct 2026 | Admin | 1.00 | not billable')

  const csv = await download(page, 'Bill lines for InvoiceNinja (CSV)', /-invoiceninja\.csv$/)
  const records: string[][] = parse(csv.toString('utf8'), { bom: true })
  expect(records[0]).toEqual(['Invoice Number', 'Client Name', 'Invoice Date', 'Product', 'Notes', 'Quantity', 'Cost', 'Private Notes', 'Custom Value 1'])
  expect(records.slice(1).map((r) => r.slice(1, 7))).toEqual([["'=Harbour Freight", '2026-10-31', 'No contract', 'Normal: 2026-10-01 – 2026-10-31', '3.00', '95.00']])
  expect(records[1]?.[0]).toMatch(/^ST-[0-9a-f]{8}-01$/)
})
