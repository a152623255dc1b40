// The team server as real processes: killed with SIGKILL in the middle of a push and
// started again, the device converges with nothing lost and nothing doubled (on SQLite
// and on PostgreSQL); two server processes on one PostgreSQL serve one user's two
// devices at once; and a device offline for a simulated week of edits and a submission
// syncs cleanly when the server is back.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '@shared/periods'
import type { RowKey } from '@shared/timesheet'
import { openServerDatabase, type OpenedServerDatabase } from '../../src/server/db/open'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { hasPostgres, postgresSuiteName } from '../support/postgres'
import { usePostgresCluster } from '../support/server-db'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../support/server-process'

const H = 3600
const MONDAY = '2026-11-16'
const postgres = usePostgresCluster()
let bundle: Awaited<ReturnType<typeof buildServerBundle>>
beforeAll(async () => {
  bundle = await buildServerBundle()
}, 120_000)
afterAll(() => bundle.remove())

interface Setup {
  dataDir: string
  databaseUrl: string | undefined
  db: OpenedServerDatabase
  tokens: { tess: string; tessSecond: string }
}

async function setUp(dialect: 'sqlite' | 'postgres'): Promise<Setup> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-proc-'))
  const databaseUrl = dialect === 'postgres' ? await (await postgres.cluster()).createDatabase() : undefined
  const db = await openServerDatabase({ url: databaseUrl, dataDir })
  const org = new OrgService(db.db, () => Date.now())
  await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
  await org.addUser({ name: 'Tess Tech', email: 'tess@example.com', role: 'member' })
  // A team whose pattern needs no approval: submitting approves at once (a member in no team could not submit).
  await org.addTeam({ name: 'Back office', pattern: 'none' })
  await org.addMember({ team: 'Back office', user: 'tess@example.com' })
  const tokens = new DeviceTokens(db.db, () => Date.now())
  return {
    dataDir,
    databaseUrl,
    db,
    tokens: { tess: (await tokens.issueToken({ user: 'tess@example.com', label: 'laptop' })).token, tessSecond: (await tokens.issueToken({ user: 'tess@example.com', label: 'desktop' })).token },
  }
}

const live = (s: Setup) => s.db.db.selectFrom('time_entries').select(['id', 'rounded_seconds']).where('deleted_at', 'is', null).execute()
const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }

/** `count` hand-entered cells over as many days (one a day, 15 minutes each), in one grid call per 100. */
async function fillDays(env: TempCore, count: number, seconds = 900) {
  const changes = Array.from({ length: count }, (_, i) => ({ day: addDays('2024-01-01', i), row, totalSeconds: seconds }))
  for (let i = 0; i < changes.length; i += 100) await env.core.timesheet.setCells(changes.slice(i, i + 100))
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const name = `killed with SIGKILL in the middle of a push [${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}]`
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(dialect === 'postgres' ? postgresSuiteName(name) : name, () => {
    let s: Setup
    let server: ServerProcess | null = null
    let device: TempCore
    beforeEach(async () => {
      s = await setUp(dialect)
      device = await openTempCore()
    }, 60_000)
    afterEach(async () => {
      await server?.stop()
      server = null
      await device.dispose()
      await s.db.close()
      rmSync(s.dataDir, { recursive: true, force: true })
    })

    it('the device converges after a restart: every entry once, nothing lost', async () => {
      const ENTRIES = 3000
      await fillDays(device, ENTRIES)
      server = await startServerProcess(bundle.entry, { dataDir: s.dataDir, ...(s.databaseUrl ? { databaseUrl: s.databaseUrl } : {}) })
      await device.core.team.connect(server.url, s.tokens.tess)
      const port = Number(new URL(server.url).port)

      // Start syncing, and kill the server as soon as the first batch has landed.
      const syncing = device.core.sync.syncNow()
      for (let i = 0; i < 400 && (await live(s)).length === 0; i++) await new Promise((r) => setTimeout(r, 5))
      const landed = (await live(s)).length
      await server.kill()
      server = null
      const status = await syncing
      expect(status.state).toBe('offline')
      expect(landed).toBeGreaterThan(0)
      expect(landed).toBeLessThan(ENTRIES) // really in the middle

      server = await startServerProcess(bundle.entry, { dataDir: s.dataDir, port, ...(s.databaseUrl ? { databaseUrl: s.databaseUrl } : {}) })
      const after = await device.core.sync.syncNow()
      expect([after.state, after.pending, after.issues]).toEqual(['synced', 0, 0])
      const rows = await live(s)
      expect(rows.length).toBe(ENTRIES)
      expect(new Set(rows.map((r) => r.id)).size).toBe(ENTRIES)
      expect(rows.every((r) => r.rounded_seconds === 900)).toBe(true)
    }, 120_000)
  })
}

