import { describe, expect, it } from 'vitest'
import { ExtensionMessageSchema, ExtensionRequestSchema, unreadableRequest } from './extension-protocol'

const start = { id: 'r1', type: 'start', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1', title: 'Printer offline', customer: 'Acme' }

describe('the extension channel reads requests strictly', () => {
  it('takes the four requests', () => {
    expect(ExtensionRequestSchema.safeParse(start).success).toBe(true)
    for (const type of ['state', 'pause', 'stop']) expect(ExtensionRequestSchema.safeParse({ id: 'r2', type, ref: 'OPS-12', url: 'https://acme.atlassian.net/browse/OPS-12' }).success).toBe(true)
  })

  it.each([
    ['an unknown request', { id: 'r', type: 'discard', ref: 'OPS-12' }],
    ['an extra field', { id: 'r', type: 'stop', ref: 'OPS-12', keepShort: true }],
    ['a reference with a space', { id: 'r', type: 'state', ref: 'OPS 12' }],
    ['a reference too long', { id: 'r', type: 'state', ref: `A${'1'.repeat(64)}` }],
    ['a page that is not http(s)', { ...start, url: 'javascript:alert(1)' }],
    ['a state request without its page', { id: 'r', type: 'state', ref: 'OPS-12' }],
    ['a start without its page', { id: 'r', type: 'start', ref: 'OPS-12' }],
    ['no id', { type: 'state', ref: 'OPS-12' }],
    ['an id too long', { id: 'x'.repeat(65), type: 'state', ref: 'OPS-12' }],
    ['not an object', 'state OPS-12'],
  ])('refuses %s', (_what, message) => {
    expect(ExtensionRequestSchema.safeParse(message).success).toBe(false)
  })

  it('answers an unreadable request under its id when it has a readable one', () => {
    expect(unreadableRequest({ id: 'r9', type: 'x' }, 'no')).toEqual({ id: 'r9', ok: false, error: { code: 'invalid_request', message: 'no' } })
    expect(unreadableRequest(42, 'no')).toMatchObject({ id: 'unknown', ok: false })
  })

  it('reads answers and events from the app strictly too', () => {
    const timer = { ref: 'OPS-12', url: 'https://acme.atlassian.net/browse/OPS-12', state: 'running', slot: 2, closedSeconds: 0, runningSince: 1 }
    expect(ExtensionMessageSchema.safeParse({ id: 'r1', ok: true, timer }).success).toBe(true)
    expect(ExtensionMessageSchema.safeParse({ type: 'tickets', timers: [timer] }).success).toBe(true)
    expect(ExtensionMessageSchema.safeParse({ type: 'tickets', timers: [{ ...timer, state: 'lost' }] }).success).toBe(false)
    expect(ExtensionMessageSchema.safeParse({ id: 'r1', ok: true, timer, html: '<b>' }).success).toBe(false)
  })
})
