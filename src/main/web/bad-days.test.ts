// A day that does not exist, sent to the browser host by any call that takes a day: a
// 400 whose message names the day and says what is wrong with it, nothing changed, and
// never a 500 from deep inside the period maths.
import { request as httpRequest } from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { startWebHost, type WebHost } from './server'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz'
const FEB_30 = /"2026-02-30" is not a real date: February 2026 has days 01 to 28/
const row = { workItemId: null, activityTypeId: null, billable: true }
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

function call(name: string, body: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  const origin = `http://127.0.0.1:${host.port}`
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${name}`,
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, Origin: origin, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { ok: boolean; error?: { code: string; message: string } } }))
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

it.each([
  ['timesheet.load', { day: '2026-02-30' }],
  ['timesheet.setCells', { changes: [{ day: '2026-02-30', row, totalSeconds: 3600 }] }],
  ['timesheet.addRow', { day: '2026-02-30', row }],
  ['timesheet.cellDetails', { day: '2026-02-30', row }],
  ['timesheet.summary', { day: '2026-02-30' }],
  ['timesheet.submit', { day: '2026-02-30' }],
  ['timesheet.withdraw', { day: '2026-02-30' }],
  ['timesheet.reopen', { day: '2026-02-30', reason: 'typo' }],
  ['entries.list', { from: '2026-02-01', to: '2026-02-30' }],
  ['reports.run', { from: '2026-02-30', to: '2026-03-08', groupBy: ['day'] }],
  ['export.csv', { what: { kind: 'entries', from: '2026-02-01', to: '2026-02-30' }, scope: 'mine' }],
  ['settings.update', { timesheet: { periodRule: { kind: 'biweekly', anchor: '2026-02-30', weekStartsOn: 1 } } }],
])('%s with 30 February is a 400 naming the day, and changes nothing', async (name, request) => {
  const before = await env.core.store.db.selectFrom('time_entries').selectAll().execute()
  const reply = await call(name, request)
  expect(reply.status, JSON.stringify(reply.body)).toBe(400)
  expect(reply.body.error?.code).toBe('invalid_request')
  expect(reply.body.error?.message).toMatch(FEB_30)
  expect(reply.body.error?.message).toMatch(/nothing was changed/i)
  expect(await env.core.store.db.selectFrom('time_entries').selectAll().execute()).toEqual(before)
})
