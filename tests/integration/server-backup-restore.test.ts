// Backup and restore as an operator does it, against the real server process and the
// real device sync engine: a device syncs, the database is backed up (SQLite: `backup`
// while the server runs; PostgreSQL: pg_dump -Fc), more time is synced, the backup is
// restored (marked with a new epoch, or not: a restore nobody marked shows as the device's
// cursor beyond the database's numbers), another device pushes to the restored server, and
// the first device syncs again. The restored server's change numbers are below the device's cursor and it has
// lost what came after the backup: the device must neither skip the new changes nor
// lose or double its own.
import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Sqlite from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addDays } from '@shared/periods'
import type { RowKey } from '@shared/timesheet'
import { openServerDatabase, SERVER_DATABASE_FILE_NAME, type OpenedServerDatabase } from '../../src/server/db/open'
import { OrgService } from '../../src/server/org/org-service'
import { DeviceTokens } from '../../src/server/org/tokens'
import { openTempCore, type TempCore } from '../../src/main/testing/temp-core'
import { hasPostgres, postgresBinDir, postgresSuiteName } from '../support/postgres'
import { usePostgresCluster } from '../support/server-db'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../support/server-process'

const run = promisify(execFile)

/** A copy of a live SQLite database made the way someone would without Stint: SQLite's own online backup (as `sqlite3 db .backup`), which keeps the epoch. */
async function handCopy(from: string, to: string): Promise<void> {
  const source = new Sqlite(from, { readonly: true })
  try {
    await source.backup(to)
  } finally {
    source.close()
  }
}
const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }
const postgres = usePostgresCluster()
let bundle: Awaited<ReturnType<typeof buildServerBundle>>
beforeAll(async () => {
  bundle = await buildServerBundle()
}, 120_000)
afterAll(() => bundle.remove())

/** One cell a day from `first`, `seconds` each, typed in the grid. */
async function fill(env: TempCore, first: string, count: number, seconds: number) {
  await env.core.timesheet.setCells(Array.from({ length: count }, (_, i) => ({ day: addDays(first, i), row, totalSeconds: seconds })))
}

const deviceEntries = async (env: TempCore) =>
  (await env.core.store.db.selectFrom('time_entries').select(['id', 'day', 'rounded_seconds']).where('deleted_at', 'is', null).orderBy('day').execute()).map((r) => `${r.day} ${r.rounded_seconds}`)

