// The team server's refusal reaches the desktop with its id: the transport frames it as
// the server's ("The team server refused: …"), and the window can say both in German.
import { describe, expect, it } from 'vitest'
import { readableError, StintError } from '@shared/errors'
import { refusalText } from '@shared/i18n/refusal-text'
import { createTranslator, ENGLISH } from '@shared/i18n/translator'
import { httpTransport, serverUrlProblem, TransportError } from './transport'

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

  it('an id this build does not know is framed with the server’s words as they are', async () => {
    const body = { error: { code: 'not_found', message: 'Something new.', messageId: 'refusal.server.fromTheFuture' } }
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(404, body)).approvalDetail('p1'))
    expect(error.message).toBe('The team server refused the request: Something new.')
    expect(error.refusal).toEqual({ id: 'refusal.server.refusedRequest', values: { refusal: 'Something new.' } })
    expect(readableError(new StintError('invalid_request', error.message, error.refusal).body(), DE)).toBe('Der Team-Server hat die Anfrage abgelehnt: Something new.')
  })
})

const DE = createTranslator('de')
/** What a German window shows of a transport failure passed on as the main process passes it (core.ts). */
const inGerman = (error: TransportError): string => readableError(new StintError('unavailable', error.message, error.refusal).body(), DE)

describe('the transport’s own framings, by id', () => {
  it('a server that cannot be reached', async () => {
    const unreachable: typeof fetch = () => Promise.reject(new Error('fetch failed'))
    const error = await refusalOf(httpTransport('https://ts.example.com/', 'token', unreachable).me())
    expect(error.message).toBe('The team server at https://ts.example.com cannot be reached (fetch failed).')
    expect(error.refusal?.id).toBe('refusal.transport.offline')
    expect(inGerman(error)).toBe('Der Team-Server unter https://ts.example.com ist nicht erreichbar (fetch failed).')
  })

  it('a refused token, with the server’s refusal by id when it has one and its words when not', async () => {
    const byId = { error: { code: 'unauthorized', message: 'That period is already approved.', messageId: 'refusal.flow.alreadyApproved' } }
    const known = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(401, byId)).me())
    expect(known.message).toBe('The team server refused the token: That period is already approved.')
    expect(inGerman(known)).toBe('Der Team-Server hat das Token abgelehnt: Dieser Zeitraum ist bereits genehmigt.')
    const plain = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(401, { error: { code: 'unauthorized', message: 'This device token is not valid.' } })).me())
    expect(plain.message).toBe('The team server refused the token: This device token is not valid.')
    expect(inGerman(plain)).toBe('Der Team-Server hat das Token abgelehnt: This device token is not valid.')
  })

  it('a server that asks the device to wait', async () => {
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(429, { error: { code: 'unavailable', message: 'Too many requests.' } })).me())
    expect(error.message).toBe('The team server asked this device to wait: Too many requests.')
    expect(inGerman(error)).toBe('Der Team-Server hat dieses Gerät gebeten zu warten: Too many requests.')
  })

  it('a server with a problem (5xx)', async () => {
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(500, { error: { code: 'internal', message: 'The server could not complete this request.' } })).me())
    expect(error.message).toBe('The team server has a problem (HTTP 500: The server could not complete this request).')
    expect(error.refusal).toEqual({ id: 'refusal.transport.serverProblem', values: { status: 500, detail: 'The server could not complete this request' } })
    expect(inGerman(error)).toBe('Der Team-Server hat ein Problem (HTTP 500: The server could not complete this request).')
  })

  it('an answer that is not understood, and an export without a CSV', async () => {
    const error = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', answering(200, { nothing: 'here' })).me())
    expect(error.message).toBe("The team server's answer to /v1/me was not understood; is http://127.0.0.1:1 a Stint team server of a matching version?")
    expect(inGerman(error)).toBe('Die Antwort des Team-Servers auf /v1/me war nicht verständlich; ist http://127.0.0.1:1 ein Stint-Team-Server in einer passenden Version?')
    const empty: typeof fetch = () => Promise.resolve(new Response(null, { status: 200 }))
    const noCsv = await refusalOf(httpTransport('http://127.0.0.1:1', 'token', empty).exportCsv({ what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30', filters: { statuses: ['draft'] }, includeVoided: false }, bom: false, format: 'machine' }))
    expect(noCsv.message).toBe('The team server sent no CSV; is http://127.0.0.1:1 a Stint team server of a matching version?')
    expect(inGerman(noCsv)).toBe('Der Team-Server hat keine CSV-Datei gesendet; ist http://127.0.0.1:1 ein Stint-Team-Server in einer passenden Version?')
  })
})

describe('a server address that is not one', () => {
  const said = (text: string, reader = ENGLISH): string | null => {
    const problem = serverUrlProblem(text)
    return problem && refusalText(problem.id, problem.values, reader)
  }
  it('says why in English as before, and in German', () => {
    expect(said('timesheets')).toBe('"timesheets" is not a web address; it looks like https://timesheets.example.com.')
    expect(said('timesheets', DE)).toBe('„timesheets“ ist keine Webadresse; eine solche sieht aus wie https://timesheets.example.com.')
    expect(said('ftp://ts.example.com')).toBe('A team server address starts with https:// (this one starts with ftp://).')
    expect(said('ftp://ts.example.com', DE)).toBe('Die Adresse eines Team-Servers beginnt mit https:// (diese beginnt mit ftp://).')
    expect(said('https://me:secret@ts.example.com')).toBe('Put the token in the token field, not in the address.')
    expect(said('http://ts.example.com', DE)).toBe('Verwenden Sie https:// für einen Server auf einem anderen Computer: Das Token darf nicht unverschlüsselt über das Netz gehen.')
    expect(said('http://127.0.0.1:8080')).toBeNull()
  })
})
