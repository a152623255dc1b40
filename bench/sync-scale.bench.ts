// npm run bench -- bench/sync-scale.bench.ts — pushes of many people at once, on a real
// PostgreSQL with its durability on (fsync, synchronous_commit), through the real HTTP
// server: 20 devices of 20 people each pushing 100-entry batches at once, against one
// device alone in the same run. Printed: requests/s, the ratio, p95 latency, and the
// share of the server's busy database connections that were waiting on a lock, sampled
// from pg_stat_activity every 10 ms. Once with one server process, once with two on the
// same database. The clients are cheap (bodies serialised ahead, keep-alive, answers
// checked, not schema-parsed), alike in both runs. Nothing here fails a build.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { it } from 'vitest'
import { addDays } from '@shared/periods'
import { newId } from '@shared/ids'
import type { Mutation } from '@shared/sync'
import { openServerDatabase } from '../src/server/db/open'
import { OrgService } from '../src/server/org/org-service'
import { DeviceTokens } from '../src/server/org/tokens'
import { hasPostgres, startPostgres } from '../tests/support/postgres'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../tests/support/server-process'

const PEOPLE = 20
const BATCH = 100
const PUSHES_ALONE = 40
const PUSHES_EACH = 12

function row(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(62)} ${measured.padStart(14)}   target ${target}`
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? Number.NaN

function batch(prefix: string, n: number): Mutation[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    id: newId(),
    type: 'entry.put' as const,
    baseVersion: null,
    entry: { id: `${prefix}-${n}-${i}`, day: addDays('2020-01-01', (n * BATCH + i) % 3000), workItemId: null, activityTypeId: null, billable: true, description: 'Bench entry', source: 'grid' as const, rawSeconds: 600, roundedSeconds: 600, updatedAt: 1, deletedAt: null },
  }))
}

/** Samples pg_stat_activity every 10 ms: of the server's connections running a statement, how many wait on a lock. */
function lockSampler(url: string) {
  const client = new pg.Client({ connectionString: url })
  let busy = 0
  let waiting = 0
  let running = true
  const loop = (async () => {
    await client.connect()
    while (running) {
      const { rows } = await client.query<{ busy: string; waiting: string }>(
        `SELECT count(*) FILTER (WHERE state <> 'idle') AS busy, count(*) FILTER (WHERE state <> 'idle' AND wait_event_type = 'Lock') AS waiting
         FROM pg_stat_activity WHERE application_name = 'stint-server' AND pid <> pg_backend_pid()`,
      )
      busy += Number(rows[0]?.busy ?? 0)
      waiting += Number(rows[0]?.waiting ?? 0)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await client.end()
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return busy === 0 ? 0 : waiting / busy
    },
  }
}

/**
 * Each device pushes its batches one after another. The clients are kept cheap, alike in
 * both runs, so the two cores go to the server and the database: every body is made and
 * serialised before the clock starts, connections are kept alive (fetch's default), and
 * an answer is checked, not parsed with the schemas.
 */
async function run(urls: readonly string[], tokens: readonly string[], pushes: number, tag: string) {
  const bodies = tokens.map((_, d) => Array.from({ length: pushes }, (_, n) => JSON.stringify({ deviceId: `${tag}-${d}`, mutations: batch(`${tag}-${d}`, n) })))
  const latencies: number[] = []
  const started = performance.now()
  await Promise.all(
    tokens.map(async (token, d) => {
      const url = `${urls[d % urls.length] ?? ''}/v1/sync/push`
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
      for (const body of bodies[d] ?? []) {
        const t0 = performance.now()
        const response = await fetch(url, { method: 'POST', headers, body })
        const text = await response.text()
        latencies.push(performance.now() - t0)
        const results = response.ok ? (JSON.parse(text) as { results: { status: string }[] }).results : []
        if (results.length !== BATCH || results.some((r) => r.status !== 'applied')) throw new Error(`a bench push was not applied: ${response.status} ${text.slice(0, 300)}`)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  return { perSecond: latencies.length / seconds, p95: p95(latencies) }
}

it('pushes of 20 people at once against one alone, PostgreSQL durable', async () => {
  if (!hasPostgres()) {
    console.log('Sync scale benchmark skipped: no PostgreSQL binaries.')
    return
  }
  const cluster = await startPostgres({ durable: true })
  const bundle = await buildServerBundle()
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-bench-scale-'))
  const lines: string[] = ['', `Pushes of many people at once (PostgreSQL durable, ${BATCH}-entry batches, through HTTP):`]
  try {
    for (const processes of [1, 2]) {
      const url = await cluster.createDatabase()
      const opened = await openServerDatabase({ url, dataDir })
      const org = new OrgService(opened.db, () => Date.now())
      const issuer = new DeviceTokens(opened.db, () => Date.now())
      await org.initOrganisation({ name: 'Bench', adminName: 'Ana', adminEmail: 'ana@example.com' })
      const tokens: string[] = []
      for (let p = 0; p < PEOPLE; p++) {
        await org.addUser({ name: `Tech ${p}`, email: `tech${p}@example.com`, role: 'member' })
        tokens.push((await issuer.issueToken({ user: `tech${p}@example.com`, label: 'bench' })).token)
      }
      await opened.close()
      const servers: ServerProcess[] = []
      try {
        for (let i = 0; i < processes; i++) servers.push(await startServerProcess(bundle.entry, { dataDir, databaseUrl: url }))
        const urls = servers.map((s) => s.url)
        await run(urls, tokens, 2, 'warm') // connections, plans, JIT
        const alone = await run(urls, tokens.slice(0, 1), PUSHES_ALONE, 'alone')
        const sampler = lockSampler(url)
        const crowd = await run(urls, tokens, PUSHES_EACH, 'crowd')
        const waitingShare = await sampler.stop()
        const ratio = crowd.perSecond / alone.perSecond
        const where = processes === 1 ? 'one server process' : `${processes} server processes`
        lines.push(
          row(`${where}: 1 device alone, requests/s`, alone.perSecond.toFixed(1), '(baseline)', true),
          row(`${where}: 1 device alone, p95`, `${alone.p95.toFixed(0)} ms`, '(for reference)', true),
          row(`${where}: 20 devices of 20 people, requests/s`, crowd.perSecond.toFixed(1), `ratio ${ratio.toFixed(2)} ≥ 1.8`, ratio >= 1.8),
          row(`${where}: 20 devices, p95`, `${crowd.p95.toFixed(0)} ms`, '(for reference)', true),
          row(`${where}: busy connections waiting on a lock`, `${(waitingShare * 100).toFixed(1)} %`, '< 10 %', waitingShare < 0.1),
        )
      } finally {
        await Promise.all(servers.map((s) => s.stop()))
      }
    }
    lines.push('')
    console.log(lines.join('\n'))
  } finally {
    bundle.remove()
    await cluster.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 600_000)
