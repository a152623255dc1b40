// Month views and contract usage end to end: time seeded through the host's own API,
// the numbers read back from each month view and from contract usage, the in-app alert
// when a contract passes 80 % and then 100 % of its included hours, axe on each view,
// and screenshots in light and dark.
import type { Page } from '@playwright/test'
import { callHost } from '../support/devices'
import { e2eNow } from '../support/e2e-clock'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const REMOTE_SUPPORT = '0190a000-57a1-7000-8000-00000000a001'

const pad = (n: number) => String(n).padStart(2, '0')
const now = new Date(e2eNow())
const MONTH = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`
const MONTH_NAME = now.toLocaleString('en-GB', { month: 'long', year: 'numeric' })
const day = (n: number) => `${MONTH}-${pad(n)}`
const lastMonth = new Date(now.getFullYear(), now.getMonth() - 1, 10)
const LAST_MONTH_DAY = `${lastMonth.getFullYear()}-${pad(lastMonth.getMonth() + 1)}-10`
const H = 3600

interface Seeded {
  printer: string
  mail: string
  training: string
  organisations: boolean
}

/** Two customers (one in an organisation, when the app knows organisations), a contract of 10 included hours and one of time and material, three tickets. */
async function seed(page: Page): Promise<Seeded> {
  let organisations = true
  let acme: { id: string }
  try {
    acme = await callHost(page, 'work.createCustomer', { name: 'Acme', organisation: 'Acme Group' })
  } catch {
    organisations = false // no organisation field yet: every customer is in "(no organisation)"
    acme = await callHost(page, 'work.createCustomer', { name: 'Acme' })
  }
  const birch = await callHost<{ id: string }>(page, 'work.createCustomer', { name: 'Birch & Co' })
  const support = await callHost<{ id: string }>(page, 'work.createContract', { customerId: acme.id, name: 'Support 2026', includedMinutes: 10 * 60 })
  const projects = await callHost<{ id: string }>(page, 'work.createContract', { customerId: birch.id, name: 'Projects', includedMinutes: null })
  const item = (reference: string, title: string, customerId: string, contractId: string, billable = true) =>
    callHost<{ id: string }>(page, 'work.createItem', { kind: 'ticket', reference, title, customerId, contractId, billable })
  const printer = await item('HD-101', 'Printer on 3rd floor offline', acme.id, support.id)
  const mail = await item('HD-202', 'Mail migration', birch.id, projects.id)
  const training = await item('HD-303', 'Onboarding training', acme.id, support.id, false)
  return { printer: printer.id, mail: mail.id, training: training.id, organisations }
}

async function book(page: Page, workItemId: string, on: string, seconds: number, billable = true) {
  await callHost(page, 'timesheet.setCells', { changes: [{ day: on, row: { workItemId, activityTypeId: REMOTE_SUPPORT, billable }, totalSeconds: seconds }] })
}

async function openReportsTab(page: Page, tab: 'Month' | 'Contracts') {
  await page.getByRole('link', { name: 'Reports' }).click()
  await page.getByRole('tab', { name: tab, exact: true }).click()
}

type View = 'Entries' | 'Per ticket' | 'Per customer' | 'Per organisation'
/** The table of one view: while the next view loads, the previous one stays on screen greyed out, so a locator that named no view could read the old table. */
const monthTable = (page: Page, view: View) => page.getByRole('region', { name: `${view}, ${MONTH_NAME}`, exact: true })
const rowWith = (page: Page, view: View, text: string) => monthTable(page, view).getByRole('row').filter({ hasText: text })

test('month views add up the seeded time per entry, ticket, customer and organisation; pass axe in light and dark', async ({ page, host }) => {
  // Four views with axe in two themes: over the default 30 s on a loaded machine, as reports.spec.ts allows too.
  test.setTimeout(90_000)
  await page.goto(host.url)
  const seeded = await seed(page)
  await book(page, seeded.printer, day(2), 3 * H)
  await book(page, seeded.printer, day(3), 2 * H + 30 * 60)
  await book(page, seeded.mail, day(3), 4 * H)
  await book(page, seeded.training, day(4), H + 15 * 60, false)
  await book(page, seeded.printer, LAST_MONTH_DAY, 6 * H) // the ticket's life began last month

  // Each month view answers half a second late, so the previous view is always on screen
  // (greyed out) when the next one is asked for: the locators must name the view they read.
  await page.route('**/api/call/reports.month', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    await route.continue()
  })
  await openReportsTab(page, 'Month')
  const tabs = page.getByRole('tablist', { name: 'Month views' })
  await expect(tabs.getByRole('tab', { name: 'Entries' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('heading', { name: `Your time in ${MONTH_NAME}` })).toBeVisible()

  // Entries: four of this month (last month's stays out), each with its ticket, customer and time.
  await expect(monthTable(page, 'Entries').locator('tbody tr:not(.mv-spacer)')).toHaveCount(4)
  const mailEntry = rowWith(page, 'Entries', 'HD-202')
  await expect(mailEntry).toContainText('Mail migration')
  await expect(mailEntry).toContainText('Birch & Co')
  await expect(mailEntry).toContainText('4:00')
  await expect(mailEntry).toContainText('Remote support')
  await expect(rowWith(page, 'Entries', 'HD-303')).toContainText('1:15')
  await expect(rowWith(page, 'Entries', 'Total of')).toContainText('10:45')
  await expect(rowWith(page, 'Entries', 'Total of')).toContainText('9:30')
  await expectNoAxeViolations(page)
  await screenshot(page, 'reports-month-entries-light')

  // Per ticket, from the keyboard: this month's time and the ticket's whole life.
  await tabs.getByRole('tab', { name: 'Entries' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(tabs.getByRole('tab', { name: 'Per ticket' })).toBeFocused()
  const printer = monthTable(page, 'Per ticket').getByRole('row', { name: /HD-101/ })
  await expect(printer).toContainText('5:30')
  await expect(printer).toContainText('11:30')
  await expect(rowWith(page, 'Per ticket', 'HD-303')).toContainText('1:15')
  await expect(rowWith(page, 'Per ticket', 'Total of')).toContainText('10:45')
  await expectNoAxeViolations(page)

  // Per customer: Acme's two tickets, Birch's one.
  await page.keyboard.press('ArrowRight')
  await expect(monthTable(page, 'Per customer').getByRole('row', { name: /^Acme/ })).toContainText('6:45')
  await expect(monthTable(page, 'Per customer').getByRole('row', { name: /^Birch & Co/ })).toContainText('4:00')
  await expectNoAxeViolations(page)

  // Per organisation.
  await page.keyboard.press('ArrowRight')
  if (seeded.organisations) {
    await expect(monthTable(page, 'Per organisation').getByRole('row', { name: /^Acme Group/ })).toContainText('6:45')
    await expect(monthTable(page, 'Per organisation').getByRole('row', { name: /^\(no organisation\)/ })).toContainText('4:00')
  } else {
    await expect(monthTable(page, 'Per organisation').getByRole('rowheader')).toHaveCount(1)
  }
  await expect(rowWith(page, 'Per organisation', 'Total of')).toContainText('10:45')
  await expectNoAxeViolations(page)

  // The month before holds only last month's six hours.
  await page.getByRole('button', { name: /^Previous month/ }).first().click()
  await tabs.getByRole('tab', { name: 'Per ticket' }).click()
  const lastMonthTickets = page.getByRole('region', { name: `Per ticket, ${lastMonth.toLocaleString('en-GB', { month: 'long', year: 'numeric' })}`, exact: true })
  await expect(lastMonthTickets.getByRole('row', { name: /HD-101/ })).toContainText('6:00')
  await page.getByRole('button', { name: /^Next month/ }).first().click()
  await tabs.getByRole('tab', { name: 'Entries' }).click()
  await expect(monthTable(page, 'Entries').locator('tbody tr:not(.mv-spacer)')).toHaveCount(4)

  await page.emulateMedia({ colorScheme: 'light' })
  await screenshot(page, 'reports-month-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'reports-month-dark')
  await page.emulateMedia({ colorScheme: 'light' })
})

test('contract usage shows included, booked and beyond; the app warns at 80 % and again when over', async ({ page, host }) => {
  await page.goto(host.url)
  const seeded = await seed(page)
  await book(page, seeded.printer, day(2), 7 * H) // 70 % of 10 h
  await book(page, seeded.mail, day(2), 3 * H)
  await book(page, seeded.training, day(3), 2 * H, false) // used, not billable: uses up nothing

  await openReportsTab(page, 'Contracts')
  const support = page.getByRole('row', { name: /Support 2026/ })
  await expect(support).toContainText('10:00')
  await expect(support).toContainText('9:00') // used: billable and not
  await expect(support).toContainText('7:00')
  await expect(support.getByRole('meter')).toHaveAttribute('aria-valuetext', '7 h of 10 h, 70 %')
  await expect(support).toContainText('70 % used')
  await expect(page.getByRole('row', { name: /Projects/ })).toContainText('No included hours')
  await expect(page.getByText(/need(s)? attention/)).toHaveCount(0)

  // One more hour: 80 %. The main process says so once, and the app shows it.
  await book(page, seeded.printer, day(3), H)
  const alerts = page.getByRole('region', { name: 'Contract usage alerts' })
  await expect(alerts.getByRole('listitem')).toHaveCount(1, { timeout: 10_000 })
  await expect(alerts).toContainText('Acme · Support 2026 has used 80 % of its 10 included hours this month.')
  await expect(support).toContainText('80 % used')
  await expect(page.getByText('1 contract needs attention')).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'contract-usage-warning-light')

  // Past the included hours: the warning gives way to "over", 1:30 beyond.
  await book(page, seeded.printer, day(4), 3 * H + 30 * 60)
  await expect(alerts).toContainText('is over its included hours this month: 1:30 beyond its 10 included hours.', { timeout: 10_000 })
  await expect(alerts.getByRole('listitem')).toHaveCount(1)
  await expect(support).toContainText('Over by 1:30')
  await expect(support.getByRole('meter')).toHaveAttribute('aria-valuetext', '11 h 30 min of 10 h, 115 %, over by 1 h 30 min')
  await expectNoAxeViolations(page)
  await screenshot(page, 'contract-usage-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'contract-usage-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  // The keyboard dismisses it, from any view.
  await page.getByRole('link', { name: 'Timers' }).click()
  await alerts.getByRole('button', { name: /Dismiss/ }).focus()
  await page.keyboard.press('Escape')
  await expect(alerts.getByRole('listitem')).toHaveCount(0)
})
