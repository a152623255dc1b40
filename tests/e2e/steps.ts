// Steps several journeys share, done as a person does them in the window.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** Work items → New work item, with a reference and a title. */
export async function createWorkItem(page: Page, reference: string, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Work items' }).click()
  await page.getByRole('button', { name: 'New work item' }).click()
  const dialog = page.getByRole('dialog', { name: 'New work item' })
  await dialog.getByLabel(/Reference/).fill(reference)
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByRole('button', { name: 'Create work item' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

/** Timesheet → Add row: type into the picker, Enter takes the match, Enter adds the row. */
export async function addRow(page: Page, search: string): Promise<void> {
  await page.getByRole('button', { name: 'Add row' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add row' })
  await dialog.getByRole('combobox', { name: 'Work item' }).fill(search)
  await page.keyboard.press('Enter') // takes the match
  await page.keyboard.press('Enter') // adds the row
  await expect(page.getByRole('dialog')).toHaveCount(0)
}
