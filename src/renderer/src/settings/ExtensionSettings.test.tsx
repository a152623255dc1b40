import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { refuse } from '@shared/errors'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { ExtensionSettings } from './ExtensionSettings'

afterEach(cleanup)

function renderPanel(handlers: ScriptedHandlers) {
  const host = scriptedHost(handlers)
  render(
    <ClientContext.Provider value={host.client}>
      <ExtensionSettings />
    </ClientContext.Provider>,
  )
  return host
}

describe('Settings → Browser extension', () => {
  it('sets up one browser per button and says where its manifest went', async () => {
    const host = renderPanel({ 'extension.setUpBrowser': ({ browser }) => ({ browser, manifestPath: `/home/ana/.config/${browser}/NativeMessagingHosts/app.stint.json` }) })
    expect(screen.getByRole('group', { name: 'Browser extension' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Set up Google Chrome' }))
    expect((await screen.findByText(/^Google Chrome is set up/)).getAttribute('role')).toBe('status')
    expect(screen.getByRole('status').textContent).toBe('Google Chrome is set up: /home/ana/.config/chrome/NativeMessagingHosts/app.stint.json. Restart it if the extension says it cannot reach Stint.')
    expect(host.requestsTo('extension.setUpBrowser')).toEqual([{ browser: 'chrome' }])
  })

  it('says why a browser could not be set up', async () => {
    renderPanel({
      'extension.setUpBrowser': () => {
        throw refuse('unavailable', 'refusal.extension.setUpFailed', { browser: 'firefox', reason: 'EACCES: permission denied' })
      },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Set up Firefox' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Stint could not set up Firefox for its extension: EACCES: permission denied'))
  })
})
