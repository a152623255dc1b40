import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

test('a technician adds a ticket, puts it on a timer, and the booked entry carries it', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Work items' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Work items' })).toBeVisible()

  await page.getByRole('button', { name: 'New work item' }).click()
  const dialog = page.getByRole('dialog', { name: 'New work item' })
  await dialog.getByLabel(/Reference/).fill('TICKET-1234')
  await dialog.getByLabel('Title').fill('Printer on 2nd floor jams')
  await dialog.getByRole('button', { name: 'Create work item' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'All work items' })).toContainText('Printer on 2nd floor jams')

  // A second item with the same reference is refused, and what was typed stays.
  await page.getByRole('button', { name: 'New work item' }).click()
  await dialog.getByLabel(/Reference/).fill('ticket-1234')
  await dialog.getByLabel('Title').fill('Duplicate')
  await dialog.getByRole('button', { name: 'Create work item' }).click()
  await expect(dialog.getByRole('alert')).toContainText('TICKET-1234 already exists ("Printer on 2nd floor jams"); references that differ only in letter case or invisible characters are the same. Book on that one.')
  await expect(dialog.getByLabel('Title')).toHaveValue('Duplicate')
  await expectNoAxeViolations(page)
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'New work item' })).toBeFocused()

  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'work-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'work-dark')
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('link', { name: 'Timers' }).click()
  await page.getByRole('button', { name: 'Edit Timer 4' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit Timer 4' })
  const picker = editor.getByRole('combobox', { name: 'Work item' })
  await picker.fill('printer jams')
  await expect(editor.getByRole('option', { name: /^TICKET-1234 · Printer on 2nd floor jams/ })).toHaveAttribute('aria-selected', 'true')
  await picker.press('Enter')
  await expect(picker).toHaveValue('TICKET-1234 · Printer on 2nd floor jams')
  await editor.getByLabel('Note (goes into the entry\'s description)').fill('Replaced the fuser')
  await editor.getByRole('button', { name: 'Save' }).click()
  const card = page.locator('article[data-slot="4"]')
  await expect(card.getByRole('heading', { name: 'TICKET-1234' })).toBeVisible()
  // Named after its ticket, the card says the ticket once: its title, then the note.
  await expect(card).toContainText('Printer on 2nd floor jams')
  await expect(card).not.toContainText('TICKET-1234 · ')
  await expect(card).toContainText('Replaced the fuser')

  await page.getByRole('button', { name: 'Start TICKET-1234' }).click()
  await expect(card.getByRole('timer')).not.toHaveText('0:00:00')
  await page.getByRole('button', { name: 'Stop TICKET-1234' }).click()
  await page.getByRole('dialog', { name: 'Keep this short entry?' }).getByRole('button', { name: /^Keep/ }).click()
  const booked = page.getByRole('region', { name: 'Booked by timers this week' }).getByRole('row').nth(1)
  await expect(booked).toContainText('TICKET-1234 · Printer on 2nd floor jams')
})

test('settings save as they change and survive a reload', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  const exclusive = page.getByRole('checkbox', { name: /Starting a timer pauses the others/ })
  await expect(exclusive).not.toBeChecked()
  await exclusive.check()
  await expect(page.getByText('Saved').first()).toBeVisible()
  await expect(page.getByText('Global shortcuts work in the desktop app')).toBeVisible()

  await page.emulateMedia({ colorScheme: 'light' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'settings-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectNoAxeViolations(page)
  await screenshot(page, 'settings-dark')

  await page.reload()
  await expect(page.getByRole('checkbox', { name: /Starting a timer pauses the others/ })).toBeChecked()

  // The setting is live: starting a second timer now pauses the first.
  await page.getByRole('link', { name: 'Timers' }).click()
  await page.getByRole('button', { name: 'Start Timer 1' }).click()
  await page.getByRole('button', { name: 'Start Timer 2' }).click()
  await expect(page.getByRole('button', { name: 'Resume Timer 1' })).toBeVisible()
})

test('the theme chosen in Settings holds whatever the system says, and System follows it again', async ({ page, host }) => {
  const background = () => page.evaluate<string>('getComputedStyle(document.documentElement).backgroundColor')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(`${host.url}#settings`)
  const theme = page.getByRole('group', { name: 'Theme' })
  await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked()
  const light = await background()

  await theme.getByRole('radio', { name: 'Dark' }).check()
  await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked()
  await expect.poll(background).not.toBe(light)
  const dark = await background()
  await expectNoAxeViolations(page)
  await screenshot(page, 'settings-theme-dark-on-light-system', page.getByRole('region', { name: 'Appearance' }))

  // Kept across a reload, and the system's light does not change it.
  await page.reload()
  await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked()
  expect(await background()).toBe(dark)

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check()
  await expect.poll(background).toBe(light)
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'System' }).check()
  await expect.poll(background).toBe(dark)
})
