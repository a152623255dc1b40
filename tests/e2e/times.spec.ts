// Times, not only durations, as a technician uses them: "I started this ten minutes ago"
// on a running timer, time added with a start and an end in a cell's details (and its
// overlap with a timer run said in words, never merged away), and Continue, which starts
// a timer on the same work item from the cell's details and from the recent list.
import { expect, inBothThemes, test } from './fixtures'
import { createWorkItem } from './steps'

// Several steps with axe in two themes: more than the default 30 s on a busy machine.
test.setTimeout(120_000)

test('a timer started ten minutes ago, time added with a start and an end, and Continue', async ({ page, host }) => {
  await page.goto(host.url)
  await createWorkItem(page, 'HD-4711', 'VPN drops every hour')

  // "I started this ten minutes ago": the start moves back at once, and the clock shows it.
  await page.getByRole('link', { name: 'Timers' }).click()
  await page.getByRole('button', { name: 'Start Timer 1' }).click()
  await page.getByRole('button', { name: 'Edit Timer 1' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit Timer 1' })
  await editor.getByRole('button', { name: 'Start 10 minutes earlier' }).click()
  await expect(editor.getByText(/^Timer 1 now started at \d\d:\d\d\.$/)).toBeVisible()
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

  // In the grid: the cell's details add time from 09:45 to 10:05, which shares time with the timer's run.
  await page.getByRole('link', { name: 'Timesheet' }).click()
  const row = page.getByRole('grid').getByRole('row', { name: /HD-4711/ })
  const today = row.locator('.ts-day.is-today')
  await today.focus()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: /details/ })
  await details.getByLabel('Start of the new entry').fill('09:45')
  await details.getByLabel('End of the new entry').fill('10:05')
  await details.getByLabel('Description of the new entry').fill('Called the ISP')
  await details.getByRole('button', { name: 'Add time' }).click()
  const manual = details.getByRole('listitem', { name: 'Manual entry from 09:45' })
  await expect(manual.getByLabel('Start of run 1 of the manual entry from 09:45')).toHaveValue('09:45')
  await expect(manual.getByLabel('End of run 1 of the manual entry from 09:45')).toHaveValue('10:05')
  // Overlaps are said on both entries, not silently merged: the timer (now named for its ticket) and the manual entry.
  const timed = details.getByRole('listitem', { name: /^Timer entry from / })
  await expect(manual.getByText(/^overlaps 09:5\d–10:0\d with HD-4711$/)).toBeVisible()
  await expect(timed.getByText(/^overlaps 09:5\d–10:0\d with a manual entry$/)).toBeVisible()
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
