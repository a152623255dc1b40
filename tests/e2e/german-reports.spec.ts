// A German technician's Reports and Calendar with a real week of time (the suite's clock:
// Wednesday 18 November 2026): the Summary grouped by customer and activity type, the
// month views, contract usage, and the week in the Calendar (and the week before, locked) — German words, German
// dates and decimal commas, 24-hour hour labels; axe-clean in light and dark, with
// screenshots of each to open and judge (German words are longer).
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { expect, inBothThemes, test } from './fixtures'

const H = 3600

/** Acme (with a 10-hour contract) and Birch; three tickets; typed time on Mon–Wed and timed runs on Tuesday and Wednesday. */
async function seed(page: Page): Promise<void> {
  const acme = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Acme GmbH' })
  const birch = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Birke & Söhne' })
  const contract = await callHost<{ id: string }>(page, 'work.createContract', { customerId: acme.id, name: 'Wartungsvertrag 2026', includedMinutes: 10 * 60 })
  const item = (reference: string, title: string, customerId: string | null, billable: boolean, contractId: string | null = null) =>
    callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference, title, customerId, contractId, billable })
  const printer = await item('HD-101', 'Drucker im 3. OG offline', acme.id, true, contract.id)
  const mail = await item('HD-202', 'Umzug der Postfächer', birch.id, true)
  const internal = await item('IT-7', 'Interne Schulung', null, false)
  const remote = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Fernwartung' } })
  const onSite = await callHost<{ id: string }>(page, 'work.saveActivityType', { id: null, type: { name: 'Vor-Ort-Einsatz' } })
  const cell = (day: string, workItemId: string, activityTypeId: string, billable: boolean, hours: number) => ({ day, row: { workItemId, activityTypeId, billable }, totalSeconds: hours * H })
  await callHost(page, 'timesheet.setCells', {
    changes: [
      cell('2026-11-16', printer.id, remote.id, true, 4),
      cell('2026-11-16', internal.id, onSite.id, false, 1.5),
      cell('2026-11-17', mail.id, remote.id, true, 3),
      cell('2026-11-10', printer.id, onSite.id, true, 4.5),
    ],
  })
  const timed = (workItemId: string, day: number, from: [number, number], to: [number, number]) =>
    callHost(page, 'entries.create', {
      row: { workItemId, activityTypeId: remote.id, billable: true },
      description: '',
      startedAt: new Date(2026, 10, day, ...from).getTime(),
      endedAt: new Date(2026, 10, day, ...to).getTime(),
    })
  await timed(printer.id, 17, [8, 30], [9, 45])
  await timed(mail.id, 17, [9, 15], [10, 30])
  await timed(printer.id, 18, [7, 0], [8, 15])
  await callHost(page, 'settings.update', { language: 'de', timesheet: { unit: 'decimal' } })
}

test('Reports and the Calendar in German: words, dates and numbers; axe-clean in light and dark', async ({ page, host }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(host.url)
  await seed(page)
  await page.reload()

  const nav = page.getByRole('navigation', { name: 'Ansichten' })
  await nav.getByRole('link', { name: 'Berichte' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Berichte' })).toBeVisible()
  await expect(page.getByRole('tab', { name: 'Übersicht' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('combobox', { name: 'Zweite Gruppierung' }).selectOption('activityType')
  const table = page.getByRole('table', { name: 'Zeit nach Kunde, dann Tätigkeitsart, 1.–30. Nov. 2026' })
  await expect(table).toBeVisible()
  await expect(table.getByRole('rowheader', { name: 'Kein Kunde' })).toBeVisible()
  await expect(page.locator('.rp-card').first()).toContainText('16,75')
  await expect(page.getByRole('figure', { name: 'Stunden pro Tag' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Bericht exportieren (CSV)' })).toBeVisible()
  await inBothThemes(page, 'german-reports-summary')

  await page.getByRole('tab', { name: 'Monat' }).click()
  await expect(page.getByRole('heading', { name: 'Ihre Zeit im November 2026' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Ticket-Nr.' })).toBeVisible()
  await expect(page.getByRole('cell', { name: '16. Nov. 2026' }).first()).toBeVisible()
  await inBothThemes(page, 'german-reports-month')

  await page.getByRole('tab', { name: 'Verträge' }).click()
  await expect(page.getByRole('heading', { name: 'Vertragsnutzung im November 2026' })).toBeVisible()
  await expect(page.getByRole('meter', { name: 'Genutzte Inklusivstunden von Acme GmbH · Wartungsvertrag 2026' })).toHaveAttribute('aria-valuetext', /^11 Std\. von 10 Std\., 110 %, 1 Std\. darüber$/)
  await inBothThemes(page, 'german-reports-contracts')

  await nav.getByRole('link', { name: 'Kalender' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Mo 16. – So 22. Nov. 2026' })).toBeVisible()
  await expect(page.getByRole('button', { name: /^HD-101, Drucker im 3\. OG offline, 8:30 bis 9:45, 1 Stunde 15 Minuten/ })).toBeVisible()
  await expect(page.getByText('Ohne Uhrzeit')).toBeVisible()
  await expect(page.locator('.cal__hour').filter({ hasText: '13:00' })).toHaveCount(1)
  await inBothThemes(page, 'german-calendar')

  // The week before, submitted (and so approved, without a team server): its lock said in German, and a step named in German.
  await callHost(page, 'timesheet.submit', { day: '2026-11-10' })
  await page.getByRole('button', { name: 'Vorige Woche', exact: true }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Mo 9. – So 15. Nov. 2026' })).toBeVisible()
  await expect(page.getByRole('note', { name: 'Schreibgeschützte Tage' })).toHaveText(/^Dieser Zeitraum ist genehmigt und gesperrt\. Ohne Team-Server .* Schreibgeschützte Tage sind schraffiert/)
  await expect(page.locator('.cal-head__lock').first()).toHaveAttribute('title', /^Dieser Zeitraum ist genehmigt und gesperrt\./)
  await inBothThemes(page, 'german-calendar-locked')
})
