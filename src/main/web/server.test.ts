import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { MAX_BODY_BYTES, startWebHost, type WebHost } from './server'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz'
let env: TempCore
let host: WebHost
let rendererDir: string

beforeEach(async () => {
  env = await openTempCore()
  rendererDir = mkdtempSync(join(tmpdir(), 'stint-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stint</title>')
  host = await startWebHost({ core: env.core, rendererDir, token: TOKEN, logger: silentLogger })
})
afterEach(async () => {
  await host.close()
  await env.dispose()
  rmSync(rendererDir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const bearer = `Bearer ${TOKEN}`
const origin = () => `http://127.0.0.1:${host.port}`
const call = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: bearer, Origin: origin(), 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('the browser host lets in only the page it launched', () => {
  it('listens on loopback only', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`)
  })

  it('refuses every call and the event stream without the launch secret', async () => {
    expect((await send('/api/events')).status).toBe(401)
    expect((await call('timers.start', { slot: 1 }, { Authorization: '' })).status).toBe(401)
    expect((await call('timers.start', { slot: 1 }, { Authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await call('timers.start', { slot: 1 }, { Authorization: TOKEN })).status).toBe(401)
    expect((await env.core.timers.list()).every((t) => t.state === 'idle')).toBe(true)
  })

  it('never puts the secret in a cookie, which every other port on 127.0.0.1 would receive', async () => {
    const page = await send(`/?token=${TOKEN}`)
    expect(page.status).toBe(200)
    expect(page.headers['set-cookie']).toBeUndefined()
    // The cookie earlier versions set is no way in.
    const withCookie = await call('timers.start', { slot: 1 }, { Authorization: '', Cookie: `stint_token_${host.port}=${TOKEN}` })
    expect(withCookie.status).toBe(401)
  })

  it('says so when the link carries an outdated secret', async () => {
    const reply = await send('/?token=guessed')
    expect(reply.status).toBe(401)
    expect(reply.body).toContain('outdated token')
  })

  it('serves the renderer (public code, no data) with the strict CSP', async () => {
    const reply = await send('/')
    expect(reply.status).toBe(200)
    expect(reply.body).toContain('<title>Stint</title>')
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
  })

  it('refuses another Host header (DNS rebinding) even with the right secret', async () => {
    const reply = await send('/', { headers: { Host: `attacker.example:${host.port}` } })
    expect(reply.status).toBe(421)
    expect((await call('timers.start', { slot: 1 }, { Host: `attacker.example:${host.port}` })).status).toBe(421)
  })

  it('refuses a call from another origin and a call with no origin', async () => {
    expect((await call('timers.start', { slot: 1 }, { Origin: 'https://evil.example' })).status).toBe(403)
    const noOrigin = await send('/api/call/timers.start', {
      method: 'POST',
      headers: { Authorization: bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ slot: 1 }),
    })
    expect(noOrigin.status).toBe(403)
    expect((await env.core.timers.list())[0]?.state).toBe('idle')
  })

  it('refuses a path outside the renderer folder', async () => {
    expect((await send('/..%2f..%2fetc%2fpasswd')).status).toBe(404)
  })

  it('answers a malformed percent-encoding in the path with 400, not 500', async () => {
    const api = await call('timers.start%E0%A4%A', { slot: 1 })
    expect(api.status).toBe(400)
    expect(api.body).toContain('percent-encoding')
    expect((await send('/assets/%E0%A4%A.js')).status).toBe(400)
    expect((await send('/api/export/%ZZ')).status).toBe(400)
    expect((await env.core.timers.list()).every((t) => t.state === 'idle')).toBe(true)
  })
})

describe('calls over HTTP', () => {
  it('runs a call and answers with its envelope', async () => {
    const reply = await call('timers.start', { slot: 6 })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { slot: 6, state: 'running' } })
  })

  it('answers malformed input with a typed error and changes nothing', async () => {
    const badJson = await call('timers.start', '{"slot": ')
    expect(badJson.status).toBe(400)
    expect(JSON.parse(badJson.body)).toEqual({ ok: false, error: { code: 'invalid_request', message: 'The request body is not valid JSON; nothing was changed.' } })

    const badField = await call('timers.start', { slot: 0 })
    expect(badField.status).toBe(400)
    expect(JSON.parse(badField.body)).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'slot' }] } })

    expect((await call('timers.start', { slot: 1 }, { 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await send('/api/call/timers.list', { headers: { Authorization: bearer } })).status).toBe(405)
    expect((await call('nope.nothing', {})).status).toBe(404)
    expect((await env.core.timers.list()).every((t) => t.state === 'idle')).toBe(true)
  })

  it('refuses a body over the size limit', async () => {
    const reply = await call('timers.start', JSON.stringify({ slot: 1, padding: 'x'.repeat(MAX_BODY_BYTES) }))
    expect(reply.status).toBe(413)
  })

  it('pushes events to the page over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, Authorization: bearer } },
        (res) => {
          expect(res.headers['content-type']).toBe('text/event-stream')
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (text.includes('event: timers.changed')) {
              req.destroy()
              resolve(text)
            }
          })
          // The stream is open: now cause an event.
          void call('timers.start', { slot: 9 })
        },
      )
      req.on('error', reject)
      req.end()
    })
    const dataLine = received.split('\n').find((line) => line.startsWith('data: '))
    const payload = JSON.parse(dataLine?.slice('data: '.length) ?? '{}') as { timers: { slot: number; state: string }[] }
    expect(payload.timers.find((t) => t.slot === 9)?.state).toBe('running')
  })
})

describe('an idle host sleeps', () => {
  /** Opens the event stream as the page does; resolves once the server has taken it, with a way to close it. */
  function openEventStream(): Promise<() => Promise<void>> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: { Host: `127.0.0.1:${host.port}`, Authorization: bearer } }, (res) => {
        res.once('data', () =>
          resolve(async () => {
            req.destroy()
            // The server sees the close on its next turn.
            await new Promise((done) => setTimeout(done, 50))
          }),
        )
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('keeps no keep-alive timer while no page listens, and one while a page does', async () => {
    const intervals = vi.spyOn(globalThis, 'setInterval')
    const cleared = vi.spyOn(globalThis, 'clearInterval')
    try {
      await host.close()
      host = await startWebHost({ core: env.core, rendererDir, token: TOKEN, logger: silentLogger })
      expect(intervals).not.toHaveBeenCalled()
      const closeFirst = await openEventStream()
      const closeSecond = await openEventStream()
      expect(intervals).toHaveBeenCalledTimes(1)
      await closeFirst()
      expect(cleared).not.toHaveBeenCalled()
      await closeSecond()
      expect(cleared).toHaveBeenCalledTimes(1)
    } finally {
      intervals.mockRestore()
      cleared.mockRestore()
    }
  })
})
