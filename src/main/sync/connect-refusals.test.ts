// Connecting to a team server that cannot be used: the refusal says why, by id, so a
// German window reads it in German; the English is the sentence it always was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readableError, StintError } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import { openTempCore, type TempCore } from '../testing/temp-core'

const GERMAN = createTranslator('de')
let env: TempCore

beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

async function refusalOf(promise: Promise<unknown>): Promise<StintError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!(error instanceof StintError)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('connecting refused', () => {
  it('an address that is not a team server’s', async () => {
    const error = await refusalOf(env.core.team.connect('ftp://ts.example.com', 'a-device-token-of-some-length'))
    expect(error.message).toBe('A team server address starts with https:// (this one starts with ftp://). Nothing was changed.')
    expect(error.body()).toMatchObject({ messageId: 'refusal.flowNotKept', values: { refusal: 'refusal.serverUrl.scheme', scheme: 'ftp:' } })
    expect(readableError(error.body(), GERMAN)).toBe('Die Adresse eines Team-Servers beginnt mit https:// (diese beginnt mit ftp://). Es wurde nichts geändert.')
  })

  it('a server that cannot be reached', async () => {
    const error = await refusalOf(env.core.team.connect('http://127.0.0.1:9', 'a-device-token-of-some-length'))
    expect(error.message).toMatch(/^The team server at http:\/\/127\.0\.0\.1:9 cannot be reached \(.+\)\. Nothing was changed\.$/)
    expect(error.body()).toMatchObject({ code: 'unavailable', messageId: 'refusal.flowNotKept', values: { refusal: 'refusal.transport.offline', server: 'http://127.0.0.1:9' } })
    expect(readableError(error.body(), GERMAN)).toMatch(/^Der Team-Server unter http:\/\/127\.0\.0\.1:9 ist nicht erreichbar \(.+\)\. Es wurde nichts geändert\.$/)
  })

  it('an issue already settled', async () => {
    const error = await refusalOf(env.core.team.resolveIssue('no-such-issue', 'discard'))
    expect([error.message, readableError(error.body(), GERMAN)]).toEqual(['That issue is already settled.', 'Dieses Problem ist bereits geklärt.'])
  })
})
