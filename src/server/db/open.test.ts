// Opening the server database on SQLite and on PostgreSQL: one migration set makes the
// same tables on both, values come back as numbers, constraints hold, migrating is safe
// to repeat and to run from several processes at once, and a failed or newer schema is
// refused without a trace.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { sql, type Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { describeEachDialect, startPostgresBeforeAll, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { hasPostgres, postgresSuiteName } from '../../../tests/support/postgres'
import { nextReferenceSeq, nextUserSeq, type ReferenceSeq, type UserSeq } from './change-streams'
import { serverMigrations } from './migrations'
import { openServerDatabase, SERVER_APPLICATION_ID, SERVER_DATABASE_FILE_NAME, ServerDatabaseError } from './open'
import { parseSafeBigint } from './postgres-types'
import type { ServerDatabase } from './schema'

const TABLES = [
  'activity_types',
  'applied_mutations',
  'billing_holidays',
  'billing_rates',
  'billing_runs',
  'billing_settings',
  'change_streams',
  'contract_billing',
  'contracts',
  'customers',
  'database_epoch',
  'device_tokens',
  'entry_runs',
  'org',
  'period_events',
  'periods',
  'team_approvers',
  'team_members',
  'teams',
  'ticket_systems',
  'ticket_writes',
  'time_entries',
  'users',
  'work_items',
]

async function seedOrgAndUser(db: Kysely<ServerDatabase>): Promise<void> {
  await db.insertInto('org').values({ id: 'org-1', name: 'Acme', created_at: 1, updated_at: 1 }).execute()
  await db.insertInto('users').values({ id: 'u-1', name: 'Ana', email: 'ana@example.com', role: 'admin', created_at: 1, updated_at: 1, deactivated_at: null }).execute()
}

const entry = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  user_id: 'u-1',
  day: '2026-03-02',
  work_item_id: null,
  activity_type_id: null,
  billable: 1 as const,
  source: 'grid' as const,
  raw_seconds: 60,
  rounded_seconds: 60,
  created_at: 1,
  updated_at: 1,
  deleted_at: null,
  seq: 1 as UserSeq,
  ...overrides,
})

const postgres = usePostgresCluster()

