// Timer time across a submitted period, in the real renderer against the browser host:
// last week is submitted standalone (approved and locked), three timers that ran from
// last Sunday night into this Monday are stopped, and the question about the locked
// part is answered each way. Last week's total never changes by a stop, nothing is
// lost, and kept-aside time books into its day once the week is reopened. Then a
// cell's details edit an entry. The host's clock is moved with STINT_TEST_CLOCK_OFFSET_MS.
import type { Page } from '@playwright/test'
import { shortDayLabel } from '../../src/shared/day-words'
import type { TimeEntry } from '../../src/shared/entries'
import type { Timesheet } from '../../src/shared/timesheet'
import type { HeldTime } from '../../src/shared/timers'
import type { WorkItem } from '../../src/shared/work'
import { callHost } from '../support/devices'
import { e2eNow } from '../support/e2e-clock'
import { startHost, type RunningHost } from '../support/web-host'
import { expect, inBothThemes, test } from './fixtures'

/** Local midnight that starts this week (Monday) on the suite's clock, in the zone the host runs in too. */
function mondayThisWeek(now = new Date(e2eNow())): Date {
  const back = (now.getDay() + 6) % 7
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)
}
const dayText = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
const at = (instant: number) => ({ STINT_TEST_CLOCK_OFFSET_MS: String(instant - Date.now()) })
const weekTotal = async (page: Page, day: string) => (await callHost<Timesheet>(page, 'timesheet.load', { day })).rows.reduce((sum, r) => sum + r.totalSeconds, 0)

