// A German technician's week in the Timesheet, on the suite's clock (Wednesday
// 18 November 2026): rows added through the German dialog, times typed the German way
// (1,5 is 1:30), a cell's details, and the period submitted and locked — axe-clean in
// light and dark, with screenshots of the German weekly grid, the details and the summary.
import type { Page } from '@playwright/test'
import { expect, inBothThemes, test } from './fixtures'
import { createWorkItem } from './steps'

// Several axe runs over a full grid: more than the default 30 s on a busy machine.
test.setTimeout(180_000)

/** Zeile hinzufügen: type into the picker, Enter takes the match, Enter adds the row. */
async function addGermanRow(page: Page, search: string) {
  await page.getByRole('button', { name: 'Zeile hinzufügen' }).click()
  const dialog = page.getByRole('dialog', { name: 'Zeile hinzufügen' })
  await dialog.getByRole('combobox', { name: 'Arbeitselement' }).fill(search)
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/** From the focused cell: each value typed, then Tab to the next day. */
async function typeDays(page: Page, values: string[]) {
  for (const value of values) {
    if (value !== '') await page.keyboard.type(value)
    await page.keyboard.press('Tab')
  }
}

test('a German week: rows, 1,5 typed as 1:30, a cell’s details, submitted and locked', async ({ page, host }) => {
  await page.goto(host.url)
  await createWorkItem(page, 'TICKET-1001', 'Drucker im 2. OG')
  await createWorkItem(page, 'WO-77', 'Neuen Switch einbauen')
  await createWorkItem(page, 'TICKET-1042', 'VPN-Zugang für Außendienst')
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')

  await page.getByRole('navigation', { name: 'Ansichten' }).getByRole('link', { name: 'Stundenzettel' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Stundenzettel' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Woche vom 16. Nov. 2026' })).toBeVisible()
  const grid = page.getByRole('grid', { name: 'Woche vom 16. Nov. 2026' })
  await expect(grid.getByRole('columnheader').nth(1)).toHaveText('Mo16. Nov.')
  await expect(grid.getByRole('columnheader').nth(3)).toHaveText('Mi18. Nov. (heute)')

  await addGermanRow(page, 'TICKET-1001')
  const printer = grid.getByRole('row', { name: /TICKET-1001/ }).getByRole('gridcell')
  await expect(printer.first()).toBeFocused()
  // The German decimal comma: 1,5 is an hour and a half.
  await page.keyboard.type('1,5')
  await page.keyboard.press('Enter')
  await expect(printer.nth(0)).toHaveText('1:30')
  await expect(page.getByRole('status').filter({ hasText: 'Alle Änderungen gespeichert' })).toBeVisible()
  await printer.nth(1).focus()
  await typeDays(page, ['2,25', '0:45'])

  await addGermanRow(page, 'TICKET-1042')
  const vpn = grid.getByRole('row', { name: /TICKET-1042/ }).getByRole('gridcell')
  await vpn.first().focus()
  await typeDays(page, ['0,75', '', '3'])

  await addGermanRow(page, 'WO-77')
  const wo = grid.getByRole('row', { name: /WO-77/ }).getByRole('gridcell')
  await wo.first().focus()
  await typeDays(page, ['4', '5,5', '2'])
  await expect(wo.nth(1)).toHaveText('5:30')
  await expect(page.getByRole('status').filter({ hasText: 'Alle Änderungen gespeichert' })).toBeVisible()

  // A value it cannot read is refused in German, and Esc gives the cell back.
  await wo.nth(3).focus()
  await page.keyboard.type('1:75')
  await page.keyboard.press('Enter')
  await expect(wo.nth(3).getByRole('alert')).toHaveText('Minuten müssen in 1:75 zwischen 0 und 59 liegen')
  await page.keyboard.press('Escape')

  await expect(grid.getByRole('rowheader', { name: 'Summe' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Zeitraum einreichen…' })).toBeVisible()
  await page.mouse.move(0, 0)
  await inBothThemes(page, 'german-timesheet')

  // The details of Monday's printer cell, with German names and Add time.
  await printer.nth(0).focus()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: 'Mo 16. Nov. · Details' })
  await expect(details.getByRole('listitem', { name: 'Getippter Eintrag' })).toBeVisible()
  await expect(details.getByRole('group', { name: 'Zeit hinzufügen' })).toBeVisible()
  await details.getByRole('textbox', { name: 'Notiz zu dieser Zelle' }).fill('Toner getauscht')
  await details.getByRole('button', { name: 'Notiz speichern' }).click()
  await expect(details.getByRole('status')).toHaveText('Notiz gespeichert')
  await inBothThemes(page, 'german-timesheet-details', details)
  await details.getByRole('button', { name: 'Schließen' }).click()

  // Submit: the summary in German, then the period is approved and locked (no team server).
  await page.getByRole('button', { name: 'Zeitraum einreichen…' }).click()
  const submit = page.getByRole('dialog', { name: 'Woche vom 16. Nov. 2026 einreichen?' })
  await expect(submit.getByText('Summe', { exact: true })).toBeVisible()
  await expect(submit.getByText(/^Ohne Team-Server genehmigt und sperrt/)).toBeVisible()
  await inBothThemes(page, 'german-timesheet-submit', submit)
  await submit.getByRole('button', { name: 'Einreichen und sperren' }).click()
  await expect(page.getByRole('note', { name: 'Schreibgeschützter Zeitraum' })).toContainText('Genehmigt und gesperrt von Ihnen')
  await expect(grid).toHaveAttribute('aria-readonly', 'true')
  await inBothThemes(page, 'german-timesheet-locked')
})
