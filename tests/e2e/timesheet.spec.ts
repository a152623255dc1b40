import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'
import { createWorkItem } from './steps'

/** Adds a row from the keyboard only: Add row, type a search, Enter takes the match, Enter adds. */
async function addRowByKeyboard(page: Page, search: string) {
  const addRow = page.getByRole('button', { name: 'Add row' })
  await addRow.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Add row' })
  await expect(dialog.getByRole('combobox', { name: 'Work item' })).toBeFocused()
  await page.keyboard.type(search)
  await expect(dialog.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/** What a spreadsheet puts on the clipboard (needs the clipboard permissions granted). */
async function copyToClipboard(page: Page, text: string) {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`)
}

async function typeWeek(page: Page, values: string[]) {
  for (const value of values) {
    await page.keyboard.type(value)
    await page.keyboard.press('Tab')
  }
}

test('fill a week from the keyboard, paste a block from a spreadsheet, undo it; passes axe in light and dark', async ({ page, host, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(host.url)
  await createWorkItem(page, 'TICKET-1001', 'Printer on 2nd floor')
  await createWorkItem(page, 'WO-77', 'Install new switch')
  await createWorkItem(page, 'WO-80', 'Mail migration')
  await page.getByRole('link', { name: 'Timesheet' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Timesheet' })).toBeVisible()
  const grid = page.getByRole('grid')
  await expect(grid).toBeVisible()

  // Previous week, so the test does not depend on which weekday today is.
  await page.getByRole('button', { name: 'Previous period', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2 })).not.toHaveText('Loading…')

  await addRowByKeyboard(page, 'TICKET-1001')
  const ticketRow = grid.getByRole('row', { name: /TICKET-1001/ })
  const monday = ticketRow.getByRole('gridcell').first()
  await expect(monday).toBeFocused()
  await typeWeek(page, ['8', '7:30', '1h 15m', '6.5'])
  await page.keyboard.type('4:45')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  const ticketCells = ticketRow.getByRole('gridcell')
  await expect(ticketCells.nth(0)).toHaveText('8:00')
  await expect(ticketCells.nth(1)).toHaveText('7:30')
  await expect(ticketCells.nth(2)).toHaveText('1:15')
  await expect(ticketCells.nth(3)).toHaveText('6:30')
  await expect(ticketCells.nth(4)).toHaveText('4:45')
  await expect(ticketCells.nth(7)).toHaveText('28:00') // the row total

  // A typo keeps the editor open with the reason; Esc gives the cell back untouched.
  await ticketCells.nth(5).focus()
  await page.keyboard.type('1:75')
  await page.keyboard.press('Enter')
  await expect(ticketCells.nth(5).getByRole('alert')).toContainText('Minutes must be 0–59')
  await page.keyboard.press('Escape')
  await expect(ticketCells.nth(5)).toBeFocused()

  // A block copied from a spreadsheet: two rows, three days, one save.
  await addRowByKeyboard(page, 'WO-77')
  await addRowByKeyboard(page, 'WO-80')
  // Rows are sorted by reference: WO-77, then WO-80.
  const taskCells = grid.getByRole('row', { name: /WO-77/ }).getByRole('gridcell')
  const woCells = grid.getByRole('row', { name: /WO-80/ }).getByRole('gridcell')
  await taskCells.nth(0).focus()
  await copyToClipboard(page, '1:00\t2:00\t0:30\r\n0:45\t1.5\t3h\r\n')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(taskCells.nth(2)).toHaveText('0:30')
  await expect(woCells.nth(0)).toHaveText('0:45')
  await expect(woCells.nth(2)).toHaveText('3:00')
  const totals = grid.getByRole('row', { name: /^Total/ }).getByRole('gridcell')
  await expect(totals.nth(0)).toHaveText('9:45')

  // Undo takes the whole block back in one step.
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(taskCells.nth(2)).toHaveText('')
  await expect(woCells.nth(0)).toHaveText('')
  await expect(totals.nth(0)).toHaveText('8:00')

  // A block with text in it is refused whole, with the reason.
  await copyToClipboard(page, '1:00\tlunch')
  await page.keyboard.press('ControlOrMeta+V')
  await expect(page.getByRole('alert')).toContainText('Nothing was pasted. Row 1, column 2 of the pasted block: "lunch" is not a duration')

  await page.getByRole('button', { name: 'Dismiss' }).click()

  // A value the host refuses (Monday would have 26 hours) keeps the editor open with what
  // was typed and the host's reason beside it; nothing was changed, so nothing says "Not saved".
  await taskCells.nth(0).focus()
  await page.keyboard.type('18')
  await page.keyboard.press('Enter')
  const refusedEditor = taskCells.nth(0).getByRole('textbox')
  await expect(taskCells.nth(0).getByRole('alert')).toContainText('A day has at most 24 hours')
  await expect(refusedEditor).toHaveValue('18')
  await expect(refusedEditor).toBeFocused()
  await expect(page.getByText('Not saved')).toHaveCount(0)
  await screenshot(page, 'timesheet-refused-edit-light', grid)
  await page.emulateMedia({ colorScheme: 'dark' })
  await screenshot(page, 'timesheet-refused-edit-dark', grid)
  await page.emulateMedia({ colorScheme: 'light' })
  await refusedEditor.fill('2')
  await page.keyboard.press('Enter')
  await expect(taskCells.nth(0)).toHaveText('2:00')
  await expect(totals.nth(0)).toHaveText('10:00')
  await page.keyboard.press('ControlOrMeta+Z')
  await expect(taskCells.nth(0)).toHaveText('')

  await ticketCells.nth(2).focus()
  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timesheet-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'timesheet-dark')

  await page.keyboard.press('Alt+Enter')
  await expect(page.getByRole('dialog', { name: /details/ })).toBeVisible()
  await expectNoAxeViolations(page)
})

test("a stopped timer's time shows up in its row, with its run in the cell's details", async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Start Timer 1' }).click()
  await expect(page.locator('article[data-slot="1"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Stop Timer 1' }).click()
  await page.getByRole('dialog', { name: 'Keep this short entry?' }).getByRole('button', { name: /^Keep \d+ s$/ }).click()
  await expect(page.getByRole('button', { name: 'Start Timer 1' })).toBeVisible()

  await page.getByRole('link', { name: 'Timesheet' }).click()
  const row = page.getByRole('grid').getByRole('row', { name: /No work item/ })
  await expect(row).toContainText('Remote support')
  const today = row.locator('.ts-day.is-today')
  await expect(today).toContainText('from timers')
  await today.focus()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: /details/ })
  const entry = details.getByRole('listitem', { name: /^Timer entry from \d\d:\d\d$/ })
  await expect(entry.getByLabel(/^Start of run 1 of the timer entry/)).toHaveValue(/^\d\d:\d\d$/)
  await expect(entry.getByLabel(/^End of run 1 of the timer entry/)).toHaveValue(/^\d\d:\d\d$/)
  await details.getByRole('textbox', { name: /Description of the timer entry/ }).fill('Reset the printer')
  await page.keyboard.press('Enter')
  await expect(details.getByRole('status')).toHaveText('Description saved')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(today).toBeFocused()
})

test('an empty period is reachable from the keyboard and passes axe', async ({ page, host }) => {
  await page.setViewportSize({ width: 1180, height: 780 })
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const grid = page.getByRole('grid')
  await expect(grid).toBeVisible()
  await expect(page.getByRole('row')).not.toHaveCount(0)
  await expectNoAxeViolations(page)
})