test('timer time that falls into a submitted week is asked about, never booked there, never lost', async ({ page, dataDir }) => {
  test.setTimeout(120_000)
  const monday = mondayThisWeek()
  const lastMonday = dayText(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 7))
  const lastSaturday = dayText(new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 2))
  const sunday22 = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() - 1, 22, 0).getTime()
  const monday0130 = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate(), 1, 30).getTime()

  // Sunday night last week: typed time on Saturday, and three timers on a ticket.
  let host: RunningHost = await startHost(dataDir, [], at(sunday22))
  try {
    await page.goto(host.url)
    const item = await callHost<WorkItem>(page, 'work.createItem', { kind: 'ticket', reference: 'TICKET-900', title: 'Night call-out' })
    await callHost(page, 'timesheet.setCells', { changes: [{ day: lastSaturday, row: { workItemId: item.id, activityTypeId: null, billable: true }, totalSeconds: 2 * 3600 }] })
    for (const slot of [1, 2, 3]) await callHost(page, 'timers.update', { slot, workItemId: item.id })
    await expect(page.getByRole('button', { name: 'Start TICKET-900', exact: true })).toHaveCount(3)
    for (const slot of [1, 2, 3]) await page.locator(`article[data-slot="${slot}"]`).getByRole('button', { name: /^Start / }).click()
    await expect(page.getByText('3 running')).toBeVisible()
  } finally {
    await host.stop() // a clean stop: the timers count on across it
  }

  // Monday 01:30 this week: submit last week, then stop the timers.
  host = await startHost(dataDir, [], at(monday0130))
  try {
    await page.goto(host.url)
    await expect(page.getByText('3 running')).toBeVisible()
    await page.getByRole('link', { name: 'Timesheet' }).click()
    await page.getByRole('button', { name: 'Previous period', exact: true }).click()
    await page.getByRole('button', { name: 'Submit period…' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Submit and lock' }).click()
    const banner = page.getByRole('note', { name: 'Read-only period' })
    await expect(banner).toContainText('reopen it yourself from the Timesheet, with a reason')
    const lockedTotal = await weekTotal(page, lastMonday)
    expect(lockedTotal).toBe(2 * 3600)
    // Its cells' details are read-only and say why.
    await page.getByRole('grid').getByRole('row', { name: /TICKET-900/ }).getByRole('gridcell').nth(5).focus()
    await page.keyboard.press('Alt+Enter')
    const lockedDetails = page.getByRole('dialog', { name: /· details$/ })
    await expect(lockedDetails.locator('.note')).toContainText('reopen it yourself from the Timesheet')
    await expect(lockedDetails.getByLabel('Duration of the typed entry')).toHaveAttribute('readonly', '')
    // Nothing in it changes; Continue starts a new timer today, outside the locked week.
    await expect(lockedDetails.getByRole('button')).toHaveText(['Continue', 'Close'])
    await inBothThemes(page, 'cell-details-locked', lockedDetails)
    await lockedDetails.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('link', { name: 'Timers' }).click()
    // Timer 1: book the Sunday part today.
    await page.getByRole('button', { name: 'Stop TICKET-900' }).first().click()
    let question = page.getByRole('dialog', { name: 'Time in a locked period: TICKET-900' })
    await expect(question).toContainText('2:00 of TICKET-900 (22:00–00:00) fell on')
    await expect(question.getByRole('button', { name: 'Keep it aside' })).toBeFocused()
    await inBothThemes(page, 'locked-time-question', question)
    await question.getByRole('button', { name: 'Book it today' }).click()
    await expect(page.getByRole('dialog')).toHaveCount(0)

    // Timer 2: keep it aside.
    await page.getByRole('button', { name: 'Stop TICKET-900' }).first().click()
    question = page.getByRole('dialog', { name: 'Time in a locked period: TICKET-900' })
    await question.getByRole('button', { name: 'Keep it aside' }).click()
    const aside = page.getByRole('region', { name: 'Kept aside for locked periods' })
    await expect(aside.getByRole('row')).toHaveCount(2)
    await expect(aside).toContainText('Still locked')
    await inBothThemes(page, 'kept-aside', aside)

    // Timer 3: discard it, from the keyboard.
    await page.getByRole('button', { name: 'Stop TICKET-900' }).first().click()
    question = page.getByRole('dialog', { name: 'Time in a locked period: TICKET-900' })
    await expect(question.getByRole('button', { name: 'Keep it aside' })).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await expect(question.getByRole('button', { name: 'Discard it' })).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('dialog')).toHaveCount(0)

    // The approved week is as it was; this Monday has the three Monday parts and the Sunday part booked today.
    expect(await weekTotal(page, lastMonday)).toBe(lockedTotal)
    const onMonday = await callHost<TimeEntry[]>(page, 'entries.list', { from: dayText(monday), to: dayText(monday) })
    expect(onMonday.filter((e) => e.ranges.length > 0).map((e) => Math.floor(e.rawSeconds / 60))).toEqual([90, 90, 90])
    // The timers started a few seconds after 22:00 (the time it took to click them).
    expect(onMonday.filter((e) => e.ranges.length === 0).map((e) => Math.round(e.rawSeconds / 60))).toEqual([120])

    // Nothing lost: kept aside across a restart, and booked into Sunday once the week is reopened.
    await host.stop()
    host = await startHost(dataDir, [], at(monday0130 + 10 * 60_000))
    await page.goto(host.url)
    const [kept] = await callHost<HeldTime[]>(page, 'prompts.keptAside', {})
    expect(Math.round((kept?.seconds ?? 0) / 60)).toBe(120)
    await page.getByRole('link', { name: 'Timesheet' }).click()
    await page.getByRole('button', { name: 'Previous period', exact: true }).click()
    await page.getByRole('note', { name: 'Read-only period' }).getByRole('button', { name: 'Reopen…' }).click()
    await page.getByRole('dialog').getByLabel('Reason').fill('Sunday night call-out belongs here')
    await page.getByRole('dialog').getByRole('button', { name: 'Reopen period' }).click()
    await expect(page.locator('.ts-status')).toHaveText('Open')
    await page.getByRole('link', { name: 'Timers' }).click()
    const reopened = page.getByRole('region', { name: 'Kept aside for locked periods' })
    await expect(reopened).toContainText('Open again')
    await reopened.getByRole('button', { name: /^Book \d h \d+ min of TICKET-900 into / }).click()
    await expect(page.getByRole('region', { name: 'Kept aside for locked periods' })).toHaveCount(0)
    expect(await weekTotal(page, lastMonday)).toBe(lockedTotal + (kept?.seconds ?? 0))
  } finally {
    await host.stop()
  }
})

