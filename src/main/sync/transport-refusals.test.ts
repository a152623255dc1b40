// The team server's refusal reaches the desktop with its id: the transport frames it as
// the server's ("The team server refused: …"), and the window can say both in German.
import { describe, expect, it } from 'vitest'
import { readableError, StintError } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import { httpTransport, TransportError } from './transport'

const answering = (status: number, body: unknown): typeof fetch => () => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))

async function refusalOf(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TransportError) return error
    throw error
  }
  throw new Error('expected the transport to refuse')
}

describe('a team server refusal with an id', () => {
  it('is framed as the server’s and reads in German, while its English stays as the server wrote it', async () => {
    const body = { error: { code: 'forbidden', message: 'This needs the admin role; you are a member. Nothing was changed.', messageId: 'refusal.server.needsRole', values: { needed: 'admin', role: 'member' } } }
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(403, body)).approvalQueue())
    expect(error.message).toBe('The team server refused: This needs the admin role; you are a member. Nothing was changed.')
    const shown = new StintError('forbidden', error.message, error.refusal).body()
    expect(shown.message).toBe(error.message)
    expect(readableError(shown, createTranslator('de'))).toBe('Der Team-Server hat abgelehnt: Dafür ist die Rolle Administrator nötig; Sie sind Mitglied. Es wurde nichts geändert.')
  })

  it('an id this build does not know leaves the English sentence as it is', async () => {
    const body = { error: { code: 'not_found', message: 'Something new.', messageId: 'refusal.server.fromTheFuture' } }
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(404, body)).approvalDetail('p1'))
    expect(error.refusal).toBeUndefined()
    expect(error.message).toBe('The team server refused the request: Something new.')
  })
})
