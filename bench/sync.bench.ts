// npm run bench — team sync on a real PostgreSQL (a throwaway cluster) through the real
// HTTP server. Printed beside targets, as ratios against baselines measured in the same
// run; nothing here fails a build.
//  1. A device pushes 10,000 draft entries in 500-entry batches, on a PostgreSQL with its
//     durability on (fsync, synchronous_commit): time, and the ratio to ONE hand-written
//     `INSERT … SELECT FROM unnest(…)` of the same rows into the same database (target ≤ 2),
//     and the CPU of 20 pushes of 100 entries each (process.cpuUsage around them; the
//     server runs in this process, so the client's share of JSON is in it too).
//     Replaying every batch adds zero rows. The same push with four timer runs per entry,
//     for what carrying runs costs.
//  2. A pull of 100 changes after a cursor, with 1,000 versus 1,000,000 rows of history
//     in the table (target ratio ≤ 1.5).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { it } from 'vitest'
import { addDays } from '@shared/periods'
import type { Mutation } from '@shared/sync'
import { newId } from '@shared/ids'
import { buildServerApp } from '../src/server/app'
import { openServerDatabase, type OpenedServerDatabase } from '../src/server/db/open'
import { silentLogger } from '../src/server/logger'
import { OrgService } from '../src/server/org/org-service'
import { DeviceTokens } from '../src/server/org/tokens'
import { httpTransport } from '../src/main/sync/transport'
import { hasPostgres, startPostgres } from '../tests/support/postgres'

const ENTRIES = 10_000
const BATCH = 500
const SMALL_BATCH = 100

function row(label: string, measured: string, target: string, ok: boolean): string {
  return `${ok ? 'ok  ' : 'MISS'}  ${label.padEnd(58)} ${measured.padStart(16)}   target ${target}`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

async function organisation(opened: OpenedServerDatabase): Promise<{ token: string; userId: string }> {
  const org = new OrgService(opened.db, () => Date.now())
  await org.initOrganisation({ name: 'Bench', adminName: 'Ana', adminEmail: 'ana@example.com' })
  await org.addUser({ name: 'Tess', email: 'tess@example.com', role: 'member' })
  const token = (await new DeviceTokens(opened.db, () => Date.now()).issueToken({ user: 'tess@example.com', label: 'bench' })).token
  const user = await opened.db.selectFrom('users').select('id').where('email', '=', 'tess@example.com').executeTakeFirstOrThrow()
  return { token, userId: user.id }
}

/** Four timer runs on `day` (08:00–12:00 UTC, a quarter hour each, paused between), in Berlin. */
function runsOf(day: string) {
  const start = Date.parse(`${day}T08:00:00Z`)
  return Array.from({ length: 4 }, (_, n) => ({ startedAt: start + n * 3_600_000, endedAt: start + n * 3_600_000 + 900_000, zone: 'Europe/Berlin', primary: n === 0 }))
}

function entryMutations(count: number, prefix: string): Mutation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: newId(),
    type: 'entry.put' as const,
    baseVersion: null,
    entry: { id: `${prefix}-${i}`, day: addDays('2020-01-01', i % 2000), workItemId: null, activityTypeId: null, billable: true, description: 'Bench entry', source: 'grid' as const, rawSeconds: 600, roundedSeconds: 600, updatedAt: 1, deletedAt: null },
  }))
}

