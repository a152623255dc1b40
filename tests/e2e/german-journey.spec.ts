// The main journey in German, across the views a technician uses in a day: Deutsch and
// CSV files in German formats chosen in Einstellungen, a work item, a timer started and
// stopped, time typed the German way in the Stundenzettel, the day in the Kalender, and
// the entries exported from Berichte as German Excel reads them (03.12.2026; 1,50).
import { readFileSync } from 'node:fs'
import { expect, inBothThemes, test } from './fixtures'

// Several views, each checked with axe: more than the default 30 s on a busy machine.
test.setTimeout(150_000)

test('a German technician’s day: timer, Stundenzettel, Kalender and a CSV in German formats', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const csvFormats = page.getByRole('group', { name: 'Zahlen und Daten in CSV-Dateien' })
  await expect(csvFormats.getByRole('radio', { name: 'Für Programme: 2026-12-03 · 1.50' })).toBeChecked()
  await csvFormats.getByRole('radio', { name: 'In meiner Sprache: 03.12.2026 · 1,50' }).check()
  await expect(csvFormats.getByRole('radio', { name: 'In meiner Sprache: 03.12.2026 · 1,50' })).toBeChecked()
  const nav = page.getByRole('navigation', { name: 'Ansichten' })

  // A work item, in the German dialog.
  await nav.getByRole('link', { name: 'Arbeitselemente' }).click()
  await page.getByRole('button', { name: 'Neues Arbeitselement' }).click()
  const dialog = page.getByRole('dialog', { name: 'Neues Arbeitselement' })
  await dialog.getByLabel(/Referenz/).fill('TICKET-2001')
  await dialog.getByLabel('Titel').fill('Drucker im 2. OG')
  await dialog.getByRole('button', { name: 'Arbeitselement anlegen' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // A timer: started, stopped, its short run kept.
  await nav.getByRole('link', { name: 'Timer' }).click()
  await page.getByRole('button', { name: 'Timer 1 starten' }).click()
  await expect(page.locator('article[data-slot="1"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Timer 1 stoppen' }).click()
  await page.getByRole('dialog', { name: 'Diesen kurzen Eintrag behalten?' }).getByRole('button', { name: /^\d+ Sek\. behalten$/ }).click()
  await expect(page.getByRole('button', { name: 'Timer 1 starten' })).toBeVisible()

  // The Stundenzettel: the printer's row, 1,5 typed for today is 1:30.
  await nav.getByRole('link', { name: 'Stundenzettel' }).click()
  await page.getByRole('button', { name: 'Zeile hinzufügen' }).click()
  await page.getByRole('dialog', { name: 'Zeile hinzufügen' }).getByRole('combobox', { name: 'Arbeitselement' }).fill('TICKET-2001')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  const grid = page.getByRole('grid', { name: 'Woche vom 16. Nov. 2026' })
  const today = grid.getByRole('row', { name: /TICKET-2001/ }).locator('.ts-day.is-today')
  await today.focus()
  await page.keyboard.type('1,5')
  await page.keyboard.press('Enter')
  await expect(today).toHaveText('1:30')
  await expect(grid.getByRole('row', { name: /Kein Arbeitselement/ })).toBeVisible()

  // The Kalender shows the same day: the timer's run as a block, the typed time in "Ohne Zeiten".
  await nav.getByRole('link', { name: 'Kalender' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Mo 16. – So 22. Nov. 2026' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Kein Arbeitselement, \d+:\d\d bis \d+:\d\d/ })).toBeVisible()
  await inBothThemes(page, 'german-journey-calendar')

  // Berichte: the entries as CSV, in German formats: semicolons, 18.11.2026, 1,50.
  await nav.getByRole('link', { name: 'Berichte' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Berichte' })).toBeVisible()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Einträge exportieren (CSV)' }).click()
  const csv = readFileSync(await (await downloading).path(), 'utf8')
  const [header, ...rows] = csv.trim().split('\r\n')
  expect(header?.startsWith('date;work_item_reference;work_item_title;')).toBe(true)
  expect(rows.find((row) => row.includes('TICKET-2001'))).toMatch(/^18\.11\.2026;TICKET-2001;Drucker im 2\. OG;;;[^;]*;yes;;;grid;draft;1,50;90;90;/)
  await inBothThemes(page, 'german-journey-reports')
})
