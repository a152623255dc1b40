// The theme on the page: the stored choice when the window opens, and every change made
// later (here or in another window), as <html data-theme>; System leaves it to the OS.
import { act, cleanup, render, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { scriptedHost } from '../testing/scripted-host'
import { useTheme } from './use-theme'

afterEach(() => {
  cleanup()
  delete document.documentElement.dataset['theme']
})

function Themed({ client }: { client: Parameters<typeof useTheme>[0] }) {
  useTheme(client)
  return null
}

it('puts the stored theme on the page and follows changes, System removing it', async () => {
  const stored: Settings = applySettingsPatch(DEFAULT_SETTINGS, { appearance: { theme: 'dark' } })
  const host = scriptedHost({ 'settings.get': () => stored })
  render(<Themed client={host.client} />)
  await waitFor(() => expect(document.documentElement.dataset['theme']).toBe('dark'))
  act(() => host.emit('settings.changed', { settings: applySettingsPatch(stored, { appearance: { theme: 'light' } }) }))
  expect(document.documentElement.dataset['theme']).toBe('light')
  act(() => host.emit('settings.changed', { settings: applySettingsPatch(stored, { appearance: { theme: 'system' } }) }))
  expect(document.documentElement.dataset['theme']).toBeUndefined()
})

it('leaves the OS in charge when the settings cannot be read', async () => {
  const host = scriptedHost({
    'settings.get': () => {
      throw new Error('settings.json is damaged')
    },
  })
  render(<Themed client={host.client} />)
  await new Promise((resolve) => setTimeout(resolve, 10))
  expect(document.documentElement.dataset['theme']).toBeUndefined()
})

it('keeps a change pushed while the first read was on its way over that read’s older answer', async () => {
  let answer: (settings: Settings) => void = () => undefined
  const host = scriptedHost({ 'settings.get': () => new Promise<Settings>((resolve) => (answer = resolve)) })
  render(<Themed client={host.client} />)
  act(() => host.emit('settings.changed', { settings: applySettingsPatch(DEFAULT_SETTINGS, { appearance: { theme: 'light' } }) }))
  answer(applySettingsPatch(DEFAULT_SETTINGS, { appearance: { theme: 'dark' } }))
  await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
  expect(document.documentElement.dataset['theme']).toBe('light')
})
