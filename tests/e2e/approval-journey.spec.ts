// The approval journey across two devices and a team server, in real Chromium: a member
// fills a week and submits it; an approver rejects it with a reason; the member fixes a
// cell and submits again; the approver sees what changed and approves level 1, and a
// second approver approves level 2 (nobody approves one period at two levels); the member
// ends with an approved, locked period. Three browser hosts (one per person, each with its
// own database) and one team server process set up with its own admin CLI.
import type { Page } from '@playwright/test'
import { closeDevice, openDevice, type Device } from '../support/devices'
import { startTeamOrg, type TeamOrg } from '../support/team-org'
import { expect, inBothThemes, test } from './fixtures'

const TESS = { name: 'Tess Tech', email: 'tess@example.com', role: 'member' } as const
const ABE = { name: 'Abe Approver', email: 'abe@example.com', role: 'approver' } as const
const LEE = { name: 'Lee Lead', email: 'lee@example.com', role: 'approver' } as const
const REASON = 'Wednesday is short: the on-site visit at Harbour Dental took 8 hours.'

/** Settings → Team server: the address and the device token, through the form. */
async function connect(page: Page, url: string, token: string, name: string) {
  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Team server' })
  await section.getByLabel('Server address').fill(url)
  await section.getByLabel('Device token').fill(token)
  await section.getByRole('button', { name: 'Connect' }).click()
  await expect(section.getByRole('status')).toHaveText(`Connected as ${name}.`)
  await expect(section.getByRole('definition').first()).toContainText(name)
}

/**
 * The sidebar's "Sync now", waiting for its round to finish. The button is not there
 * while the sidebar says "Syncing…"; when a background round's last status still says
 * so after it ended, a reload reads the status afresh (see the report on sync.changed).
 */
async function syncNow(page: Page) {
  const status = page.getByRole('region', { name: 'Sync status' })
  const button = status.getByRole('button', { name: 'Sync now' })
  await expect(async () => {
    if (!(await button.isVisible())) {
      await page.reload()
      await expect(button).toBeVisible({ timeout: 1_500 })
    }
  }).toPass({ timeout: 15_000 })
  await button.click()
  // The button says "Syncing…" until the host answers, then "Sync now" again (or goes with a "Syncing…" status).
  await expect(status.getByRole('button', { name: 'Syncing…' })).toHaveCount(0)
}

