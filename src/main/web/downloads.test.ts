// CSV downloads from the browser host, over real HTTP against the real host and core:
// the file read back with a strict CSV parser, the headers, single use, expiry, the
// launch secret, and a failure halfway that must cut the response off.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExportResult } from '@shared/exports'
import { FakeClock } from '../clock'
import { createCore, type Core } from '../core'
import { silentLogger } from '../logger'
import { readLocalUserId } from '../profile'
import { MemorySettingsStore } from '../settings/settings-store'
import { T0 } from '../testing/temp-core'
import { ManualScheduler } from '../timers/scheduler'
import { rowsBody, type CsvJob } from '../reports/exporter'
import { DOWNLOAD_TTL_MS, WebDownloads } from './downloads'
import { startWebHost, type WebHost } from './server'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuvwxyz'
let clock: FakeClock
let core: Core
let downloads: WebDownloads
let host: WebHost
let dataDir: string
let rendererDir: string

beforeEach(async () => {
  clock = new FakeClock(T0, 'Europe/Berlin')
  dataDir = mkdtempSync(join(tmpdir(), 'stint-downloads-'))
  rendererDir = mkdtempSync(join(tmpdir(), 'stint-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stint</title>')
  downloads = new WebDownloads({ now: () => clock.now() })
  core = await createCore({
    dataDir,
    clock,
    logger: silentLogger,
    settings: new MemorySettingsStore(),
    scheduler: new ManualScheduler(() => clock.now()),
    host: 'web',
    version: '0.0.0-test',
    exportDestination: downloads,
  })
  host = await startWebHost({ core, rendererDir, token: TOKEN, logger: silentLogger, downloads })
})
afterEach(async () => {
  await host.close()
  await core.close()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(rendererDir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  /** Whether the whole body arrived (false: the server cut the response off). */
  complete: boolean
}

function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; onData?: (req: { destroy(): void }) => void } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          options.onData?.(req)
        })
        res.on('error', () => undefined) // 'aborted': seen below as an incomplete body
        res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }))
      },
    )
    req.on('error', (error) => (options.onData ? undefined : reject(error)))
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

const bearer = `Bearer ${TOKEN}`
const origin = () => `http://127.0.0.1:${host.port}`

async function exportCall(body: unknown): Promise<ExportResult> {
  return exportCallTo('export.csv', body)
}

