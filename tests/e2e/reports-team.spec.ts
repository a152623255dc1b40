// Team reports end to end: two members book time on their own devices and sync it to a
// team server (a real server process set up with its admin CLI); their approver opens
// Reports, switches to Team, groups by person and by team, filters to one person, and
// exports the team's entries as CSV, which the server streams. A member has no Team
// switch. Axe and screenshots in light and dark.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { callHost, closeDevice, openDevice, type Device } from '../support/devices'
import { startTeamOrg, type TeamOrg } from '../support/team-org'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const TESS = { name: 'Tess Tech', email: 'tess@example.com', role: 'member' } as const
const MO = { name: 'Mo Field', email: 'mo@example.com', role: 'member' } as const
const ABE = { name: 'Abe Approver', email: 'abe@example.com', role: 'approver' } as const
const H = 3600

/** Syncs until nothing waits: the pushed time is on the server. */
async function syncAll(page: Page): Promise<void> {
  await expect(async () => {
    const status = await callHost<{ state: string; pending: number }>(page, 'sync.now', {})
    expect(status).toMatchObject({ pending: 0 })
  }).toPass({ timeout: 15_000 })
}

/** A ticket for one of the organisation's customers on this device, and hours on days of March 2025, synced to the server. */
async function book(page: Page, url: string, token: string, customer: string, ticket: string, days: Record<string, number>): Promise<void> {
  await callHost(page, 'sync.connect', { url, token })
  // Customers in an organisation are the admin's to make; the device pulls them.
  await syncAll(page)
  const owner = (await callHost<{ id: string; name: string }[]>(page, 'work.listCustomers', {})).find((c) => c.name === customer)
  if (!owner) throw new Error(`${customer} did not come down from the team server`)
  const item = await callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference: ticket, title: `${ticket} printer`, customerId: owner.id, billable: true })
  await callHost(page, 'timesheet.setCells', {
    changes: Object.entries(days).map(([day, hours]) => ({ day, row: { workItemId: item.id, activityTypeId: null, billable: true }, totalSeconds: hours * H })),
  })
  await syncAll(page)
}

const card = (page: Page, label: string) => page.locator('.rp-card').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })

test('an approver reports on the team: by person and by team, one person, and a CSV of the team’s entries', async ({ browser }) => {
  test.setTimeout(120_000)
  let org: TeamOrg | undefined
  const devices: Device[] = []
  try {
    org = await startTeamOrg({
      people: [TESS, MO, ABE],
      team: { name: 'Field', pattern: 'one', members: [TESS.email, MO.email], level1: [ABE.email] },
      customers: [
        { name: 'Acme', organisation: 'Harbour Group' },
        { name: 'Birch', organisation: 'Harbour Group' },
      ],
    })
    const [tess, mo, abe] = await Promise.all([openDevice(browser, 'tess'), openDevice(browser, 'mo'), openDevice(browser, 'abe')])
    devices.push(tess, mo, abe)
    const { url } = org.server
    // Tess: 8 + 6 hours for Acme; Mo: 5 hours for Birch. 19 hours in all.
    await book(tess.page, url, org.tokens[TESS.email] ?? '', 'Acme', 'HD-1', { '2025-03-03': 8, '2025-03-04': 6 })
    await book(mo.page, url, org.tokens[MO.email] ?? '', 'Birch', 'HD-2', { '2025-03-04': 5 })

    // A member sees only their own time: no Team switch.
    const m = tess.page
    await m.goto(`${tess.host.url.split('?')[0] ?? ''}#reports/range=custom&from=2025-03-01&to=2025-03-31`)
    await expect(m.getByRole('table', { name: 'Time by customer, 1–31 Mar 2025' })).toBeVisible()
    await expect(card(m, 'Total')).toContainText('14:00')
    await expect(m.getByRole('group', { name: 'Whose time' })).toHaveCount(0)

    // The approver: Team, grouped by person.
    const a = abe.page
    await callHost(a, 'sync.connect', { url, token: org.tokens[ABE.email] ?? '' })
    await a.reload()
    await a.getByRole('link', { name: 'Reports' }).click()
    await a.getByRole('radio', { name: 'Custom' }).check()
    await a.getByLabel('From', { exact: true }).fill('2025-03-01')
    await a.getByLabel('To', { exact: true }).fill('2025-03-31')
    await a.getByRole('group', { name: 'Whose time' }).getByRole('button', { name: 'Team' }).click()
    await expect(a.getByText('Your team’s time, as the team server has it.')).toBeVisible()
    await a.getByLabel('First grouping').selectOption('user')
    const byPerson = a.getByRole('table', { name: 'Time by person, 1–31 Mar 2025' })
    // Each person against 21 weekdays of 8 hours.
    await expect(byPerson.getByRole('row', { name: /^Tess Tech 14:00 14:00 0:00 2 168:00$/ })).toBeVisible()
    await expect(byPerson.getByRole('row', { name: /^Mo Field 5:00 5:00 0:00 1 168:00$/ })).toBeVisible()
    await expect(card(a, 'Total')).toContainText('19:00')
    // The approver's own (empty) time is in scope too: three people, 3 × 168 hours expected.
    await expect(card(a, 'People')).toHaveText(/3$/)
    await expect(card(a, 'Of expected')).toContainText('of 504:00 expected')
    await expect(a.getByText('1 more person whose time you may see booked nothing here; the total’s expected hours count them too.')).toBeVisible()
    for (const scheme of ['light', 'dark'] as const) {
      await a.emulateMedia({ colorScheme: scheme })
      await expectNoAxeViolations(a)
      await screenshot(a, `reports-team-${scheme}`)
    }
    await a.emulateMedia({ colorScheme: 'light' })

    // By team, then by organisation: everyone's time is the Field team's, all of it Harbour Group's.
    await a.getByLabel('First grouping').selectOption('team')
    await expect(a.getByRole('table', { name: 'Time by team, 1–31 Mar 2025' }).getByRole('row', { name: /^Field 19:00/ })).toBeVisible()
    await a.getByLabel('First grouping').selectOption('organisation')
    await expect(a.getByRole('table', { name: 'Time by organisation, 1–31 Mar 2025' }).getByRole('row', { name: /^Harbour Group 19:00/ })).toBeVisible()

    // One person: the People filter narrows every figure to Mo.
    await a.getByRole('button', { name: /^People: all/ }).click()
    await a.getByRole('checkbox', { name: 'Mo Field' }).check()
    await a.keyboard.press('Escape')
    await expect(card(a, 'Total')).toContainText('5:00')

    // The team's entries as CSV, streamed by the server: Mo's one entry, with his name.
    const downloading = a.waitForEvent('download')
    await a.getByRole('button', { name: 'Export entries (CSV)' }).click()
    const download = await downloading
    const csv = readFileSync(await download.path(), 'utf8')
    const [header, ...rows] = csv.trim().split(/\r?\n/)
    expect(header?.split(',').slice(0, 5)).toEqual(['date', 'person', 'work_item_reference', 'work_item_title', 'customer'])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatch(/^2025-03-04,Mo Field,HD-2,HD-2 printer,Birch,/)
    expect(download.suggestedFilename()).toMatch(/^stint-team-entries-2025-03-01-to-2025-03-31\.csv$/)
  } finally {
    await Promise.all(devices.map((device) => closeDevice(device)))
    await org?.stop()
  }
})
