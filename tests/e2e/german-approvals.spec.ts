// A German technician's work dialogs: the work item dialog and the work picker read
// German, axe-clean in light and dark, with screenshots. (Approvals and Needs attention
// need a team server the browser host does not have; their German is checked in
// src/renderer/src/i18n/german-approvals.test.tsx.)
import { expect, inBothThemes, test } from './fixtures'

test.setTimeout(120_000)

test('in German, the new work item dialog reads German and passes axe in light and dark', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  await page.getByRole('navigation', { name: 'Ansichten' }).getByRole('link', { name: 'Arbeitselemente' }).click()

  await page.getByRole('button', { name: 'Neues Arbeitselement' }).click()
  const dialog = page.getByRole('dialog', { name: 'Neues Arbeitselement' })
  await expect(dialog.getByRole('combobox', { name: 'Kunde' })).toBeVisible()
  await expect(dialog.getByText('Wählen Sie zuerst einen Kunden: Verträge gehören zu einem Kunden.')).toBeVisible()
  await dialog.getByRole('button', { name: 'Arbeitselement anlegen' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Geben Sie einen Titel ein, zum Beispiel „Drucker im 2. OG“.')
  await inBothThemes(page, 'german-work-item-dialog', dialog)
  await dialog.getByRole('button', { name: 'Abbrechen' }).click()
  await expect(dialog).toHaveCount(0)
})
