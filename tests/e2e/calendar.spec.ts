// The Calendar in the real renderer against the browser host, on the suite's clock
// (Wednesday 18 November 2026, 10:00 in New York). Timers are run on earlier clocks by
// restarting the host (STINT_TEST_CLOCK_OFFSET_MS), so the week holds a stopped timer's
// run beside a timer still going. Then: drag to create, move, resize, the same from the
// keyboard, a grid change shown at once, and a locked week read-only; axe and
// screenshots in light and dark.
import type { Locator, Page } from '@playwright/test'
import type { TimeEntry } from '../../src/shared/entries'
import type { WorkItem } from '../../src/shared/work'
import { callHost } from '../support/devices'
import { e2eNow } from '../support/e2e-clock'
import { startHost, type RunningHost } from '../support/web-host'
import { expect, inBothThemes, test } from './fixtures'

const TODAY = '2026-11-18'
const MINUTE = 60_000
/** An instant at a time of day today, in the zone the suite runs in (the runner's TZ). */
const todayAt = (hours: number, minutes = 0) => new Date(2026, 10, 18, hours, minutes).getTime()
const at = (instant: number) => ({ STINT_TEST_CLOCK_OFFSET_MS: String(instant - Date.now()) })

async function onClock(dataDir: string, page: Page, instant: number | null, steps: (host: RunningHost) => Promise<void>) {
  const host = await startHost(dataDir, [], instant === null ? {} : at(instant))
  try {
    await page.goto(host.url)
    await steps(host)
  } finally {
    if (instant !== null) await host.stop()
  }
  return host
}

/** The day's drag surface and the page y of a time of day on it (the body scrolled to show it). */
async function slotY(page: Page, day: string, hours: number, minutes = 0) {
  const column = page.locator(`.cal-day[data-day="${day}"] .cal-day__slots`)
  const box = await column.boundingBox()
  if (!box) throw new Error(`no column for ${day}`)
  return { x: box.x + box.width / 2, y: box.y + hours * 60 + minutes }
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, (from.y + to.y) / 2, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 4 })
  await page.mouse.up()
}

const block = (page: Page, name: RegExp | string) => page.getByRole('button', { name })