for (const dialect of ['sqlite', 'postgres'] as const) {
  const name = `a server restored from a backup [${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}]`
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(dialect === 'postgres' ? postgresSuiteName(name) : name, () => {
    let dataDir: string
    let databaseUrl: string | undefined
    let server: ServerProcess | null = null
    let laptop: TempCore
    let desktop: TempCore
    let tokens: { laptop: string; desktop: string }
    const env = () => {
      const vars = { ...process.env }
      delete vars['DATABASE_URL']
      if (databaseUrl) vars['DATABASE_URL'] = databaseUrl
      return vars
    }
    const cli = (...args: string[]) => run(process.execPath, [bundle.entry, ...args, '--data-dir', dataDir], { env: env() })
    const start = async (port?: number) => (server = await startServerProcess(bundle.entry, { dataDir, ...(port ? { port } : {}), ...(databaseUrl ? { databaseUrl } : {}) }))
    const onServer = async <T>(read: (db: OpenedServerDatabase) => Promise<T>): Promise<T> => {
      const opened = await openServerDatabase({ url: databaseUrl, dataDir })
      try {
        return await read(opened)
      } finally {
        await opened.close()
      }
    }
    const serverEntries = () =>
      onServer(async (o) => (await o.db.selectFrom('time_entries').select(['id', 'day', 'rounded_seconds']).where('deleted_at', 'is', null).orderBy('day').execute()).map((r) => `${r.day} ${r.rounded_seconds}`))

    beforeEach(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'stint-server-restore-'))
      databaseUrl = dialect === 'postgres' ? await (await postgres.cluster()).createDatabase() : undefined
      tokens = await onServer(async (o) => {
        await new OrgService(o.db, () => Date.now()).initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: 'ana@example.com' })
        await new OrgService(o.db, () => Date.now()).addUser({ name: 'Tess Tech', email: 'tess@example.com', role: 'member' })
        const issue = new DeviceTokens(o.db, () => Date.now())
        return { laptop: (await issue.issueToken({ user: 'tess@example.com', label: 'laptop' })).token, desktop: (await issue.issueToken({ user: 'tess@example.com', label: 'desktop' })).token }
      })
      laptop = await openTempCore()
      desktop = await openTempCore()
    }, 60_000)
    afterEach(async () => {
      await server?.stop()
      server = null
      await laptop.dispose()
      await desktop.dispose()
      rmSync(dataDir, { recursive: true, force: true })
    })

    const restores = [
      { marked: true, how: dialect === 'sqlite' ? 'with `backup` and restored' : 'with pg_dump and restored with `mark-restored`' },
      { marked: false, how: dialect === 'sqlite' ? "by hand with SQLite's own backup and copied back" : 'with pg_dump and restored without `mark-restored`' },
    ]
    for (const { marked, how } of restores) {
      it(`backed up ${how}: the device sends back what the backup lacks, takes what came after the restore, and nothing is doubled`, async () => {
        const first = await start()
        const port = Number(new URL(first.url).port)
        await laptop.core.team.connect(first.url, tokens.laptop)
        await fill(laptop, '2026-01-01', 200, 900)
        expect((await laptop.core.sync.syncNow()).state).toBe('synced')

        // The backup, taken while the server runs.
        const backup = join(dataDir, dialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump')
        if (dialect === 'sqlite' && marked) await cli('backup', '--to', backup)
        else if (dialect === 'sqlite') await handCopy(join(dataDir, SERVER_DATABASE_FILE_NAME), backup)
        else await run(join(postgresBinDir() ?? '', 'pg_dump'), ['-Fc', '-f', backup, databaseUrl ?? ''])

        // After the backup: 50 new days and 20 changed ones reach the server.
        await fill(laptop, '2026-08-01', 50, 1800)
        await fill(laptop, '2026-01-01', 20, 3600)
        expect((await laptop.core.sync.syncNow()).state).toBe('synced')
        const before = await deviceEntries(laptop)
        expect(before).toHaveLength(250)
        expect(await serverEntries()).toEqual(before)

        // The restore: stop, put the backup in place, start.
        await first.stop()
        server = null
        if (dialect === 'sqlite') {
          for (const suffix of ['-wal', '-shm']) rmSync(join(dataDir, `${SERVER_DATABASE_FILE_NAME}${suffix}`), { force: true })
          copyFileSync(backup, join(dataDir, SERVER_DATABASE_FILE_NAME))
        } else {
          await run(join(postgresBinDir() ?? '', 'pg_restore'), ['--clean', '--if-exists', '--no-owner', '-d', databaseUrl ?? '', backup])
          if (marked) await cli('mark-restored')
        }
        expect(await serverEntries()).toHaveLength(200) // what the backup had
        const restarted = await start(port)

        // Tess's desktop pushes three days to the restored server before the laptop is back.
        await desktop.core.team.connect(restarted.url, tokens.desktop)
        await fill(desktop, '2026-10-01', 3, 600)
        expect((await desktop.core.sync.syncNow()).state).toBe('synced')

        const after = await laptop.core.sync.syncNow()
        expect([after.state, after.pending, after.issues]).toEqual(['synced', 0, 0])
        const expected = [...before, '2026-10-01 600', '2026-10-02 600', '2026-10-03 600'].sort()
        expect(await deviceEntries(laptop)).toEqual(expected)
        const restored = await serverEntries()
        expect(restored).toEqual(expected)
        const ids = await onServer(async (o) => (await o.db.selectFrom('time_entries').select('id').execute()).map((r) => r.id))
        expect(new Set(ids).size).toBe(ids.length)

        // The desktop, too, ends with everything.
        await desktop.core.sync.syncNow()
        expect(await deviceEntries(desktop)).toEqual(expected)
      }, 120_000)
    }
  })
}
