// A German technician connects to a team server that cannot be reached: the host's
// refusal travels by id, so the form says it in German (the system's reason inside stays
// as the system wrote it).
import { expect, test } from './fixtures'

test('in German, a team server that cannot be reached is refused in German, with what was typed kept', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de')
  const address = page.getByLabel('Serveradresse')
  await expect(address).toBeVisible()
  await address.fill('http://127.0.0.1:9')
  await page.getByLabel('Gerätetoken').fill('a-device-token-long-enough-to-try')
  await page.getByRole('button', { name: 'Verbinden' }).click()
  await expect(page.getByRole('alert')).toHaveText(/^Der Team-Server unter http:\/\/127\.0\.0\.1:9 ist nicht erreichbar \(.+\)\. Es wurde nichts geändert\.$/)
  await expect(address).toHaveValue('http://127.0.0.1:9')
})
