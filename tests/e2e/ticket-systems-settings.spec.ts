// Settings → Ticket systems in real Chromium on the browser host (standalone): a technician
// adds their Redmine with its API key; the key is not shown back; the panel passes axe.
import { expect, inBothThemes, test } from './fixtures'

test('a standalone technician adds their Redmine for write-back, the key never shown back', async ({ page, host }) => {
  await page.goto(`${host.url}#settings`)
  const panel = page.getByRole('region', { name: 'Ticket systems' })
  await expect(panel).toBeVisible()
  await panel.getByLabel('Address').fill('https://redmine.example.com')
  await panel.getByLabel('API key').fill('0123456789abcdef0123456789abcdef01234567')
  await panel.getByRole('button', { name: 'Add ticket system' }).click()
  await expect(panel.getByRole('status')).toHaveText('Redmine is added. Test it to map your activity types.')
  await expect(panel.getByRole('list', { name: 'Your ticket systems' }).getByRole('listitem', { name: 'Redmine' })).toBeVisible()
  await expect(panel.getByLabel('API key')).toHaveValue('')
  await expect(panel).not.toContainText('0123456789abcdef')
  await panel.scrollIntoViewIfNeeded()
  await expect(panel.getByLabel('Address')).toHaveValue('')
  await inBothThemes(page, 'settings-ticket-systems', panel)
})
