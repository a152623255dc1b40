// The team server stopped the way systemd, a container runtime or a deploy stops it:
// SIGTERM while a device's push is on its way in. The push is finished and answered,
// its rows are committed, a request that arrives after the signal is told to come back
// (503 with Retry-After, or no connection at all), and the process exits 0 promptly.
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { PushResponseSchema } from '@shared/sync'
import { openServerDatabase } from '../../src/server/db/open'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { buildServerBundle, startServerProcess } from '../support/server-process'

const ENTRIES = 500

const entry = (i: number) => ({
  id: newId(),
  type: 'entry.put',
  baseVersion: null,
  entry: { id: newId(), day: `2026-0${1 + (i % 9)}-1${i % 10}`, workItemId: null, activityTypeId: null, billable: true, description: `call ${i}`, source: 'grid', rawSeconds: 900, roundedSeconds: 900, updatedAt: 1, deletedAt: null },
})

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/** Reads every HTTP/1.1 response the server writes on one socket until it closes it. */
function responsesOn(socket: Socket): Promise<RawResponse[]> {
  return new Promise((resolve, reject) => {
    let raw = Buffer.alloc(0)
    socket.on('data', (chunk: Buffer) => (raw = Buffer.concat([raw, chunk])))
    socket.on('error', reject)
    socket.on('close', () => {
      const responses: RawResponse[] = []
      while (raw.length > 0) {
        const headEnd = raw.indexOf('\r\n\r\n')
        if (headEnd < 0) break
        const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n')
        const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
        const length = Number(headers['content-length'] ?? 0)
        responses.push({ status: Number(statusLine.split(' ')[1]), headers, body: raw.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8') })
        raw = raw.subarray(headEnd + 4 + length)
      }
      resolve(responses)
    })
  })
}

describe('the team server on SIGTERM', () => {
  let bundle: Awaited<ReturnType<typeof buildServerBundle>>
  let dataDir: string
  let token: string
  beforeAll(async () => {
    bundle = await buildServerBundle()
    dataDir = mkdtempSync(join(tmpdir(), 'stint-server-sigterm-'))
    const opened = await openServerDatabase({ dataDir })
    await new OrgService(opened.db, () => Date.now()).initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
    token = (await new DeviceTokens(opened.db, () => Date.now()).issueToken({ user: 'ana@example.com', label: 'laptop' })).token
    await opened.close()
  }, 120_000)
  afterAll(() => {
    bundle.remove()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('finishes the push in flight, sends later requests away with 503 and Retry-After, and exits 0 within seconds', async () => {
    const server = await startServerProcess(bundle.entry, { dataDir })
    const { hostname, port } = new URL(server.url)
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => server.child.once('exit', (code) => resolve({ code, at: Date.now() })))

    // A push of 500 entries: the headers and half the body now, the rest after the signal.
    const body = Buffer.from(JSON.stringify({ deviceId: 'ana-laptop', mutations: Array.from({ length: ENTRIES }, (_, i) => entry(i)) }))
    const socket = connect(Number(port), hostname)
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    const answers = responsesOn(socket)
    socket.write(`POST /v1/sync/push HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    const half = Math.floor(body.length / 2)
    socket.write(body.subarray(0, half))
    await new Promise((r) => setTimeout(r, 300))

    const signalledAt = Date.now()
    server.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 300))
    // A new connection now finds nobody listening: the load balancer sends it to the next process.
    await expect(fetch(`${server.url}/v1/health`)).rejects.toThrow()
    // The rest of the push, and right behind it on the same connection another request.
    socket.write(body.subarray(half))
    socket.write(`GET /v1/health HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`)

    const [push, after] = await answers
    expect(push?.status).toBe(200)
    const results = PushResponseSchema.parse(JSON.parse(push?.body ?? '')).results
    expect(results).toHaveLength(ENTRIES)
    expect(results.every((r) => r.status === 'applied')).toBe(true)
    expect(after?.status).toBe(503)
    expect(after?.headers['retry-after']).toBe('1')

    const { code, at } = await exited
    expect(code).toBe(0)
    expect(at - signalledAt).toBeLessThan(5000)

    const opened = await openServerDatabase({ dataDir })
    try {
      expect((await opened.db.selectFrom('time_entries').select('id').execute()).length).toBe(ENTRIES)
    } finally {
      await opened.close()
    }
  }, 60_000)
})
