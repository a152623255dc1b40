// A German technician meets a refusal: the host answers with an id and values, and the
// window says it in German, days in German; the same refusal in an English window reads
// as it always did.
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { refuse } from '@shared/errors'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { useClient } from '../client-context'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { I18nProvider } from './i18n-context'

afterEach(cleanup)

/** A button that stops timer 1 and shows what the client threw, as views show a refusal. */
function StopTimer() {
  const client = useClient()
  const [said, setSaid] = useState('')
  const stop = () => client.timers.stop({ slot: 1 }).catch((error: unknown) => setSaid((error as Error).message))
  return (
    <>
      <button onClick={() => void stop()}>Stop</button>
      <p role="alert">{said}</p>
    </>
  )
}

function windowIn(language: Settings['language'], refusal: () => never) {
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language }
  const host = scriptedHost({ 'settings.get': () => settings, 'timers.stop': refusal })
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']} onTranslator={host.setReader}>
        <StopTimer />
      </I18nProvider>
    </ClientContext.Provider>,
  )
  return host
}

const overFull = (): never => {
  throw refuse('invalid_request', 'refusal.dayOver24h', { day: '2026-12-03', totalSeconds: 24 * 3600 + 1800 })
}

describe('refusals in the window’s language', () => {
  it('shows a German window the German sentence, with the day as German writes it', async () => {
    windowIn('de', overFull)
    await screen.findByRole('button', { name: 'Stop' })
    // The language arrives with the settings; the refusal after it is German.
    await new Promise((resolve) => setTimeout(resolve, 0))
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }))
    expect(await screen.findByText('Ein Tag hat höchstens 24 Stunden: Do 3. Dez. hätte 24:30. Es wurde nichts geändert.')).toBeTruthy()
  })

  it('shows an English window the sentence it always showed', async () => {
    windowIn('en', overFull)
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }))
    expect(await screen.findByText('A day has at most 24 hours: Thu 3 Dec would have 24:30. Nothing was changed.')).toBeTruthy()
  })

  it('shows the first line of a refused request in German, the details as the host wrote them', async () => {
    windowIn('de', (): never => {
      throw refuse('invalid_request', 'refusal.requestRefused', { call: 'timers.stop', summary: 'slot: Number must be less than or equal to 9.' })
    })
    await new Promise((resolve) => setTimeout(resolve, 0))
    fireEvent.click(await screen.findByRole('button', { name: 'Stop' }))
    expect(await screen.findByText('timers.stop wurde abgelehnt, es wurde nichts geändert. slot: Number must be less than or equal to 9.')).toBeTruthy()
  })
})