function constraintsOf(dialect: TestDialect) {
  describe('schema', () => {
    const t = useServerDatabase(dialect, postgres)

    it('makes every table of the team server', async () => {
      const tables = (await t.db.introspection.getTables()).map((table) => table.name).sort()
      expect(tables).toEqual(TABLES)
    })

    it('fills the defaults: weekly from Monday, change_seq 0, version 1, draft status', async () => {
      await seedOrgAndUser(t.db)
      const org = await t.db.selectFrom('org').selectAll().executeTakeFirstOrThrow()
      expect(JSON.parse(org.period_rule)).toEqual({ kind: 'weekly', weekStartsOn: 1 })
      expect(org.change_seq).toBe(0)
      await t.db.insertInto('time_entries').values(entry('e-1')).execute()
      const row = await t.db.selectFrom('time_entries').selectAll().executeTakeFirstOrThrow()
      expect(row).toMatchObject({ version: 1, status: 'draft', description: '', billable: 1 })
    })

    it('returns BIGINT instants as exact numbers', async () => {
      await seedOrgAndUser(t.db)
      const instant = 1_767_225_600_123 // 2026-01-01, well past 2^32
      await t.db.insertInto('time_entries').values(entry('e-1', { created_at: instant, seq: 2 ** 40 })).execute()
      const row = await t.db.selectFrom('time_entries').select(['created_at', 'seq']).executeTakeFirstOrThrow()
      expect(row.created_at).toBe(instant)
      expect(row.seq).toBe(2 ** 40)
      const { count } = await t.db.selectFrom('time_entries').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()
      expect(count).toBe(1)
    })

    it('refuses what the CHECKs forbid', async () => {
      await seedOrgAndUser(t.db)
      const refused = async (values: Record<string, unknown>) => {
        await expect(t.db.insertInto('time_entries').values(entry(`e-${Math.random()}`, values)).execute()).rejects.toThrow()
      }
      await refused({ status: 'lost' })
      await refused({ source: 'guess' })
      await refused({ billable: 2 })
      await refused({ raw_seconds: -1 })
      await refused({ day: '2026-3-2' })
      await expect(
        t.db.insertInto('users').values({ id: 'u-2', name: 'Bo', email: 'Bo@Example.com', role: 'member', created_at: 1, updated_at: 1, deactivated_at: null }).execute(),
      ).rejects.toThrow()
      await expect(
        t.db.insertInto('users').values({ id: 'u-3', name: 'Cy', email: 'cy@example.com', role: 'boss' as 'admin', created_at: 1, updated_at: 1, deactivated_at: null }).execute(),
      ).rejects.toThrow()
      await expect(t.db.insertInto('teams').values({ id: 't-1', name: 'Ops', approval_pattern: 'three' as 'two', created_at: 1, updated_at: 1 }).execute()).rejects.toThrow()
    })

    it('keeps one period per user and start day', async () => {
      await seedOrgAndUser(t.db)
      const period = { user_id: 'u-1', start_day: '2026-03-02', end_day: '2026-03-08', level: null, reason: null, submitted_at: null, created_at: 1, updated_at: 1, deleted_at: null, seq: 1 as UserSeq }
      await t.db.insertInto('periods').values({ id: 'p-1', ...period }).execute()
      await expect(t.db.insertInto('periods').values({ id: 'p-2', ...period }).execute()).rejects.toThrow()
      await expect(t.db.insertInto('periods').values({ id: 'p-3', ...period, start_day: '2026-03-09', end_day: '2026-03-01' }).execute()).rejects.toThrow()
    })

    it('checks links between synced rows at commit, so a batch may arrive in any order', async () => {
      await seedOrgAndUser(t.db)
      const stamps = { created_at: 1, updated_at: 1, deleted_at: null, seq: 1 as ReferenceSeq, created_by: 'u-1', admin_managed: 0 as const }
      await t.db.transaction().execute(async (trx) => {
        await trx.insertInto('time_entries').values(entry('e-1', { work_item_id: 'w-1' })).execute()
        await trx.insertInto('work_items').values({ id: 'w-1', kind: 'ticket', reference: 'T-1', title: 'Printer', name_key: 'ref:t-1', customer_id: null, contract_id: null, ...stamps }).execute()
      })
      await expect(
        t.db.transaction().execute(async (trx) => {
          await trx.insertInto('time_entries').values(entry('e-2', { work_item_id: 'w-missing' })).execute()
        }),
      ).rejects.toThrow()
      expect(await t.db.selectFrom('time_entries').select('id').execute()).toEqual([{ id: 'e-1' }])
    })

    it('hands out change numbers one after another, in the writer’s transaction, per stream', async () => {
      await expect(t.db.transaction().execute((trx) => nextReferenceSeq(trx))).rejects.toThrow(/no organisation yet/)
      await seedOrgAndUser(t.db)
      await expect(nextReferenceSeq(t.db)).rejects.toThrow(/inside the transaction/)
      await expect(nextUserSeq(t.db, 'u-1')).rejects.toThrow(/inside the transaction/)
      const seqs: number[] = []
      for (let i = 0; i < 3; i++) seqs.push(await t.db.transaction().execute((trx) => nextReferenceSeq(trx)))
      expect(seqs).toEqual([1, 2, 3])
      // A person's stream counts on its own: Ana's first change is her 1, whatever the reference stream is at.
      expect(await t.db.transaction().execute((trx) => nextUserSeq(trx, 'u-1'))).toBe(1)
      // A rolled-back writer gives its number back.
      await expect(
        t.db.transaction().execute(async (trx) => {
          await nextReferenceSeq(trx)
          await nextUserSeq(trx, 'u-1')
          throw new Error('writer failed')
        }),
      ).rejects.toThrow('writer failed')
      expect(await t.db.transaction().execute((trx) => nextReferenceSeq(trx))).toBe(4)
      expect(await t.db.transaction().execute((trx) => nextUserSeq(trx, 'u-1'))).toBe(2)
    })

    it('refuses to take streams out of the one deadlock-free order', async () => {
      await seedOrgAndUser(t.db)
      await t.db.insertInto('users').values({ id: 'u-0', name: 'Bo', email: 'bo@example.com', role: 'member', created_at: 1, updated_at: 1, deactivated_at: null }).execute()
      await expect(t.db.transaction().execute(async (trx) => { await nextUserSeq(trx, 'u-1'); await nextReferenceSeq(trx) })).rejects.toThrow(/reference stream must be taken before/)
      await expect(t.db.transaction().execute(async (trx) => { await nextUserSeq(trx, 'u-1'); await nextUserSeq(trx, 'u-0') })).rejects.toThrow(/ascending id/)
      // Reference first, then people in id order, and one already held again: fine.
      await t.db.transaction().execute(async (trx) => {
        await nextReferenceSeq(trx)
        await nextUserSeq(trx, 'u-0')
        await nextUserSeq(trx, 'u-1')
        await nextUserSeq(trx, 'u-0')
      })
    })

    it('migrates only once: opening again finds nothing to do', async () => {
      await seedOrgAndUser(t.db)
      const again = await openServerDatabase({ url: t.url, dataDir: t.dataDir })
      try {
        expect(await again.db.selectFrom('org').select('name').execute()).toEqual([{ name: 'Acme' }])
      } finally {
        await again.close()
      }
    })
  })

  describe('refusals', () => {
    if (dialect === 'postgres') startPostgresBeforeAll(postgres)
    let dataDir: string
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'stint-server-open-'))
    })
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }))
    const urlForTest = async () => (dialect === 'postgres' ? (await postgres.cluster()).createDatabase() : undefined)

    it('rolls a failed migration back whole: no table of the run is left', async () => {
      const url = await urlForTest()
      const broken = {
        ...serverMigrations,
        '9001-broken': {
          up: async (db: Kysely<unknown>) => {
            await sql`CREATE TABLE users (id TEXT)`.execute(db)
          },
        },
      }
      await expect(openServerDatabase({ url, dataDir, migrations: broken })).rejects.toThrow(/9001-broken failed.*rolled back/s)
      const opened = await openServerDatabase({ url, dataDir, migrations: {} })
      try {
        const tables = (await opened.db.introspection.getTables()).map((table) => table.name)
        expect(tables).toEqual([])
      } finally {
        await opened.close()
      }
    })

    it('refuses a database a newer server has migrated, and leaves it alone', async () => {
      const url = await urlForTest()
      const newer = {
        ...serverMigrations,
        '9002-later': {
          up: async (db: Kysely<unknown>) => {
            await sql`CREATE TABLE later (id TEXT)`.execute(db)
          },
        },
      }
      await (await openServerDatabase({ url, dataDir, migrations: newer })).close()
      const error = await openServerDatabase({ url, dataDir }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ServerDatabaseError)
      expect((error as Error).message).toMatch(/upgraded by a newer Stint server.*9002-later.*Nothing was changed/s)
    })
  })
}

