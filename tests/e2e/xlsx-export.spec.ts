// The Excel export end to end in the browser host: time seeded through the host's API
// (March 2025, a customer whose name looks like a formula), the Reports view's
// "Export report (Excel)" button downloads an XLSX that an independent reader (fflate
// and the sheet's XML, not exceljs) reads back: headers in words, days as dates, hours
// as numbers, the header frozen, the formula-like name a string. The control is
// screenshotted and checked by axe in light and dark.
import { readFileSync } from 'node:fs'
import { readXlsx } from '../support/xlsx-reader'
import { callHost } from '../support/devices'
import { expect, inBothThemes, test } from './fixtures'

const H = 3600

test('export the report as an Excel workbook and read it back; the export control in light and dark', async ({ page, host }) => {
  test.setTimeout(60_000)
  await page.goto(host.url)
  const acme = await callHost<{ id: string }>(page, 'work.createCustomer', { name: '=Acme' })
  const printer = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: 'HD-101', title: 'Printer offline', customerId: acme.id, billable: true })
  const development = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Development' } })
  const cell = (day: string, hours: number) => ({ day, row: { workItemId: printer.id, activityTypeId: development.id, billable: true }, totalSeconds: hours * H })
  await callHost(page, 'timesheet.setCells', { changes: [cell('2025-03-03', 4), cell('2025-03-04', 1.5)] })

  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('radio', { name: 'Custom' }).check()
  await page.getByLabel('From', { exact: true }).fill('2025-03-01')
  await page.getByLabel('To', { exact: true }).fill('2025-03-31')
  await page.getByLabel('First grouping').selectOption('day')
  await expect(page.getByRole('table', { name: 'Time by day, 1–31 Mar 2025' })).toBeVisible()

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export report (Excel)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('stint-report-2025-03-01-to-2025-03-31.xlsx')
  await expect(page.getByRole('status').filter({ hasText: /^Downloading .+\.xlsx$/ })).toBeVisible()
  const sheet = readXlsx(readFileSync(await download.path()))
  expect(sheet.values()[0]?.slice(0, 4)).toEqual(['Day', 'Hours', 'Minutes', 'Billable hours'])
  expect(sheet.values().slice(1).map((row) => row.slice(0, 3))).toEqual([
    ['2025-03-03', 4, 240],
    ['2025-03-04', 1.5, 90],
  ])
  expect(sheet.cell('A2')).toMatchObject({ type: 'n', numFmt: 'yyyy-mm-dd' })
  expect(sheet.frozenRows).toBe(1)
  expect(sheet.cell('A1')?.bold).toBe(true)

  // A name that looks like a formula is a string cell in the entries' sheet.
  const entries = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export entries (Excel)' }).click()
  const entriesSheet = readXlsx(readFileSync(await (await entries).path()))
  const header = entriesSheet.values()[0] ?? []
  const customer = entriesSheet.values()[1]?.[header.indexOf('Customer')]
  expect(customer).toBe('=Acme')
  for (const read of entriesSheet.rows.get(2)?.values() ?? []) expect(read.formula).toBeUndefined()

  await page.evaluate('window.scrollTo(0, document.body.scrollHeight)')
  await inBothThemes(page, 'xlsx-export-control', page.locator('.rp-exports'))
})