async function exportCallTo(call: 'export.csv' | 'export.timesheetPdf', body: unknown): Promise<ExportResult> {
  const reply = await send(`/api/call/${call}`, { method: 'POST', headers: { Authorization: bearer, Origin: origin(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const envelope = JSON.parse(reply.body.toString('utf8')) as { ok: true; value: ExportResult } | { ok: false; error: { message: string } }
  if (!envelope.ok) throw new Error(envelope.error.message)
  return envelope.value
}

// A download is a plain navigation: no header, the one-time id in the address is its secret.
const download = (url: string, headers: Record<string, string> = {}) => send(url, { headers })

function parseStrict(body: Buffer): Record<string, string>[] {
  return parse(body, { bom: true, columns: true, relax_quotes: false, relax_column_count: false, skip_empty_lines: false, trim: false })
}

async function insertEntries(descriptions: readonly string[]): Promise<void> {
  const me = await readLocalUserId(core.store.db)
  const insert = core.store.sqlite.prepare(
    `INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at, deleted_at)
     VALUES (?, ?, '2026-11-16', NULL, NULL, 1, ?, 'manual', 5400, 5400, 'draft', ?, ?, NULL)`,
  )
  descriptions.forEach((description, index) => insert.run(`0190e000-0000-7000-8000-${String(index).padStart(12, '0')}`, me, description, T0, T0))
}

const ENTRIES = { what: { kind: 'entries', from: '2026-11-01', to: '2026-11-30' } }

describe('a CSV export in the browser host is a one-time download', () => {
  it('the call answers with a same-origin address; the download reads back field by field', async () => {
    const descriptions = ['say "hi", then leave', 'one\r\ntwo', '🚀 emoji', '=1+1', '-3 h travel', '@admin', '\ttab', 'plain']
    await insertEntries(descriptions)
    const answer = await exportCall({ ...ENTRIES, bom: true })
    expect(answer).toEqual({ status: 'download', url: expect.stringMatching(/^\/api\/export\/[\w-]{43}$/) as string, fileName: 'stint-entries-2026-11-01-to-2026-11-30.csv' })
    if (answer.status !== 'download') return
    const reply = await download(answer.url)
    expect(reply.status).toBe(200)
    expect(reply.complete).toBe(true)
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(reply.headers['content-disposition']).toBe(`attachment; filename="stint-entries-2026-11-01-to-2026-11-30.csv"; filename*=UTF-8''stint-entries-2026-11-01-to-2026-11-30.csv`)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const rows = parseStrict(reply.body)
    expect(rows.map((row) => row['description'])).toEqual(['say "hi", then leave', 'one\r\ntwo', '🚀 emoji', "'=1+1", "'-3 h travel", "'@admin", "'\ttab", 'plain'])
    expect(rows.every((row) => row['hours'] === '1.50' && row['minutes'] === '90' && row['date'] === '2026-11-16')).toBe(true)
  })

  it('works once', async () => {
    const answer = await exportCall(ENTRIES)
    if (answer.status !== 'download') throw new Error('no download')
    expect((await download(answer.url)).status).toBe(200)
    const again = await download(answer.url)
    expect(again.status).toBe(404)
    expect(again.body.toString()).toMatch(/expired or was already used.*Export again/)
  })

  it(`expires after ${DOWNLOAD_TTL_MS / 1000} seconds`, async () => {
    const early = await exportCall(ENTRIES)
    const late = await exportCall(ENTRIES)
    if (early.status !== 'download' || late.status !== 'download') throw new Error('no download')
    clock.advance(DOWNLOAD_TTL_MS - 1)
    expect((await download(early.url)).status).toBe(200)
    clock.advance(1)
    const reply = await download(late.url)
    expect([reply.status, reply.headers['content-type']]).toEqual([404, 'text/plain; charset=utf-8'])
    expect(downloads.size).toBe(0)
  })

  it('is its own secret, handed out only to a call with the launch secret; another address or origin does not use the link up', async () => {
    expect((await send('/api/call/export.csv', { method: 'POST', headers: { Origin: origin(), 'Content-Type': 'application/json' }, body: JSON.stringify(ENTRIES) })).status).toBe(401)
    const answer = await exportCall(ENTRIES)
    if (answer.status !== 'download') throw new Error('no download')
    expect(answer.url).toMatch(/^\/api\/export\/[A-Za-z0-9_-]{43}$/)
    expect((await download(answer.url, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await send(answer.url, { headers: { Host: 'evil.example' } })).status).toBe(421)
    expect((await download(answer.url)).status).toBe(200)
  })

  it('a file that is not CSV (the printed timesheet) goes out with its own content type', async () => {
    const answer = await exportCallTo('export.timesheetPdf', { day: '2026-11-16', language: 'en' })
    expect(answer).toEqual({ status: 'download', url: expect.stringMatching(/^\/api\/export\/[\w-]{43}$/) as string, fileName: 'stint-timesheet-2026-11-16-to-2026-11-22.pdf' })
    if (answer.status !== 'download') return
    const reply = await download(answer.url)
    expect([reply.status, reply.complete, reply.headers['content-type']]).toEqual([200, true, 'application/pdf'])
    expect(reply.headers['content-disposition']).toMatch(/^attachment; filename="stint-timesheet-2026-11-16-to-2026-11-22\.pdf"/)
    expect(reply.body.subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('an unknown id is a plain 404', async () => {
    const reply = await download(`/api/export/${'A'.repeat(43)}`)
    expect([reply.status, reply.body.toString()]).toEqual([404, expect.stringMatching(/expired or was already used/) as string])
  })

  it('a failure halfway cuts the response off, so the browser marks the download failed', async () => {
    function* failing() {
      for (let n = 0; n < 20_000; n++) yield { n: String(n), text: 'x'.repeat(20) }
      throw new Error('the database went away')
    }
    const job: CsvJob = {
      fileName: 'stint-entries.csv',
      bom: false,
      dialect: MACHINE_DIALECT,
      body: rowsBody(
        [
          { key: 'n', header: 'n' },
          { key: 'text', header: 'text' },
        ],
        failing,
      ),
    }
    const answer = await downloads.deliver(job)
    if (answer.status !== 'download') throw new Error('no download')
    const reply = await download(answer.url)
    expect(reply.status).toBe(200)
    expect(reply.body.length).toBeGreaterThan(64 * 1024)
    expect(reply.complete).toBe(false)
  })

  it('a failure before the first byte is an error page with the reason', async () => {
    const job: CsvJob = {
      fileName: 'stint-entries.csv',
      bom: false,
      dialect: MACHINE_DIALECT,
      body: {
        kind: 'bytes',
        open: () => Promise.reject(new (class extends Error {})('boom')),
      },
    }
    const answer = await downloads.deliver(job)
    if (answer.status !== 'download') throw new Error('no download')
    const reply = await download(answer.url)
    expect([reply.status, reply.body.toString()]).toEqual([500, 'The export could not be made; nothing was downloaded. The details are in the log.'])
  })

  it('closes the row source when the browser goes away', async () => {
    let closed = false
    function* endless() {
      try {
        for (let n = 0; ; n++) yield { n: String(n) }
      } finally {
        closed = true
      }
    }
    const answer = await downloads.deliver({ fileName: 'x.csv', bom: false, dialect: MACHINE_DIALECT, body: rowsBody([{ key: 'n', header: 'n' }], endless) })
    if (answer.status !== 'download') throw new Error('no download')
    const reply = await send(answer.url, { onData: (req) => req.destroy() })
    expect(reply.complete).toBe(false)
    await expect.poll(() => closed).toBe(true)
  })

  it('the team’s time without a team server is refused by the call itself', async () => {
    await expect(exportCall({ ...ENTRIES, scope: 'team' })).rejects.toThrow(/team server/)
    expect(downloads.size).toBe(0)
  })
})
