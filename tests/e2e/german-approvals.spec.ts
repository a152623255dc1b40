// A German technician's work dialogs: the work item dialog and the work picker read
// German, axe-clean in light and dark, with screenshots. A submission the team server
// refuses waits in Zu klären with the server's reason in German. (Approvals' German is
// checked in src/renderer/src/i18n/german-approvals.test.tsx.)
import type { RowKey } from '@shared/timesheet'
import { callHost, closeDevice, openDevice, type Device } from '../support/devices'
import { startTeamOrg, type TeamOrg } from '../support/team-org'
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

test('in German, a submission the team server refuses (no one could approve it) waits in Zu klären with the server’s reason in German', async ({ browser }) => {
  const tess = { name: 'Tess Tech', email: 'tess@example.com', role: 'member' } as const
  const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }
  let org: TeamOrg | undefined
  let device: Device | undefined
  try {
    // Tess is in no team: the server refuses her submission, saying whom to ask.
    org = await startTeamOrg({ people: [tess], team: { name: 'Field', pattern: 'one', members: [], level1: ['ada@example.com'] } })
    device = await openDevice(browser, 'member')
    const page = device.page
    await callHost(page, 'settings.update', { language: 'de' })
    await callHost(page, 'sync.connect', { url: org.server.url, token: org.tokens[tess.email] ?? '' })
    await callHost(page, 'timesheet.setCells', { changes: [{ day: '2026-11-16', row, totalSeconds: 3600 }] })
    await callHost(page, 'timesheet.submit', { day: '2026-11-16' })
    await expect(async () => {
      await callHost(page, 'sync.now', {})
      expect(await callHost<unknown[]>(page, 'sync.issues', {})).toHaveLength(1)
    }).toPass({ timeout: 20_000 })

    await page.reload()
    await page.getByRole('region', { name: 'Synchronisierungsstatus' }).getByRole('link', { name: '1 Problem ansehen' }).click()
    const card = page.getByRole('article', { name: 'Einreichung des Zeitraums ab Mo 16. Nov. 2026' })
    await expect(card).toContainText('Sie sind auf dem Team-Server in keinem Team, daher könnte niemand diesen Stundenzettel genehmigen.')
    await expect(card).toContainText('Es wurde nichts geändert.')
    await expect(card).not.toContainText('You are in no team')
    await inBothThemes(page, 'german-sync-refused-attention')
  } finally {
    if (device) await closeDevice(device)
    await org?.stop()
  }
})