async function submitForApproval(page: Page, label: string) {
  await page.getByRole('button', { name: 'Submit period…' }).click()
  const dialog = page.getByRole('dialog', { name: `Submit ${label}?` })
  await expect(dialog).toContainText('The period is sent for approval')
  await dialog.getByRole('button', { name: 'Submit for approval' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('note', { name: 'Read-only period' })).toContainText('Submitted — waiting for level 1 approval')
}

test('a member submits, an approver rejects with a reason, the member fixes and resubmits, two approvers approve at two levels', async ({ browser }) => {
  test.setTimeout(120_000)
  let org: TeamOrg | undefined
  let member: Device | undefined
  let approver: Device | undefined
  let second: Device | undefined
  try {
    org = await startTeamOrg({ people: [TESS, ABE, LEE], team: { name: 'Field', pattern: 'two', members: [TESS.email], level1: [ABE.email], level2: [LEE.email] } })
    ;[member, approver, second] = await Promise.all([openDevice(browser, 'member'), openDevice(browser, 'approver'), openDevice(browser, 'second-approver')])
    const m = member.page
    const a = approver.page
    const l = second.page
    await Promise.all([
      connect(m, org.server.url, org.tokens[TESS.email] ?? '', TESS.name),
      connect(a, org.server.url, org.tokens[ABE.email] ?? '', ABE.name),
      connect(l, org.server.url, org.tokens[LEE.email] ?? '', LEE.name),
    ])

    // Only the approver has Approvals in the navigation.
    const views = (page: Page) => page.getByRole('navigation', { name: 'Views' })
    await expect(views(a).getByRole('link', { name: 'Approvals' })).toBeVisible()
    await expect(views(m).getByRole('link', { name: 'Submissions' })).toBeVisible()
    await expect(views(m).getByRole('link', { name: 'Approvals' })).toHaveCount(0)

    // The member: a work item, then last week from the keyboard (last week, so no weekday matters).
    await m.getByRole('link', { name: 'Work items' }).click()
    await m.getByRole('button', { name: 'New work item' }).click()
    const newItem = m.getByRole('dialog', { name: 'New work item' })
    await newItem.getByLabel(/Reference/).fill('TICKET-1001')
    await newItem.getByLabel('Title').fill('Printer on 2nd floor')
    await newItem.getByRole('button', { name: 'Create work item' }).click()
    await expect(m.getByRole('dialog')).toHaveCount(0)

    await m.getByRole('link', { name: 'Timesheet' }).click()
    const title = m.getByRole('heading', { level: 2 }).first()
    await expect(title).toHaveText(/^Week of /)
    const thisWeek = (await title.textContent()) ?? ''
    await m.getByRole('button', { name: 'Previous period', exact: true }).click()
    await expect(title).not.toHaveText(thisWeek)
    const label = (await title.textContent()) ?? ''

    await m.getByRole('button', { name: 'Add row' }).focus()
    await m.keyboard.press('Enter')
    await expect(m.getByRole('combobox', { name: 'Work item' })).toBeFocused()
    await m.keyboard.type('TICKET-1001')
    await m.keyboard.press('Enter') // takes the match
    await m.keyboard.press('Enter') // adds the row
    await expect(m.getByRole('dialog')).toHaveCount(0)
    const cells = m.getByRole('grid').getByRole('row', { name: /TICKET-1001/ }).getByRole('gridcell')
    await expect(cells.nth(0)).toBeFocused()
    for (const value of ['8', '7:30']) {
      await m.keyboard.type(value)
      await m.keyboard.press('Tab')
    }
    await m.keyboard.type('6')
    await m.keyboard.press('Enter')
    await expect(m.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
    await expect(cells.nth(2)).toHaveText('6:00')

    await submitForApproval(m, label)
    await syncNow(m)
    await expect(m.getByRole('note', { name: 'Read-only period' })).not.toContainText('Queued')

    // The approver: the period is in the queue; open it and reject it with a reason.
    await a.getByRole('link', { name: 'Approvals' }).click()
    const queue = a.getByRole('table', { name: /Periods waiting for your approval/ })
    const tessRow = queue.getByRole('row', { name: /Tess Tech/ })
    await expect(tessRow).toContainText('Level 1')
    await expect(tessRow).toContainText('21:30')
    await expect(tessRow).not.toContainText('Resubmitted')
    await tessRow.getByRole('link', { name: /^Review Tess Tech’s period/ }).click()
    await expect(a.getByRole('heading', { level: 1 })).toContainText('Tess Tech')
    const review = a.getByRole('table', { name: /^Time booked by Tess Tech/ })
    await expect(review.getByRole('row', { name: /TICKET-1001/ })).toContainText('21:30')
    await a.getByRole('button', { name: 'Reject…' }).click()
    const reject = a.getByRole('dialog', { name: /^Reject Tess Tech’s period/ })
    await expect(reject.getByLabel('Reason')).toBeFocused()
    await reject.getByRole('button', { name: 'Reject period' }).click()
    await expect(reject.getByRole('alert')).toContainText('Give a reason')
    await reject.getByLabel('Reason').fill(REASON)
    await reject.getByRole('button', { name: 'Reject period' }).click()
    await expect(a.getByRole('dialog')).toHaveCount(0)
    await expect(a.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible()
    await expect(a.getByRole('status').filter({ hasText: 'Rejected the period.' })).toContainText('it went back to Tess Tech with your reason')
    await expect(a.getByText('Nothing waits for your approval.')).toBeVisible()

    // The member: the rejection and its reason on the period; fix Wednesday, submit again.
    await syncNow(m)
    const rejected = m.getByRole('note', { name: 'Rejected period' })
    await expect(rejected).toContainText('Rejected by Abe Approver')
    await expect(rejected).toContainText(REASON)
    // Submissions says it too; its link leads back to that very week.
    await m.getByRole('link', { name: 'Submissions' }).click()
    const period = m.getByRole('row', { name: new RegExp(`^${label}`) })
    await expect(period).toContainText('Rejected')
    await expect(period).toContainText(REASON)
    await expect(period).toContainText('Rejected 21:30')
    await inBothThemes(m, 'submissions-rejected')
    await period.getByRole('link', { name: `Open ${label} in the timesheet` }).click()
    await expect(m.getByRole('heading', { level: 2 }).first()).toHaveText(label)
    await expect(rejected).toBeVisible()
    await cells.nth(2).focus()
    await m.keyboard.type('8')
    await m.keyboard.press('Enter')
    await expect(cells.nth(2)).toHaveText('8:00')
    await expect(m.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible()
    await submitForApproval(m, label)
    await syncNow(m)

    // The approver: resubmitted, with the changed cell marked; approve level 1, then level 2.
    await syncNow(a)
    await expect(tessRow).toContainText('Resubmitted')
    await expect(tessRow).toContainText('23:30')
    await expect(queue.getByRole('row')).toHaveCount(2)
    await inBothThemes(a, 'approvals-queue')

    await tessRow.getByRole('link', { name: /^Review Tess Tech’s period/ }).click()
    await expect(review).toBeVisible()
    const changed = review.locator('td.is-changed')
    await expect(changed).toHaveCount(1)
    await expect(changed).toHaveText('8:00, changed since the rejection')
    const changes = a.getByRole('region', { name: 'Changed since the rejection' })
    await expect(changes).toContainText(REASON)
    await expect(changes).toContainText('1 cell changed, marked in the table.')
    await expect(a.getByText('History (3)')).toBeVisible()
    await inBothThemes(a, 'approvals-detail')

    await a.getByRole('button', { name: 'Approve level 1' }).click()
    await expect(a.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible()
    await expect(a.getByRole('status').filter({ hasText: 'Approved the period.' })).toContainText('it now waits for a level 2 approver')
    // Level 2 is someone else's: the period leaves Abe's queue.
    await expect(a.getByText('Nothing waits for your approval.')).toBeVisible()

    // The member sees it move on to level 2 (still locked, no longer withdrawable).
    await syncNow(m)
    await expect(m.getByRole('note', { name: 'Read-only period' })).toContainText('Submitted — waiting for level 2 approval')
    await expect(m.getByRole('button', { name: 'Withdraw submission' })).toHaveCount(0)

    // The second approver: Tess's period waits at level 2; approve it.
    await l.getByRole('link', { name: 'Approvals' }).click()
    const lees = l.getByRole('table', { name: /Periods waiting for your approval/ }).getByRole('row', { name: /Tess Tech/ })
    await expect(lees).toContainText('Level 2')
    await lees.getByRole('checkbox').check()
    await l.getByRole('button', { name: 'Approve 1 period' }).click()
    await expect(l.getByRole('status').filter({ hasText: 'Approved the period.' })).not.toContainText('level 2')
    await expect(l.getByText('Nothing waits for your approval.')).toBeVisible()

    // The member: approved and locked; Submissions tells the whole story.
    await syncNow(m)
    const approved = m.getByRole('note', { name: 'Read-only period' })
    await expect(approved).toContainText('Approved and locked by Lee Lead')
    await expect(m.getByRole('grid')).toHaveAttribute('aria-readonly', 'true')
    await cells.nth(3).focus()
    await m.keyboard.type('1')
    await expect(m.getByRole('alert')).toContainText('Cells cannot be changed.')

    await m.getByRole('link', { name: 'Submissions' }).click()
    await expect(period).toContainText('Approved')
    await expect(period).toContainText('Approved 23:30')
    await period.getByRole('button', { name: /^History \(5\)/ }).click()
    const history = m.getByRole('table', { name: `Status changes of ${label}, oldest first` })
    await expect(history.getByRole('row')).toHaveCount(6)
    await expect(history).toContainText(REASON)
    await expect(history).toContainText('Approved at level 1')
    await inBothThemes(m, 'submissions')
  } finally {
    await Promise.all([closeDevice(member), closeDevice(approver), closeDevice(second)])
    await org?.stop()
  }
})