test('a cell’s details change a timer entry’s runs and duration, refuse a day over 24 hours, and delete', async ({ page, host }) => {
  await page.goto(host.url)
  await callHost(page, 'settings.update', { timers: { rounding: { mode: 'up', minutes: 15 } } })
  const item = await callHost<WorkItem>(page, 'work.createItem', { kind: 'ticket', reference: 'TICKET-1001', title: 'Printer on 2nd floor' })
  await callHost(page, 'timers.update', { slot: 1, workItemId: item.id })
  const remote = (await callHost<{ id: string; isDefault: boolean }[]>(page, 'work.listActivityTypes', {})).find((t) => t.isDefault)?.id ?? null
  await page.getByRole('button', { name: 'Start TICKET-1001' }).click()
  await expect(page.locator('article[data-slot="1"]').getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Stop TICKET-1001' }).click()
  await page.getByRole('dialog', { name: 'Keep this short entry?' }).getByRole('button', { name: /^Keep \d+ s$/ }).click()
  await expect(page.getByRole('button', { name: 'Start TICKET-1001' })).toBeVisible()

  // Typed time in the same cell, so one more long entry would make the day longer than 24 hours.
  const todayDay = dayText(new Date(e2eNow()))
  await callHost(page, 'timesheet.setCells', { changes: [{ day: todayDay, row: { workItemId: item.id, activityTypeId: remote, billable: true }, totalSeconds: 2 * 3600 + 5 }] })
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const today = page.getByRole('grid').getByRole('row', { name: /TICKET-1001/ }).getByRole('gridcell').filter({ hasText: /\d/ })
  await today.first().focus()
  await page.keyboard.press('Alt+Enter')
  const dialog = page.getByRole('dialog', { name: /· details$/ })
  const entry = dialog.getByRole('listitem', { name: /^Timer entry from \d\d:\d\d$/ })
  await expect(entry).toContainText(/Raw 0:00:\d\d · rounded 0:15:00/)
  const from = ((await entry.getAttribute('aria-label')) ?? '').slice(-5)

  // The run ends later: its duration follows, rounded again from the raw time.
  const end = entry.getByLabel(/^End of run 1 of the timer entry from/)
  const endAt = Number(from.slice(0, 2)) < 23 ? `${String(Number(from.slice(0, 2)) + 1).padStart(2, '0')}${from.slice(2)}` : '24:00'
  await end.fill(endAt)
  await end.press('Enter')
  await expect(dialog.getByRole('status')).toHaveText('Runs saved')
  const changed = dialog.getByRole('listitem', { name: `Timer entry from ${from}` })
  // The start kept its seconds, so the run is a little under the hour; rounded up to the quarter.
  await expect(changed).toContainText(endAt === '24:00' ? /Raw 0:\d\d:\d\d · rounded (0|1):\d\d:00/ : /Raw (0:59:\d\d|1:00:00) · rounded 1:00:00/)
  await inBothThemes(page, 'cell-details', dialog)

  // A duration that would make the day longer than 24 hours is refused; what was typed stays.
  const duration = changed.getByLabel(`Duration of the timer entry from ${from}`)
  await duration.fill('23:00')
  await duration.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText(new RegExp(`^A day has at most 24 hours: ${shortDayLabel(todayDay)} would have 2[45]:\\d\\d\\. Nothing was changed\\.$`))
  await expect(duration).toHaveValue('23:00')
  await duration.fill('1:20')
  await duration.press('Enter')
  await expect(dialog.getByRole('status')).toHaveText('Duration saved')
  await expect(dialog.getByRole('listitem', { name: `Timer entry from ${from}` })).toContainText('Raw 1:20:00 · rounded 1:30:00')

  // Deleting asks once more, with the safe answer focused.
  await dialog.getByRole('button', { name: `Delete the timer entry from ${from}` }).click()
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused()
  await dialog.getByRole('button', { name: 'Delete it' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Entry deleted')
  await expect(dialog.getByRole('listitem', { name: /^Timer entry/ })).toHaveCount(0)
  await expect(dialog.getByRole('listitem', { name: 'Typed entry' })).toContainText(/Raw 1:45:\d\d/)
})
