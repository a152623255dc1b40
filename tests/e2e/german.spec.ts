// A German technician: chooses Deutsch in Settings, and the shell, Settings and Work
// items read German at once and after a reload; durations are typed with a comma.
// Axe-clean in light and dark, with screenshots of each.
import { expect, inBothThemes, test } from './fixtures'

// Four axe runs over two long views: more than the default 30 s on a busy machine.
test.setTimeout(120_000)

test('choosing Deutsch turns the shell, Settings and Work items German, live and after a reload', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')

  const nav = page.getByRole('navigation', { name: 'Ansichten' })
  await expect(nav.getByRole('link', { name: 'Einstellungen' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Stundenzettel' })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Arbeitselemente' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'de')
  await expect(page.getByRole('heading', { level: 2, name: 'Darstellung' })).toBeVisible()
  await expect(page.getByText('Auf diesem Gerät gespeichert · funktioniert offline')).toBeVisible()

  // A German user types a decimal comma; it is read as 7:30.
  const monday = page.getByRole('textbox', { name: 'Montag' })
  await monday.fill('7,5')
  await monday.press('Enter')
  await expect(monday).toHaveValue('7:30')
  await expect(page.getByRole('option', { name: 'Dezimalstunden (1,50)' })).toHaveCount(1)
  await inBothThemes(page, 'german-settings')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible()

  await nav.getByRole('link', { name: 'Arbeitselemente' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeitselemente' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Neues Arbeitselement' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Tätigkeitsarten' })).toBeVisible()
  await inBothThemes(page, 'german-work')

  // And back: English is one choice away.
  await nav.getByRole('link', { name: 'Einstellungen' }).click()
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
