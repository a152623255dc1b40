// The work-item picker end to end, from the keyboard: a timer put on a ticket found by its
// customer's name (typed without the accent), favourites and recently used items first,
// Escape closing only the list; the timer card that shows the ticket once, with its
// customer and note. Axe and screenshots in light and dark.
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, expectNoAxeViolations, inBothThemes, screenshot, test } from './fixtures'

/** Two customers, six active items (one a favourite, two used recently) and an inactive one. */
async function seed(page: Page): Promise<void> {
  const muller = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Müller Druck GmbH' })
  const acme = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Acme, Inc.' })
  const item = (reference: string | null, title: string, customerId: string | null, extra: object = {}) =>
    callHost<{ id: string }>(page, 'work.createItem', { kind: reference ? 'ticket' : 'general', reference, title, customerId, ...extra })
  await item('TICKET-1234', 'Printer on 2nd floor jams', muller.id)
  const sw = await item('WO-77', 'Install new switch', acme.id)
  const wifi = await item('TICKET-1301', 'Café Wi-Fi drops every hour', acme.id)
  const meeting = await item(null, 'Team meeting', null, { billable: false })
  await item('WO-80', 'Replace UPS battery in server room', acme.id)
  await item('TICKET-1310', 'New laptop for Frau Schäfer', muller.id)
  await item('TICKET-0999', 'Old scanner', muller.id, { active: false })
  await callHost(page, 'work.setFavourite', { id: sw.id, favourite: true })
  const cell = (workItemId: string, hours: number) => ({ day: '2026-11-30', row: { workItemId, activityTypeId: null, billable: true }, totalSeconds: hours * 3600 })
  await callHost(page, 'timesheet.setCells', { changes: [cell(meeting.id, 1), cell(wifi.id, 2)] })
}

test('put a timer on a ticket from the keyboard with the picker; the card shows it once, with customer and note', async ({ page, host }) => {
  test.setTimeout(90_000)
  await page.goto(host.url)
  await seed(page)
  await page.reload()
  await page.getByRole('link', { name: 'Timers' }).click()

  await page.getByRole('button', { name: 'Edit Timer 1' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit Timer 1' })
  const picker = editor.getByRole('combobox', { name: 'Work item' })
  await picker.focus()
  await page.keyboard.type('muller jams')
  await expect(picker).toHaveAttribute('aria-expanded', 'true')
  const options = editor.getByRole('listbox', { name: 'Work item' }).getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toHaveAccessibleName('TICKET-1234 · Printer on 2nd floor jams, Müller Druck GmbH')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(picker).toHaveValue('TICKET-1234 · Printer on 2nd floor jams')
  await expect(editor.getByLabel('Label')).toHaveValue('TICKET-1234')
  await editor.getByLabel("Note (goes into the entry's description)").fill('Replaced the fuser, waiting for the toner')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  const card = page.locator('article[data-slot="1"]')
  await expect(card.getByRole('heading', { name: 'TICKET-1234' })).toBeVisible()
  await expect(card).toContainText('Printer on 2nd floor jams')
  await expect(card).toContainText('Müller Druck GmbH')
  await expect(card).toContainText('Replaced the fuser')
  expect(((await card.textContent()) ?? '').match(/TICKET-1234/g)).toHaveLength(1)

  // With nothing typed: favourites, then recently used, then the rest; the inactive one is not offered.
  await page.getByRole('button', { name: 'Edit Timer 2' }).click()
  const second = page.getByRole('dialog', { name: 'Edit Timer 2' })
  const list = second.getByRole('listbox', { name: 'Work item' })
  await second.getByRole('combobox', { name: 'Work item' }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('group')).toHaveCount(3)
  await expect(list.getByRole('option').first()).toHaveAccessibleName('WO-77 · Install new switch, Acme, Inc., favourite')
  const recent = list.getByRole('group', { name: 'Recently used' })
  await expect(recent.getByRole('option').first()).toContainText('TICKET-1234') // the timer just put on it
  await expect(recent.getByRole('option')).toHaveCount(3)
  await expect(list).not.toContainText('Old scanner')
  // With no work item chosen yet the list opens at the top; Up wraps round to the bottom.
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('ArrowUp')
  await expect(list.getByRole('option').last()).toHaveAttribute('aria-selected', 'true')
  await expect(list.getByRole('option').last()).toHaveText('No work item (assign later)')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowDown')
  await expect(list.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true')
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expectNoAxeViolations(page)
    await screenshot(page, `work-item-picker-${scheme}`, second)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  // Escape closes the list only; the next one closes the dialog.
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(second).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.getByRole('button', { name: 'Start TICKET-1234' }).click()
  await expect(card.getByRole('timer')).not.toHaveText('0:00:00')
  await inBothThemes(page, 'timers-view')
})