describeEachDialect('the server database', constraintsOf)

describe('the SQLite file', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'stint-server-file-')), 'data')
  })
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }))

  it('is private: folder 0700, database 0600, WAL, synchronous FULL, foreign keys on', async () => {
    const opened = await openServerDatabase({ dataDir })
    const file = join(dataDir, SERVER_DATABASE_FILE_NAME)
    try {
      expect(opened.dialect).toBe('sqlite')
      expect(opened.location).toBe(file)
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
      for (const path of [file, `${file}-wal`]) expect(statSync(path).mode & 0o777).toBe(0o600)
      const pragma = async (name: string) => Object.values((await sql.raw(`PRAGMA ${name}`).execute(opened.db)).rows[0] as object)[0] as unknown
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('synchronous')).toBe(2)
      expect(await pragma('foreign_keys')).toBe(1)
      expect(await pragma('busy_timeout')).toBe(5000)
    } finally {
      await opened.close()
    }
  })

  it('records each migration in the same transaction as its tables', async () => {
    await (await openServerDatabase({ dataDir })).close()
    const sqlite = new SqliteDatabase(join(dataDir, SERVER_DATABASE_FILE_NAME), { readonly: true })
    try {
      expect(sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual(Object.keys(serverMigrations).map((name) => ({ name })))
    } finally {
      sqlite.close()
    }
  })

  it('refuses a file that is not SQLite and leaves it as it was', async () => {
    await (await openServerDatabase({ dataDir })).close()
    const file = join(dataDir, SERVER_DATABASE_FILE_NAME)
    rmSync(`${file}-wal`, { force: true })
    rmSync(`${file}-shm`, { force: true })
    writeFileSync(file, 'my notes, not a database')
    await expect(openServerDatabase({ dataDir })).rejects.toThrow(/is not a SQLite database.*Nothing was changed/)
    expect(readFileSync(file, 'utf8')).toBe('my notes, not a database')
  })

  it('is marked as the Stint server’s with its own application id', async () => {
    await (await openServerDatabase({ dataDir })).close()
    const sqlite = new SqliteDatabase(join(dataDir, SERVER_DATABASE_FILE_NAME), { readonly: true })
    try {
      expect(sqlite.pragma('application_id', { simple: true })).toBe(SERVER_APPLICATION_ID)
    } finally {
      sqlite.close()
    }
  })

  it.each([
    ['another program’s database', 1234, 'CREATE TABLE recipes (name TEXT)'],
    ['an unmarked database with tables of its own', 0, 'CREATE TABLE recipes (name TEXT)'],
    ['the Stint app’s own database', 0x53544e54, 'CREATE TABLE timers (id TEXT)'],
  ])('refuses %s and leaves the file and its folder as they were', async (_what, applicationId, schema) => {
    mkdirSync(dataDir, { recursive: true })
    const file = join(dataDir, SERVER_DATABASE_FILE_NAME)
    const foreign = new SqliteDatabase(file)
    foreign.pragma(`application_id = ${applicationId}`)
    foreign.exec(schema)
    foreign.close()
    const before = readFileSync(file)
    await expect(openServerDatabase({ dataDir })).rejects.toThrow(/is not the Stint server’s database.*Nothing was changed/)
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(readdirSync(dataDir)).toEqual([SERVER_DATABASE_FILE_NAME])
  })

  it('marks a server database made before the mark existed, and keeps its data', async () => {
    const first = await openServerDatabase({ dataDir })
    await seedOrgAndUser(first.db)
    await first.close()
    const file = join(dataDir, SERVER_DATABASE_FILE_NAME)
    const raw = new SqliteDatabase(file)
    raw.pragma('application_id = 0')
    raw.close()
    const again = await openServerDatabase({ dataDir })
    try {
      expect(await again.db.selectFrom('users').select('name').execute()).toEqual([{ name: 'Ana' }])
    } finally {
      await again.close()
    }
    const check = new SqliteDatabase(file, { readonly: true })
    expect(check.pragma('application_id', { simple: true })).toBe(SERVER_APPLICATION_ID)
    check.close()
  })

  it('refuses a DATABASE_URL that is not PostgreSQL', async () => {
    await expect(openServerDatabase({ dataDir, url: 'mysql://db/stint' })).rejects.toThrow(/must start with postgres:\/\//)
    await expect(openServerDatabase({ dataDir, url: 'not a url' })).rejects.toThrow(/is not a URL/)
  })
})