it('sync on PostgreSQL: push 10,000 drafts, replay, and pulls against history size', async () => {
  if (!hasPostgres()) {
    console.log('Sync benchmark skipped: no PostgreSQL binaries.')
    return
  }
  const cluster = await startPostgres({ durable: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-bench-sync-'))
  const lines: string[] = ['', 'Team sync on PostgreSQL (durable), through the HTTP server:']
  try {
    // 1. Push against one batched INSERT.
    {
      const opened = await openServerDatabase({ url: await cluster.createDatabase(), dataDir })
      const { token, userId } = await organisation(opened)
      const app = buildServerApp({ db: opened.db, clock: () => Date.now(), logger: silentLogger })
      const url = await app.listen({ host: '127.0.0.1', port: 0 })
      try {
        const transport = httpTransport(url, token)
        const mutations = entryMutations(ENTRIES, 'push')
        const batches: Mutation[][] = []
        for (let i = 0; i < mutations.length; i += BATCH) batches.push(mutations.slice(i, i + BATCH))
        // Warm the connection pool and plans with a small push first.
        await transport.push({ deviceId: 'bench', mutations: entryMutations(50, 'warm') })

        const pushStarted = performance.now()
        for (const batch of batches) await transport.push({ deviceId: 'bench', mutations: batch })
        const pushMs = performance.now() - pushStarted

        const small = Array.from({ length: 20 }, (_, n) => entryMutations(SMALL_BATCH, `small-${n}`))
        const cpuBefore = process.cpuUsage()
        for (const batch of small) await transport.push({ deviceId: 'bench', mutations: batch })
        const cpu = process.cpuUsage(cpuBefore)
        const cpuPerPush = (cpu.user + cpu.system) / 1000 / small.length

        const count = async () => Number((await opened.db.selectFrom('time_entries').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)
        const beforeReplay = await count()
        const replayStarted = performance.now()
        for (const batch of batches) await transport.push({ deviceId: 'bench', mutations: batch })
        const replayMs = performance.now() - replayStarted
        const added = (await count()) - beforeReplay

        // The same push with each entry's timer runs (four each): what carrying runs costs.
        const timed = entryMutations(ENTRIES, 'timed').map((m) => (m.type === 'entry.put' ? { ...m, entry: { ...m.entry, source: 'timer' as const, runs: runsOf(m.entry.day) } } : m))
        const runsStarted = performance.now()
        for (let i = 0; i < timed.length; i += BATCH) await transport.push({ deviceId: 'bench', mutations: timed.slice(i, i + BATCH) })
        const runsMs = performance.now() - runsStarted

        // The baseline: the same rows in ONE hand-written statement, arrays unnested server-side, one transaction.
        const entries = mutations.flatMap((m) => (m.type === 'entry.put' ? [m.entry] : []))
        const insertStarted = performance.now()
        await sql`
          INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, version, seq, created_at, updated_at, deleted_at)
          SELECT 'insert-' || t.id, ${userId}, t.day, NULL, NULL, 1, t.description, 'grid', t.raw, t.rounded, 'draft', 1, 1000000 + t.n, 1, 1, NULL
          FROM unnest(${entries.map((e) => e.id)}::text[], ${entries.map((e) => e.day)}::text[], ${entries.map((e) => e.description)}::text[], ${entries.map((e) => e.rawSeconds)}::bigint[], ${entries.map((e) => e.roundedSeconds)}::bigint[], ${entries.map((_, i) => i)}::bigint[])
            AS t(id, day, description, raw, rounded, n)`.execute(opened.db)
        const insertMs = performance.now() - insertStarted
        const ratio = pushMs / insertMs
        lines.push(
          row(`one INSERT … SELECT FROM unnest of ${ENTRIES.toLocaleString('en')} rows`, `${insertMs.toFixed(0)} ms`, '(baseline)', true),
          row(`push of ${ENTRIES.toLocaleString('en')} drafts, ${batches.length} batches over HTTP`, `${pushMs.toFixed(0)} ms`, `ratio ${ratio.toFixed(2)} ≤ 2`, ratio <= 2),
          row(`CPU per ${SMALL_BATCH}-entry push (server and client, one process)`, `${cpuPerPush.toFixed(1)} ms`, '≤ 8 ms (half of 14–17)', cpuPerPush <= 8),
          row('replaying every batch: rows added', String(added), '0', added === 0),
          row('replaying every batch: time', `${replayMs.toFixed(0)} ms`, '(for reference)', true),
          row(`push of ${ENTRIES.toLocaleString('en')} timer entries with 4 runs each`, `${runsMs.toFixed(0)} ms`, `${(runsMs / pushMs).toFixed(2)} × the push without runs (for reference)`, true),
        )
      } finally {
        await app.close()
        await opened.close()
      }
    }

    // 2. Pulls of 100 changes with small and large history.
    const pullWith = async (history: number): Promise<number> => {
      const opened = await openServerDatabase({ url: await cluster.createDatabase(), dataDir })
      const { token, userId } = await organisation(opened)
      // History: old rows of this user and of 49 others, written straight in (generating a million through the API would take minutes).
      await sql`
        INSERT INTO users (id, name, email, role, created_at, updated_at)
        SELECT 'other-' || g, 'Other ' || g, 'other' || g || '@example.com', 'member', 0, 0 FROM generate_series(1, 49) g`.execute(opened.db)
      await sql`
        INSERT INTO time_entries (id, user_id, day, billable, description, source, raw_seconds, rounded_seconds, status, version, seq, created_at, updated_at)
        SELECT 'h-' || g, CASE WHEN g % 50 = 0 THEN ${userId} ELSE 'other-' || (g % 50) END, '2021-01-04', 1, '', 'grid', 600, 600, 'approved', 1, g, 0, 0
        FROM generate_series(1, ${history}) g`.execute(opened.db)
      await sql`UPDATE org SET change_seq = ${history}`.execute(opened.db)
      await sql`INSERT INTO change_streams (user_id, change_seq) SELECT id, ${history} FROM users`.execute(opened.db)
      await sql`ANALYZE`.execute(opened.db)
      const app = buildServerApp({ db: opened.db, clock: () => Date.now(), logger: silentLogger })
      const url = await app.listen({ host: '127.0.0.1', port: 0 })
      try {
        const transport = httpTransport(url, token)
        await transport.push({ deviceId: 'bench', mutations: entryMutations(100, 'recent') })
        await transport.pull(String(history), 100) // warm
        const samples: number[] = []
        for (let i = 0; i < 30; i++) {
          const started = performance.now()
          const page = await transport.pull(String(history), 100)
          samples.push(performance.now() - started)
          if (page.entries.length !== 100) throw new Error(`expected 100 changes, got ${page.entries.length}`)
        }
        return median(samples)
      } finally {
        await app.close()
        await opened.close()
      }
    }
    const small = await pullWith(1_000)
    const large = await pullWith(1_000_000)
    const ratio = large / small
    lines.push(
      row('pull of 100 changes, 1,000 rows of history (median)', `${small.toFixed(2)} ms`, '(baseline)', true),
      row('pull of 100 changes, 1,000,000 rows of history (median)', `${large.toFixed(2)} ms`, `ratio ${ratio.toFixed(2)} ≤ 1.5`, ratio <= 1.5),
      '',
    )
    console.log(lines.join('\n'))
  } finally {
    await cluster.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 900_000)