async function scrollCalendarTo(page: Page, minutes: number) {
  // A string: the tests are typed without the DOM library.
  await page.evaluate(`document.querySelector('.cal__body').scrollTop = ${minutes}`)
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox()
  if (!box) throw new Error('not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box }
}

test('a week of timer runs in the calendar: side by side, dragged, typed, and in step with the grid', async ({ page, dataDir }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1400, height: 1000 })
  let printer = ''
  let vpn = ''
  // 08:30: Timer 1 starts on the printer ticket; 09:00: Timer 2 on the VPN ticket; 09:45: Timer 1 stops.
  await onClock(dataDir, page, todayAt(8, 30), async () => {
    printer = (await callHost<WorkItem>(page, 'work.createItem', { kind: 'ticket', reference: 'TICKET-1234', title: 'Printer jam' })).id
    vpn = (await callHost<WorkItem>(page, 'work.createItem', { kind: 'ticket', reference: 'TICKET-77', title: 'VPN down' })).id
    await callHost(page, 'timers.update', { slot: 1, workItemId: printer })
    await callHost(page, 'timers.update', { slot: 2, workItemId: vpn })
    await callHost(page, 'timers.start', { slot: 1 })
  })
  await onClock(dataDir, page, todayAt(9), () => callHost(page, 'timers.start', { slot: 2 }))
  await onClock(dataDir, page, todayAt(9, 45), () => callHost(page, 'timers.stop', { slot: 1 }))
  const host = await onClock(dataDir, page, null, async () => {
    // Typed in the grid on Monday: a duration without times.
    await callHost(page, 'timesheet.setCells', { changes: [{ day: '2026-11-16', row: { workItemId: vpn, activityTypeId: null, billable: true }, totalSeconds: 90 * 60 }] })
  })
  try {
    await page.getByRole('link', { name: 'Calendar' }).click()
    await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Mon 16 – Sun 22 Nov 2026' })).toBeVisible()

    const stopped = block(page, 'TICKET-1234, Printer jam, 8:30 to 9:45, 1 hour 15 minutes, Timer 1, overlaps 09:00–09:45 with Timer 2')
    const running = block(page, /^TICKET-77, VPN down, 9:00 to now, 1 hour( \d+ minutes?)?, Timer 2, running/)
    await expect(stopped).toBeVisible()
    await expect(running).toBeVisible()
    // Concurrent runs side by side, never drawn over each other.
    const a = (await centre(stopped)).box
    const b = (await centre(running)).box
    expect(a.x + a.width).toBeLessThanOrEqual(b.x + 1)
    await expect(page.getByRole('button', { name: 'TICKET-77, VPN down, 1 h 30 min without start and end times' })).toBeVisible()

    // Drag over free time this afternoon: a new entry from 13:00 to 14:00.
    await scrollCalendarTo(page, 8 * 60)
    await drag(page, await slotY(page, TODAY, 13, 5), await slotY(page, TODAY, 13, 58))
    const dialog = page.getByRole('dialog', { name: 'New entry' })
    await expect(dialog).toContainText('Wed 18 Nov, 13:00 to 14:00 (1 h 0 min)')
    await dialog.getByRole('combobox', { name: 'Work item' }).fill('TICKET-77')
    await page.keyboard.press('Enter') // the picker takes the match; the form stays open
    await dialog.getByLabel('Note').fill('Remote session')
    await inBothThemes(page, 'calendar-new-entry', dialog)
    await dialog.getByRole('button', { name: 'Add entry' }).click()
    await expect(dialog).toBeHidden()
    await expect(block(page, 'TICKET-77, VPN down, 13:00 to 14:00, 1 hour')).toBeVisible()

    // Move the stopped run an hour later, then make it half an hour longer.
    await drag(page, await centre(stopped), { x: (await centre(stopped)).x, y: (await centre(stopped)).y + 60 })
    const moved = block(page, /^TICKET-1234, Printer jam, 9:30 to 10:45, 1 hour 15 minutes, Timer 1/)
    await expect(moved).toBeVisible()
    const edge = (await moved.boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 }
    await drag(page, { x: edge.x + edge.width / 2, y: edge.y + edge.height - 2 }, { x: edge.x + edge.width / 2, y: edge.y + edge.height + 30 })
    const resized = block(page, /^TICKET-1234, Printer jam, 9:30 to 11:15, 1 hour 45 minutes, Timer 1/)
    await expect(resized).toBeVisible()
    const entries = await callHost<TimeEntry[]>(page, 'entries.list', { from: TODAY, to: TODAY })
    expect(entries.find((e) => e.workItemId === printer && e.source === 'timer')?.ranges).toEqual([{ startedAt: todayAt(9, 30), endedAt: todayAt(11, 15) }])

    // From the keyboard: Alt+Down moves it 15 minutes, Right goes to Thursday, N adds an entry there.
    await resized.focus()
    await page.keyboard.press('Alt+ArrowDown')
    await expect(block(page, /^TICKET-1234, Printer jam, 9:45 to 11:30/)).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await expect(page.locator(':focus')).toHaveAccessibleName('Free time, Thu 19 Nov, 9:45 to 10:00')
    await page.keyboard.press('n')
    await expect(dialog).toContainText('Thu 19 Nov, 9:45 to 10:00 (15 min)')
    await dialog.getByRole('combobox', { name: 'Work item' }).fill('TICKET-1234')
    await page.keyboard.press('Enter') // the picker takes the match; the form stays open
    await dialog.getByRole('button', { name: 'Add entry' }).press('Enter')
    await expect(block(page, 'TICKET-1234, Printer jam, 9:45 to 10:00, 15 minutes')).toBeVisible()

    // A change in the grid is in the open calendar at once.
    await callHost(page, 'timesheet.setCells', { changes: [{ day: '2026-11-20', row: { workItemId: printer, activityTypeId: null, billable: true }, totalSeconds: 45 * 60 }] })
    await expect(page.getByRole('button', { name: 'TICKET-1234, Printer jam, 45 min without start and end times' })).toBeVisible()

    // The week as it is now, then the day view of today, in both themes.
    await scrollCalendarTo(page, 8 * 60)
    await inBothThemes(page, 'calendar-week')
    await page.getByRole('button', { name: 'Day', exact: true }).click()
    await expect(page.getByRole('heading', { name: 'Wednesday 18 November 2026' })).toBeVisible()
    await scrollCalendarTo(page, 8 * 60)
    await inBothThemes(page, 'calendar-day')

    // And the calendar's entries are in the grid.
    await page.getByRole('link', { name: 'Timesheet' }).click()
    await expect(page.getByRole('rowheader', { name: /TICKET-77.*Remote/ })).toBeVisible()
  } finally {
    await host.stop()
  }
  expect(e2eNow()).toBeGreaterThan(todayAt(10) - MINUTE)
})

test('a submitted week is read-only in the calendar: shown locked, nothing dragged or added', async ({ page, host }) => {
  await page.goto(host.url)
  const item = await callHost<WorkItem>(page, 'work.createItem', { kind: 'ticket', reference: 'TICKET-5', title: 'Server patching' })
  await callHost(page, 'entries.create', { row: { workItemId: item.id, activityTypeId: null, billable: true }, description: '', startedAt: new Date(2026, 10, 10, 9).getTime(), endedAt: new Date(2026, 10, 10, 11).getTime() })
  await callHost(page, 'timesheet.submit', { day: '2026-11-10' })
  await page.goto(`${host.url}#calendar/2026-11-10`)
  await expect(page.getByRole('heading', { name: 'Mon 9 – Sun 15 Nov 2026' })).toBeVisible()
  await expect(page.locator('.cal-head__lock')).toHaveCount(7)
  await expect(page.getByRole('note', { name: 'Read-only days' })).toContainText('approved and locked')
  const locked = block(page, 'TICKET-5, Server patching, 9:00 to 11:00, 2 hours, read-only')
  await expect(locked).toBeVisible()
  await scrollCalendarTo(page, 8 * 60)
  await drag(page, await slotY(page, '2026-11-11', 13), await slotY(page, '2026-11-11', 14))
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('alert')).toContainText('Nothing can be added there.')
  // Moving it is not offered: a drag leaves it where it was.
  const { x, y } = await centre(locked)
  await drag(page, { x, y }, { x, y: y + 60 })
  await page.keyboard.press('Escape')
  await expect(locked).toBeVisible()
  await inBothThemes(page, 'calendar-locked')
})