describe('BIGINT from PostgreSQL', () => {
  it('becomes a number, and one too large to hold exactly is refused rather than rounded', () => {
    expect(parseSafeBigint('1767225600123')).toBe(1_767_225_600_123)
    expect(parseSafeBigint(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
    expect(() => parseSafeBigint('9007199254740993')).toThrow(/larger than JavaScript holds exactly/)
  })
})

describe.skipIf(!hasPostgres())(postgresSuiteName('PostgreSQL with several servers starting at once'), () => {
  startPostgresBeforeAll(postgres)

  it('migrates once under Kysely’s lock while four servers start together', async () => {
    const url = await (await postgres.cluster()).createDatabase()
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-race-'))
    try {
      const servers = await Promise.all([1, 2, 3, 4].map(() => openServerDatabase({ url, dataDir })))
      try {
        const [first] = servers
        if (!first) throw new Error('no server')
        const runs = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(first.db)
        expect(runs.rows).toEqual(Object.keys(serverMigrations).map((name) => ({ name })))
        expect((await first.db.introspection.getTables()).map((table) => table.name).sort()).toEqual(TABLES)
      } finally {
        await Promise.all(servers.map((server) => server.close()))
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('reports an unreachable PostgreSQL without its password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-race-'))
    try {
      const error = await openServerDatabase({ url: 'postgres://stint:s3cret@127.0.0.1:1/stint', dataDir }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ServerDatabaseError)
      expect((error as Error).message).toMatch(/could not reach PostgreSQL at 127\.0\.0\.1:1\/stint/)
      expect((error as Error).message).not.toContain('s3cret')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('numbers changes in commit order when writers overlap', async () => {
    const url = await (await postgres.cluster()).createDatabase()
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-race-'))
    const opened = await openServerDatabase({ url, dataDir })
    try {
      await seedOrgAndUser(opened.db)
      const committed: number[] = []
      // Each writer takes a number, then dawdles before committing: a later writer must wait for it.
      await Promise.all(
        [30, 0, 15, 5].map((delay) =>
          opened.db.transaction().execute(async (trx) => {
            const seq = await nextReferenceSeq(trx)
            await new Promise((resolve) => setTimeout(resolve, delay))
            committed.push(seq)
          }),
        ),
      )
      expect(committed).toEqual([1, 2, 3, 4])
    } finally {
      await opened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
