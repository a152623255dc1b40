// The printed timesheet from the Timesheet view in the browser host: fill last week,
// submit it (standalone: approved at once), then "Print timesheet (PDF)" downloads the
// PDF, and its text (read by pdf.js, not by the library that wrote it) holds the period,
// the hours per row, day and week, the status and its history, and the signature lines.
import { readFileSync } from 'node:fs'
import { readPdf } from '../support/pdf-text'
import { expect, test } from './fixtures'
import { addRow, createWorkItem } from './steps'

test('print last week’s timesheet as a PDF: the download holds the grid, the approval and the signature lines', async ({ page, host }) => {
  await page.goto(host.url)
  await createWorkItem(page, 'TICKET-1001', 'Printer on 2nd floor')
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const title = page.getByRole('heading', { level: 2 }).first()
  await expect(title).toHaveText(/^Week of /)
  // Last week on the suite's clock (Wednesday 18 Nov 2026): 9–15 Nov.
  await page.getByRole('button', { name: 'Previous period', exact: true }).click()
  await expect(title).toHaveText('Week of 9 Nov 2026')

  await addRow(page, 'TICKET-1001')
  const cells = page.getByRole('grid').getByRole('row', { name: /TICKET-1001/ }).getByRole('gridcell')
  await expect(cells.nth(0)).toBeFocused()
  await page.keyboard.type('8')
  await page.keyboard.press('Tab')
  await page.keyboard.type('7:30')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  await page.getByRole('button', { name: 'Submit period…' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Submit and lock' }).click()
  await expect(page.locator('.ts-status')).toHaveText('Approved')

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Print timesheet (PDF)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe('stint-timesheet-2026-11-09-to-2026-11-15.pdf')
  const pages = await readPdf(readFileSync(await download.path()))
  expect(pages).toHaveLength(1)
  const lines = pages[0]?.lines ?? []
  expect(lines[0]).toBe('Timesheet: Week of 9 Nov 2026')
  expect(lines).toContain('Period: Week of 9 Nov 2026, 9–15 Nov 2026 (Weekly)')
  expect(lines).toContain('Person: ________________________')
  expect(lines).toContain('Period status: Approved')
  expect(lines).toContain('9 Nov | 10 Nov | 11 Nov | 12 Nov | 13 Nov | 14 Nov | 15 Nov')
  expect(lines).toContain('TICKET-1001 · Printer on 2nd floor | 8:00 | 7:30 | 15:30')
  expect(lines).toContain('Remote support')
  expect(lines).toContain('Total per day | 8:00 | 7:30 | 0:00 | 0:00 | 0:00 | 0:00 | 0:00 | 15:30')
  expect(lines).toContain('Total for the period: 15:30')
  // Standalone, submitting approved it just now (10:0x in New York, the suite's zone), by the person themselves.
  expect(lines.filter((line) => /^18 Nov 2026, 10:\d\d \| You \| Approved \| —$/.test(line))).toHaveLength(1)
  expect(lines).toContain('Technician’s signature | Date | Approver’s signature | Date')
  expect(lines.at(-1)).toMatch(/^Printed 18 Nov 2026, 10:\d\d from Stint \| Page 1 of 1$/)
  await expect(page.getByRole('status').filter({ hasText: 'Downloading stint-timesheet-2026-11-09-to-2026-11-15.pdf' })).toBeAttached()
})
