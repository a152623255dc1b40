// Times, not only durations, as a technician uses them: "I started this ten minutes ago"
// on a running timer, time added with a start and an end in a cell's details (and its
// overlap with a timer run said in words, never merged away), and Continue, which starts
// a timer on the same work item from the cell's details and from the recent list.
import { expect, inBothThemes, test } from './fixtures'
import { createWorkItem } from './steps'

// Several steps with axe in two themes: more than the default 30 s on a busy machine.
test.setTimeout(120_000)

/** "09:55" plus `minutes` on the clock of the same day. */
function clockPlus(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number)
  const total = h * 60 + m + minutes
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

test('a timer started ten minutes ago, time added with a start and an end, and Continue', async ({ page, host }) => {
  await page.goto(host.url)
  await createWorkItem(page, 'HD-4711', 'VPN drops every hour')

  // "I started this ten minutes ago": the start moves back at once, and the clock shows it.
  await page.getByRole('link', { name: 'Timers' }).click()
  await page.getByRole('button', { name: 'Start Timer 1' }).click()
  await page.getByRole('button', { name: 'Edit Timer 1' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit Timer 1' })
  await editor.getByRole('button', { name: 'Start 10 minutes earlier' }).click()
  const moved = editor.getByText(/^Timer 1 now started at \d\d:\d\d\.$/)
  await expect(moved).toBeVisible()
  // The suite's clock runs on from 10:00, so where the run starts depends on how long the
  // tests before this one took: every time below is read from the run's own start.
  const started = /(\d\d:\d\d)\.$/.exec((await moved.textContent()) ?? '')?.[1] ?? ''
  // Something that is no time of day is refused with what to type, and nothing changes;
  // Enter in the field sets the start rather than closing the editor.
  await editor.getByLabel('Start time of Timer 1').fill('half past nine')
  await editor.getByLabel('Start time of Timer 1').press('Enter')
  await expect(editor.getByRole('alert')).toHaveText('Type the start as a time of day, like 9:05. Nothing was changed.')
  // The work item, then Save: the slot takes the ticket's name.
  await editor.getByRole('combobox', { name: 'Work item' }).fill('HD-4711')
  await page.keyboard.press('Enter')
  await editor.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const slot = (n: number) => page.locator(`article[data-slot="${n}"]`)
  await expect(slot(1).getByRole('timer')).toHaveText(/^0:1\d:\d\d$/)

  await slot(1).getByRole('button', { name: /^Stop / }).click()
  await expect(slot(1).getByRole('button', { name: /^Start / })).toBeVisible()

  // In the grid: the cell's details add time from a quarter of an hour before the run to
  // five minutes into it, which shares those five minutes with the timer's run.
  const from = clockPlus(started, -15)
  const to = clockPlus(started, 5)
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const row = page.getByRole('grid').getByRole('row', { name: /HD-4711/ })
  const today = row.locator('.ts-day.is-today')
  await today.focus()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: /details/ })
  await details.getByLabel('Start of the new entry').fill(from)
  await details.getByLabel('End of the new entry').fill(to)
  await details.getByLabel('Description of the new entry').fill('Called the ISP')
  await details.getByRole('button', { name: 'Add time' }).click()
  const manual = details.getByRole('listitem', { name: `Manual entry from ${from}` })
  await expect(manual.getByLabel(`Start of run 1 of the manual entry from ${from}`)).toHaveValue(from)
  await expect(manual.getByLabel(`End of run 1 of the manual entry from ${from}`)).toHaveValue(to)
  // Overlaps are said on both entries, not silently merged: the timer (now named for its ticket) and the manual entry.
  const timed = details.getByRole('listitem', { name: /^Timer entry from / })
  await expect(manual.getByText(`overlaps ${started}–${to} with HD-4711`, { exact: true })).toBeVisible()
  await expect(timed.getByText(`overlaps ${started}–${to} with a manual entry`, { exact: true })).toBeVisible()
  await inBothThemes(page, 'cell-details-times', details)

  // Continue from the cell's details: a timer starts on the same work item in the first free slot.
  await details.getByRole('button', { name: /^Continue the timer entry/ }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('link', { name: 'Timers' }).click()
  await expect(slot(1).getByRole('button', { name: /^Pause / })).toBeVisible()
  await expect(slot(1)).toContainText('HD-4711')

  // And from the recent list, into the next free slot.
  await page.getByRole('button', { name: /^Continue HD-4711/ }).first().click()
  await expect(slot(2).getByRole('button', { name: /^Pause / })).toBeVisible()
  await expect(slot(2)).toContainText('HD-4711')
})
