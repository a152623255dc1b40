// Submitting a period without a team server (standalone: it is approved and locked at
// once, and reopened with a reason), and the Team server settings refusing an address
// that cannot be reached — in the real renderer against the real browser host.
import { expect, inBothThemes, test } from './fixtures'
import { addRow, createWorkItem } from './steps'

test('submit a period standalone: see the summary, it is approved and locked, reopen it with a reason and edit again', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('region', { name: 'Sync status' })).toHaveText(/Saved on this device · works offline/)
  await createWorkItem(page, 'TICKET-1001', 'Printer on 2nd floor')
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const title = page.getByRole('heading', { level: 2 }).first()
  await expect(title).toHaveText(/^Week of /)
  const thisWeek = (await title.textContent()) ?? ''
  // Last week, so the test does not depend on which weekday today is.
  await page.getByRole('button', { name: 'Previous period', exact: true }).click()
  await expect(title).not.toHaveText(thisWeek)
  const label = (await title.textContent()) ?? ''

  await addRow(page, 'TICKET-1001')
  const grid = page.getByRole('grid')
  const cells = grid.getByRole('row', { name: /TICKET-1001/ }).getByRole('gridcell')
  await expect(cells.nth(0)).toBeFocused()
  await page.keyboard.type('8')
  await page.keyboard.press('Tab')
  await page.keyboard.type('7:30')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  await expect(cells.nth(1)).toHaveText('7:30')

  // The summary: totals, what is missing, and what submitting does without a server.
  await page.getByRole('button', { name: 'Submit period…' }).click()
  const dialog = page.getByRole('dialog', { name: `Submit ${label}?` })
  await expect(dialog).toBeVisible()
  const stats = dialog.locator('.summary__stats')
  await expect(stats.getByRole('definition').nth(0)).toHaveText('15:30')
  await expect(stats.getByRole('definition').nth(1)).toHaveText('15:30 · 100%')
  await expect(stats.getByRole('definition').nth(2)).toHaveText('40:00')
  await expect(stats.getByRole('definition').nth(3)).toHaveText('\u221224:30 under')
  await expect(dialog.getByRole('list', { name: 'Days with no time' }).getByRole('listitem')).toHaveCount(3)
  await expect(dialog).toContainText('Without a team server, submitting approves and locks this period at once.')
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await inBothThemes(page, 'submit-summary', dialog)

  await dialog.getByRole('button', { name: 'Submit and lock' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const banner = page.getByRole('note', { name: 'Read-only period' })
  await expect(banner).toContainText('Approved and locked by you')
  await expect(page.locator('.ts-status')).toHaveText('Approved')
  await expect(grid).toHaveAttribute('aria-readonly', 'true')

  // Locked: typing is explained, not saved; Submit says why it does nothing.
  await cells.nth(2).focus()
  await page.keyboard.type('3')
  await expect(page.getByRole('alert')).toContainText('Cells cannot be changed.')
  await expect(cells.nth(2)).toHaveText('')
  await page.getByRole('button', { name: 'Dismiss' }).click()
  const submit = page.getByRole('button', { name: 'Submit period…' })
  await expect(submit).toHaveAttribute('aria-disabled', 'true')
  await submit.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toHaveText(/This period is already approved and locked\./)
  await page.getByRole('button', { name: 'Dismiss' }).click()

  await page.getByText('History (1)').click()
  await expect(page.locator('.ts-history').getByRole('row').nth(1)).toContainText(/You\s*Open → +to +Approved/)
  await inBothThemes(page, 'timesheet-approved')

  // Reopen: a reason is required, and it shows on the period.
  await banner.getByRole('button', { name: 'Reopen…' }).click()
  const reopen = page.getByRole('dialog', { name: `Reopen ${label}?` })
  await expect(reopen.getByLabel('Reason')).toBeFocused()
  await reopen.getByRole('button', { name: 'Reopen period' }).click()
  await expect(reopen.getByRole('alert')).toHaveText('Give a reason: it goes into the period’s history.')
  await reopen.getByLabel('Reason').fill('Forgot the on-call hours on Wednesday')
  await reopen.getByRole('button', { name: 'Reopen period' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const reopened = page.getByRole('note', { name: 'Reopened period' })
  await expect(reopened).toContainText('Reopened by you')
  await expect(reopened).toContainText('Forgot the on-call hours on Wednesday')
  await expect(page.locator('.ts-status')).toHaveText('Open')
  await expect(grid).not.toHaveAttribute('aria-readonly', 'true')
  await expect(page.getByText('History (2)')).toBeVisible()

  await cells.nth(2).focus()
  await page.keyboard.type('2')
  await page.keyboard.press('Enter')
  await expect(cells.nth(2)).toHaveText('2:00')
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
  await inBothThemes(page, 'timesheet-reopened')
})

test('Team server settings: not connected, and a server that cannot be reached is refused with the reason', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Team server' })
  await expect(section.getByRole('button', { name: 'Connect' })).toBeVisible()
  const token = section.getByLabel('Device token')
  await expect(token).toHaveAttribute('type', 'password')
  await expect(token).toHaveAttribute('autocomplete', 'off')
  await section.scrollIntoViewIfNeeded()
  await inBothThemes(page, 'team-server', section)

  // A token cut short is named at the field, before anything is sent.
  await section.getByLabel('Server address').fill('http://127.0.0.1:9')
  await token.fill('stint-dev')
  await section.getByRole('button', { name: 'Connect' }).click()
  await expect(section.getByRole('alert')).toHaveText('A device token is at least 20 characters long (this one has 9); paste all of it.')
  await expect(token).toBeFocused()

  await token.fill('stint-dev-7Qm2vX9kLp4Rt8Wz3Yb6Nc1Hd5Jf0Gs') // 40 characters
  await section.getByRole('button', { name: 'Connect' }).click()
  await expect(section.getByRole('alert')).toContainText('The team server at http://127.0.0.1:9 cannot be reached')
  await expect(section.getByRole('alert')).toContainText('Nothing was changed.')
  await expect(section.getByRole('button', { name: 'Connect' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Sync status' })).toHaveText(/Saved on this device · works offline/)
  await inBothThemes(page, 'team-server-error', section)
})
