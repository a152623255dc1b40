// Importing a Toggl Track detailed report through the browser host: the preview, its
// mapping, the import, and the same file again booking nothing.
import { expect, inBothThemes, test } from './fixtures'

// The week before the suite's Wednesday 18 November 2026: past, open days.
const TOGGL = [
  '\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)',
  'Dana Tech,dana@example.com,Acme,Printer fleet,,Replaced toner,Yes,2026-11-09,09:00:00,2026-11-09,10:30:00,01:30:00,"onsite, hardware",120.00',
  'Dana Tech,dana@example.com,Acme,Printer fleet,,"Network scan,\nsecond floor",Yes,2026-11-10,11:00:00,2026-11-10,11:45:00,00:45:00,,60.00',
  'Dana Tech,dana@example.com,Globex,Server move,Cabling,Racked switches,No,2026-11-11,13:00:00,2026-11-11,15:00:00,02:00:00,,0.00',
  'Dana Tech,dana@example.com,Acme,Printer fleet,,Broken row,Yes,2026-13-40,09:00:00,2026-11-16,10:30:00,01:30:00,,0.00',
].join('\n')

test('a technician imports a Toggl export: preview, mapping, import, and the same file again books nothing', async ({ page, host }) => {
  // Four axe passes over the whole Settings page take their time on a busy machine.
  test.setTimeout(120_000)
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  const panel = page.getByRole('region', { name: 'Import from another tracker' })
  const file = { name: 'toggl-november.csv', mimeType: 'text/csv', buffer: Buffer.from(TOGGL, 'utf8') }
  await panel.getByLabel('CSV file').setInputFiles(file)
  await expect(panel.getByRole('status').first()).toHaveText('Toggl Track: 4 rows in toggl-november.csv. 3 would be imported (4 h 15 min); 1 refused.')
  await expect(panel.getByRole('combobox', { name: 'Printer fleet (Acme), 2 rows' })).toHaveValue('')
  await expect(panel.getByRole('table', { name: 'Rows of the file' })).toContainText('Line 6, column "Start date": "2026-13-40" is not a date.')
  await panel.scrollIntoViewIfNeeded()
  await inBothThemes(page, 'import-preview', panel)

  await panel.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect(panel.getByText('Imported 3 rows (4 h 15 min) as drafts; 1 refused.')).toBeVisible()
  await expect(panel.getByText('Created: Printer fleet, Server move, Acme, Globex.')).toBeVisible()
  await inBothThemes(page, 'import-summary', panel)

  // The same file again: every row was imported before.
  await panel.getByLabel('CSV file').setInputFiles(file)
  await expect(panel.getByRole('status').first()).toHaveText('Toggl Track: 4 rows in toggl-november.csv. None would be imported (0 min); 4 refused.')
  await expect(panel.getByRole('button', { name: 'Nothing to import' })).toBeVisible()
  await expect(panel.getByRole('table', { name: 'Rows of the file' })).toContainText('Line 2: imported from this file before; it is not booked again.')
})