describe.skipIf(!hasPostgres())(postgresSuiteName('two server processes on one PostgreSQL'), () => {
  let s: Setup
  let servers: ServerProcess[] = []
  let devices: TempCore[] = []
  beforeEach(async () => {
    s = await setUp('postgres')
    servers = await Promise.all([0, 1].map(() => startServerProcess(bundle.entry, { dataDir: s.dataDir, ...(s.databaseUrl ? { databaseUrl: s.databaseUrl } : {}) })))
    devices = await Promise.all([0, 1].map(() => openTempCore()))
  }, 60_000)
  afterEach(async () => {
    await Promise.all(servers.map((p) => p.stop()))
    await Promise.all(devices.map((d) => d.dispose()))
    await s.db.close()
    rmSync(s.dataDir, { recursive: true, force: true })
  })

  it('one user’s two devices push through different processes at once and both end with everything', async () => {
    const [laptop, desktop] = devices as [TempCore, TempCore]
    const [one, two] = servers as [ServerProcess, ServerProcess]
    await fillDays(laptop, 400, 600)
    const desktopDays = Array.from({ length: 400 }, (_, i) => ({ day: addDays('2025-06-01', i), row, totalSeconds: 1200 }))
    for (let i = 0; i < desktopDays.length; i += 100) await desktop.core.timesheet.setCells(desktopDays.slice(i, i + 100))
    await laptop.core.team.connect(one.url, s.tokens.tess)
    await desktop.core.team.connect(two.url, s.tokens.tessSecond)

    const [a, b] = await Promise.all([laptop.core.sync.syncNow(), desktop.core.sync.syncNow()])
    expect([a.state, b.state]).toEqual(['synced', 'synced'])
    // A second round each: what the other pushed meanwhile arrives, through the other process.
    await Promise.all([laptop.core.sync.syncNow(), desktop.core.sync.syncNow()])
    const count = async (env: TempCore) => (await env.core.store.db.selectFrom('time_entries').select('id').where('deleted_at', 'is', null).execute()).length
    expect(await count(laptop)).toBe(800)
    expect(await count(desktop)).toBe(800)
    expect((await live(s)).length).toBe(800)

    // The same entry changed through both processes at the same moment: one wins, the other is a conflict.
    const target = (await laptop.core.store.db.selectFrom('time_entries').select('day').where('rounded_seconds', '=', 600).orderBy('day').executeTakeFirstOrThrow()).day
    await laptop.core.timesheet.setCells([{ day: target, row, totalSeconds: 2 * H }])
    await desktop.core.timesheet.setCells([{ day: target, row, totalSeconds: 3 * H }])
    const [x, y] = await Promise.all([laptop.core.sync.syncNow(), desktop.core.sync.syncNow()])
    expect([x.issues, y.issues].sort()).toEqual([0, 1])
    const onServer = await s.db.db.selectFrom('time_entries').select(['rounded_seconds', 'version']).where('day', '=', target).where('deleted_at', 'is', null).execute()
    expect(onServer).toHaveLength(1)
    expect([2 * H, 3 * H]).toContain(onServer[0]?.rounded_seconds)
  }, 120_000)
})

for (const dialect of ['sqlite', 'postgres'] as const) {
  const weekName = `a device offline for a week [${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}]`
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(dialect === 'postgres' ? postgresSuiteName(weekName) : weekName, () => {
    let s: Setup
    let server: ServerProcess | null = null
    let device: TempCore
    beforeEach(async () => {
      s = await setUp(dialect)
      device = await openTempCore()
    }, 60_000)
    afterEach(async () => {
      await server?.stop()
      await device.dispose()
      await s.db.close()
      rmSync(s.dataDir, { recursive: true, force: true })
    })

    it('keeps working, queues a week of edits and a submission, and syncs them cleanly when the server is back', async () => {
      const database = s.databaseUrl ? { databaseUrl: s.databaseUrl } : {}
      server = await startServerProcess(bundle.entry, { dataDir: s.dataDir, ...database })
      const port = Number(new URL(server.url).port)
      await device.core.team.connect(server.url, s.tokens.tess)
      await device.core.sync.syncNow()
      await server.stop()
      server = null

      // Monday to Friday on the fake clock: a timer each morning, typed time each afternoon, a sync attempt each evening.
      for (let day = 0; day < 5; day++) {
        await device.core.timers.start(1)
        device.clock.advance(2 * H * 1000)
        await device.core.timers.stop(1, { keepShort: true })
        await device.core.timesheet.setCells([{ day: addDays(MONDAY, day), row, totalSeconds: 3 * H }])
        device.clock.advance(22 * H * 1000)
        const status = await device.core.sync.syncNow()
        expect(status.state).toBe('offline')
      }
      const submitted = await device.core.submission.submit(MONDAY)
      expect([submitted.status, submitted.queued]).toEqual(['submitted', true])
      expect((await device.core.sync.status()).pending).toBeGreaterThan(10)

      server = await startServerProcess(bundle.entry, { dataDir: s.dataDir, port, ...database })
      const status = await device.core.sync.syncNow()
      expect([status.state, status.pending, status.issues]).toEqual(['synced', 0, 0])
      const rows = await s.db.db.selectFrom('time_entries').select(['source', 'rounded_seconds', 'status']).where('deleted_at', 'is', null).where('source', '!=', 'manual').execute()
      expect(rows.filter((r) => r.source === 'timer').map((r) => r.rounded_seconds)).toEqual(Array(5).fill(2 * H))
      expect(rows.every((r) => r.status === 'approved')).toBe(true) // Tess's team needs no approval
      const sheet = await device.core.timesheet.load(MONDAY)
      expect([sheet.status, sheet.queued]).toEqual(['approved', false])
    }, 120_000)
  })
}
