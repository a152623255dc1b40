import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CALL_NAMES } from '@shared/contract'
import { readableError } from '@shared/errors'
import { createTranslator } from '@shared/i18n/translator'
import type { Logger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { invokeCall } from './invoke'

let env: TempCore
const logged: unknown[][] = []
const logger: Logger = { info() {}, warn() {}, error: (...args: unknown[]) => void logged.push(args) }

beforeEach(async () => {
  env = await openTempCore()
  logged.length = 0
})
afterEach(() => env.dispose())

async function storedState() {
  return {
    timers: await env.core.store.db.selectFrom('timers').selectAll().orderBy('slot').execute(),
    segments: await env.core.store.db.selectFrom('timer_segments').selectAll().execute(),
  }
}

describe('the one call wrapper', () => {
  it('answers a valid call with its value', async () => {
    const envelope = await invokeCall(env.core.handlers, 'timers.start', { slot: 2 }, logger)
    expect(envelope).toMatchObject({ ok: true, value: { slot: 2, state: 'running' } })
  })

  it('has a handler for every call of the contract', () => {
    expect(Object.keys(env.core.handlers).sort()).toEqual([...CALL_NAMES].sort())
  })

  it.each([
    ['a slot given as text', { slot: 'three' }, 'slot'],
    ['a slot out of range', { slot: 10 }, 'slot'],
    ['a missing slot', {}, 'slot'],
    ['an unexpected field', { slot: 1, force: true }, 'force'],
    ['a request that is not an object', 'start please', '(request)'],
  ])('refuses %s with a typed error naming the field, and stores nothing', async (_case, request, field) => {
    const before = await storedState()
    const envelope = await invokeCall(env.core.handlers, 'timers.start', request, logger)
    expect(envelope.ok).toBe(false)
    if (envelope.ok) return
    expect(envelope.error.code).toBe('invalid_request')
    expect(envelope.error.issues?.map((i) => i.path)).toContain(field)
    expect(envelope.error.message).toMatch(/^timers\.start was refused, nothing was changed\./)
    expect(await storedState()).toEqual(before)
  })

  it('refuses a call name outside the contract', async () => {
    expect(await invokeCall(env.core.handlers, 'fs.readFile', { path: '/etc/passwd' }, logger)).toEqual({
      ok: false,
      error: { code: 'unknown_call', message: 'There is no call named "fs.readFile".', messageId: 'refusal.unknownCall', values: { call: 'fs.readFile' } },
    })
  })

  it('turns a service refusal into its code and message, with the id and values a window translates it by', async () => {
    expect(await invokeCall(env.core.handlers, 'timers.stop', { slot: 1 }, logger)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Timer 1 is not running.', messageId: 'refusal.timerNotRunning', values: { label: 'Timer 1' } },
    })
  })

  it('lists several problems as sentences, each once ended', async () => {
    const envelope = await invokeCall(env.core.handlers, 'reports.month', { month: '2026-13' }, logger)
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'reports.month was refused, nothing was changed. month: "2026-13" is not a month: months run from 01 to 12. view: Say which month view (view): one of entries, tickets, customers, organisations.',
        issues: [
          { path: 'month', message: '"2026-13" is not a month: months run from 01 to 12.' },
          { path: 'view', message: 'Say which month view (view): one of entries, tickets, customers, organisations.' },
        ],
        // The first line in the window's language; zod's sentences stay English.
        messageId: 'refusal.requestRefused',
        values: {
          call: 'reports.month',
          summary: 'month: "2026-13" is not a month: months run from 01 to 12. view: Say which month view (view): one of entries, tickets, customers, organisations.',
        },
      },
    })
    const unended = await invokeCall(env.core.handlers, 'timers.start', { slot: 1, force: true }, logger)
    expect(unended).toMatchObject({ ok: false, error: { message: 'timers.start was refused, nothing was changed. force: "force" is not a field of this call.' } })
  })

  it('refuses a day that does not exist with the day’s own sentence, for every transport alike', async () => {
    const envelope = await invokeCall(env.core.handlers, 'timesheet.load', { day: '2026-02-30' }, logger)
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: 'timesheet.load was refused, nothing was changed. day: "2026-02-30" is not a real date: February 2026 has days 01 to 28.',
        issues: [{ path: 'day', message: '"2026-02-30" is not a real date: February 2026 has days 01 to 28' }],
        messageId: 'refusal.requestRefused',
        values: { call: 'timesheet.load', summary: 'day: "2026-02-30" is not a real date: February 2026 has days 01 to 28.' },
      },
    })
    expect(logged).toEqual([])
  })

  it('says what a team-server call is for when no team server is connected', async () => {
    const approvals = await invokeCall(env.core.handlers, 'approvals.queue', {}, logger)
    expect(approvals).toEqual({ ok: false, error: { code: 'unavailable', message: 'Approvals happen on a team server; connect one in Settings → Team server.', messageId: 'refusal.team.none', values: { what: 'approvals' } } })
    const report = await invokeCall(env.core.handlers, 'reports.team', { from: '2026-11-01', to: '2026-11-30', groupBy: ['user'] }, logger)
    expect(report).toEqual({ ok: false, error: { code: 'unavailable', message: 'The team’s reports are made on a team server; connect one in Settings → Team server.', messageId: 'refusal.team.none', values: { what: 'reports' } } })
    expect(report.ok ? '' : readableError(report.error, createTranslator('de'))).toBe('Die Berichte des Teams werden auf einem Team-Server erstellt; verbinden Sie einen unter Einstellungen → Team-Server.')
  })

  it('hides an unexpected failure behind a generic message and logs the details', async () => {
    const handlers = {
      ...env.core.handlers,
      'timers.list': () => {
        throw new Error('SQLITE_IOERR at /home/someone/.config/Stint/stint.sqlite')
      },
    }
    const envelope = await invokeCall(handlers, 'timers.list', {}, logger)
    expect(envelope).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Stint could not complete timers.list. Nothing was lost; the details are in the log.', messageId: 'refusal.internal', values: { call: 'timers.list' } },
    })
    expect(envelope.ok ? '' : readableError(envelope.error, createTranslator('de'))).toBe('Stint konnte timers.list nicht ausführen. Es ist nichts verloren gegangen; die Einzelheiten stehen im Protokoll.')
    expect(JSON.stringify(envelope)).not.toContain('SQLITE_IOERR')
    expect(logged).toHaveLength(1)
    expect(String(logged[0]?.[1])).toContain('SQLITE_IOERR')
  })

  it('never lets a field outside the response schema leave the process', async () => {
    const handlers = {
      ...env.core.handlers,
      'app.info': () => ({ version: '1', host: 'web' as const, dataFile: '/x', secretToken: 'abc' }),
    }
    const envelope = await invokeCall(handlers, 'app.info', {}, logger)
    expect(envelope).toEqual({ ok: true, value: { version: '1', host: 'web', dataFile: '/x' } })
  })
})
