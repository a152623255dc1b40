// The built browser host as a real child process: its first line, its refusals of
// bad databases and bad options, and its data surviving a SIGKILL.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HOST_SCRIPT, ROOT, startHost } from '../support/web-host'

let dataDir: string
beforeAll(() => {
  if (!existsSync(HOST_SCRIPT)) throw new Error(`${HOST_SCRIPT} is missing: run \`npm run build\` (npm test does it for you).`)
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-host-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

async function api(host: { origin: string; token: string }, name: string, body: unknown): Promise<{ status: number; json: unknown }> {
  // The way the page calls: the launch secret in the Authorization header.
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

function runHost(args: string[]) {
  return spawnSync(process.execPath, [HOST_SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 })
}

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('npm run web', () => {
  it('prints the URL to open as its first line, on 127.0.0.1 with a long random token', async () => {
    const host = await startHost(dataDir)
    try {
      expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
      // Set apart on stderr, under the start-up lines: where to go, where the data is, how to stop.
      await expect.poll(() => host.stderr()).toContain('Stint is ready. Open the address above in your browser')
      expect(host.stderr()).toContain(`Data in ${dataDir}. Ctrl+C stops it.`)
      // One line for the new database, not one per migration.
      expect(host.stderr().match(/schema/g)).toHaveLength(1)
      const otherDir = mkdtempSync(join(tmpdir(), 'stint-host-'))
      const other = await startHost(otherDir)
      expect(other.token).not.toBe(host.token)
      await other.stop()
      rmSync(otherDir, { recursive: true, force: true })
    } finally {
      await host.stop()
    }
  })

  it('keeps running timers through a crash (SIGKILL) and a restart', async () => {
    const host = await startHost(dataDir)
    expect((await api(host, 'timers.start', { slot: 2 })).status).toBe(200)
    expect((await api(host, 'timers.start', { slot: 8 })).status).toBe(200)
    expect((await api(host, 'timers.stop', { slot: 8 })).status).toBe(200)
    await host.stop('SIGKILL')

    const again = await startHost(dataDir)
    try {
      const { json } = await api(again, 'timers.list', {})
      const timers = (json as { value: { slot: number; state: string }[] }).value
      expect(timers.filter((t) => t.state === 'running').map((t) => t.slot)).toEqual([2])
    } finally {
      await again.stop()
    }
  })

  it('after a crash (SIGKILL) with timers running, a restart much later restores them and asks about the gap', async () => {
    const host = await startHost(dataDir)
    const before = Date.now()
    await api(host, 'timers.start', { slot: 2 })
    await api(host, 'timers.start', { slot: 5 })
    const after = Date.now()
    await host.stop('SIGKILL')

    const tenMinutes = 10 * 60_000
    const again = await startHost(dataDir, [], { STINT_TEST_CLOCK_OFFSET_MS: String(tenMinutes) })
    try {
      const timers = (await api(again, 'timers.list', {})).json as { value: { slot: number; state: string; runningSince: number }[] }
      expect(timers.value.filter((t) => t.state === 'running').map((t) => t.slot)).toEqual([2, 5])
      const prompts = (await api(again, 'prompts.list', {})).json as { value: { kind: string; slot: number; fromAt: number; toAt: number }[] }
      expect(prompts.value.map((p) => [p.kind, p.slot])).toEqual([
        ['crash-gap', 2],
        ['crash-gap', 5],
      ])
      for (const prompt of prompts.value) {
        // The gap runs from the last heartbeat (written with the last start) to the restart.
        expect(prompt.fromAt).toBeGreaterThanOrEqual(before)
        expect(prompt.fromAt).toBeLessThanOrEqual(after)
        expect(prompt.toAt - prompt.fromAt).toBeGreaterThanOrEqual(tenMinutes)
      }
    } finally {
      await again.stop()
    }
  })

  it('refuses a data file that is not a database, says so, and leaves it untouched', () => {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, 'stint.sqlite')
    writeFileSync(file, 'not a database at all\n')
    const before = digest(file)
    const result = runHost(['--port', '0', '--data-dir', dataDir])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('is not a SQLite database')
    expect(digest(file)).toBe(before)
  })

  it('refuses a database from a newer Stint, says so, and leaves it untouched', async () => {
    const first = await startHost(dataDir)
    await first.stop()
    const file = join(dataDir, 'stint.sqlite')
    const raw = new SqliteDatabase(file)
    raw.pragma('user_version = 99')
    raw.close()
    const before = digest(file)
    const result = runHost(['--port', '0', '--data-dir', dataDir])
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('was written by a newer Stint (schema 99')
    expect(digest(file)).toBe(before)
  })

  it('says a port is taken before it makes or opens the data folder', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    const fresh = join(dataDir, 'not-yet')
    try {
      const result = runHost(['--port', String(port), '--data-dir', fresh])
      expect(result.status).toBe(1)
      expect(result.stderr.trim()).toBe(`Stint could not listen on 127.0.0.1:${port}: another program is using that port; choose another with --port, or leave --port out for any free one. Nothing was started and the data folder was not touched.`)
      expect(existsSync(fresh)).toBe(false)
    } finally {
      taken.close()
    }
  })

  it('explains a bad option instead of starting', () => {
    const result = runHost(['--port', 'eighty', '--data-dir', dataDir])
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--port must be a whole number from 0 to 65535, not "eighty"')
  })
})
