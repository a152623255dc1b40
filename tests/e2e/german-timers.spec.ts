// A German technician's timers: starts two, pauses one, stops a short run and keeps it,
// moves a running timer's start back, and every word on the way is German. Axe-clean in
// light and dark, with screenshots of the view, the short-run question and the editor.
import { expect, inBothThemes, test } from './fixtures'

// Six axe runs: more than the default 30 s on a busy machine.
test.setTimeout(120_000)

test('the Timers view in German: start, pause, keep a short run, move a start back', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const nav = page.getByRole('navigation', { name: 'Ansichten' })
  await nav.getByRole('link', { name: 'Timer' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Timer' })).toBeVisible()
  await expect(page.getByText('Kein Timer läuft')).toBeVisible()
  await page.getByRole('button', { name: 'Timer 2 starten' }).click()
  await page.getByRole('button', { name: 'Timer 5 starten' }).click()
  await page.getByRole('button', { name: 'Timer 5 pausieren' }).click()
  await expect(page.getByText('1 läuft · 1 pausiert')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Timer 5 fortsetzen' })).toBeVisible()

  // Seconds old: Stint asks, in German, before keeping such a short run (a run under a second is no time at all).
  await expect(page.locator('article[data-slot="2"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Timer 2 stoppen' }).click()
  const short = page.getByRole('dialog', { name: 'Diesen kurzen Eintrag behalten?' })
  await expect(short).toContainText(/Timer 2 lief nur \d+ Sekunden?\. Er bleibt pausiert, bis Sie entscheiden\./)
  await inBothThemes(page, 'german-timers-short-run', short)
  await short.getByRole('button', { name: /^\d+ Sek\. behalten$/ }).click()

  const booked = page.getByRole('region', { name: 'Diese Woche von Timern gebucht' })
  await expect(booked.getByRole('row')).toHaveCount(2) // header + one entry
  await expect(booked.getByRole('row').nth(1)).toContainText('Kein Arbeitselement')
  await expect(booked.getByRole('button', { name: /^Diesen Eintrag vom .+ fortsetzen$/ })).toBeVisible()
  await expect(page.getByText('1 pausiert')).toBeVisible()

  await page.getByRole('button', { name: 'Timer 1 starten' }).click()
  await expect(page.getByText('1 läuft · 1 pausiert')).toBeVisible()
  await inBothThemes(page, 'german-timers')

  await page.getByRole('button', { name: 'Timer 1 bearbeiten' }).click()
  const editor = page.getByRole('dialog', { name: 'Timer 1 bearbeiten' })
  await expect(editor.getByRole('group', { name: 'Gestartet um' })).toBeVisible()
  await editor.getByRole('button', { name: '10 Minuten früher starten' }).click()
  await expect(editor.getByRole('status')).toHaveText(/^Timer 1 beginnt jetzt um \d\d:\d\d\.$/)
  await expect(editor.getByRole('textbox', { name: 'Notiz (wird zur Beschreibung des Eintrags)' })).toBeVisible()
  await inBothThemes(page, 'german-timer-editor', editor)
})
