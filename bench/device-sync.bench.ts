// npm run bench -- bench/device-sync.bench.ts — a device back after a week offline with
// 10,000 changes syncs with a team server on PostgreSQL (durability on: fsync,
// synchronous_commit): the whole round, outbox → push → pull back, against the server's
// own time for the same push alone (the very batches the device sent, straight over
// HTTP into a fresh database on the same cluster), in the same run. Target ≤ 2×.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { it } from 'vitest'
import type { Mutation } from '@shared/sync'
import { FakeClock } from '../src/main/clock'
import { createCore } from '../src/main/core'
import { silentLogger } from '../src/main/logger'
import { readLocalUserId } from '../src/main/profile'
import { MemorySettingsStore } from '../src/main/settings/settings-store'
import { httpTransport, type SyncTransport } from '../src/main/sync/transport'
import { ManualScheduler } from '../src/main/timers/scheduler'
import { buildServerApp } from '../src/server/app'
import { openServerDatabase } from '../src/server/db/open'
import { silentLogger as serverLogger } from '../src/server/logger'
import { OrgService } from '../src/server/org/org-service'
import { DeviceTokens } from '../src/server/org/tokens'
import { hasPostgres, startPostgres, type RunningPostgres } from '../tests/support/postgres'

const CHANGES = 10_000

/** A fresh organisation database on the cluster, served over HTTP; its member's token. */
async function teamServer(cluster: RunningPostgres, dataDir: string): Promise<{ url: string; token: string; close: () => Promise<void> }> {
  const opened = await openServerDatabase({ url: await cluster.createDatabase(), dataDir })
  const org = new OrgService(opened.db, () => Date.now())
  await org.initOrganisation({ name: 'Bench', adminName: 'Ana', adminEmail: 'ana@example.com' })
  await org.addUser({ name: 'Tess', email: 'tess@example.com', role: 'member' })
  const token = (await new DeviceTokens(opened.db, () => Date.now()).issueToken({ user: 'tess@example.com', label: 'bench' })).token
  const app = buildServerApp({ db: opened.db, clock: () => Date.now(), logger: serverLogger })
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    url,
    token,
    close: async () => {
      await app.close()
      await opened.close()
    },
  }
}

/** A transport that keeps a copy of every batch it pushes. */
function recording(transport: SyncTransport, pushed: Mutation[][], spent: { push: number; pull: number }): SyncTransport {
  return {
    ...transport,
    push: async (request) => {
      pushed.push(request.mutations)
      const started = performance.now()
      try {
        return await transport.push(request)
      } finally {
        spent.push += performance.now() - started
      }
    },
    pull: async (after, limit) => {
      const started = performance.now()
      try {
        return await transport.pull(after, limit)
      } finally {
        spent.pull += performance.now() - started
      }
    },
  }
}

it(`a device back with ${CHANGES.toLocaleString('en')} changes syncs, against the server's push alone`, async () => {
  if (!hasPostgres()) {
    console.log('Device sync benchmark skipped: no PostgreSQL binaries.')
    return
  }
  const cluster = await startPostgres({ durable: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-bench-device-sync-'))
  try {
    // The device, with its first sync done (the organisation's reference data is here).
    const server = await teamServer(cluster, dataDir)
    const pushed: Mutation[][] = []
    const spent = { push: 0, pull: 0 }
    const clock = new FakeClock(Date.UTC(2026, 11, 3, 9, 0, 0), 'Europe/Berlin')
    const core = await createCore({
      dataDir: join(dataDir, 'device'),
      clock,
      logger: silentLogger,
      settings: new MemorySettingsStore(),
      scheduler: new ManualScheduler(() => clock.now()),
      host: 'web',
      version: '0.0.0-bench',
      transportFor: (url, token) => recording(httpTransport(url, token), pushed, spent),
    })
    let deviceMs: number
    let batches: Mutation[][]
    try {
      await core.team.connect(server.url, server.token)
      await core.sync.syncNow()
      pushed.length = 0
      spent.push = 0
      spent.pull = 0
      // A week offline: ten thousand new entries, each a change waiting in the outbox (written by the triggers).
      const user = await readLocalUserId(core.store.db)
      await sql`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${CHANGES})
        INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, timer_id, time_zone, created_at, updated_at, deleted_at)
        SELECT 'offline-' || i, ${user}, date('2026-01-05', '+' || (i % 300) || ' days'), NULL, NULL, 1, 'Offline work', 'grid', 600, 600, 'draft', NULL, NULL, 1, 1, NULL FROM n`.execute(core.store.db)

      const started = performance.now()
      const status = await core.sync.syncNow()
      deviceMs = performance.now() - started
      if (status.pending !== 0 || status.issues !== 0) throw new Error(`the sync did not finish cleanly: ${JSON.stringify(status)}`)
      batches = [...pushed]
    } finally {
      await core.close()
      await server.close()
    }

    // The baseline: the server taking the same batches, sent one after another over HTTP, into a fresh database.
    const fresh = await teamServer(cluster, dataDir)
    let serverMs: number
    try {
      const transport = httpTransport(fresh.url, fresh.token)
      // The connection pool and plans, as the device's first sync warmed them.
      await transport.me()
      await transport.push({ deviceId: 'warm-up', mutations: [{ id: 'warm-up', type: 'entry.put', baseVersion: null, entry: { id: 'warm-up', day: '2026-01-05', workItemId: null, activityTypeId: null, billable: true, description: 'Warm-up', source: 'grid', rawSeconds: 60, roundedSeconds: 60, updatedAt: 1, deletedAt: null } }] })
      const started = performance.now()
      for (const mutations of batches) await transport.push({ deviceId: 'bench', mutations })
      serverMs = performance.now() - started
    } finally {
      await fresh.close()
    }

    const ratio = deviceMs / serverMs
    const sent = batches.reduce((n, b) => n + b.length, 0)
    console.log(
      [
        '',
        `A device back with ${CHANGES.toLocaleString('en')} changes, team server on PostgreSQL with fsync and synchronous_commit on:`,
        `  the server's push alone (${batches.length} batches, ${sent.toLocaleString('en')} mutations, over HTTP): ${serverMs.toFixed(0)} ms   (baseline)`,
        `  the device's sync (outbox → push → pull back):                       ${deviceMs.toFixed(0)} ms`,
        `    of which waiting for the server: pushes ${spent.push.toFixed(0)} ms, pulls ${spent.pull.toFixed(0)} ms; on the device ${(deviceMs - spent.push - spent.pull).toFixed(0)} ms`,
        `${ratio <= 2 ? 'ok  ' : 'MISS'}  ratio ${ratio.toFixed(2)}   target ≤ 2`,
        '',
      ].join('\n'),
    )
  } finally {
    await cluster.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 900_000)
