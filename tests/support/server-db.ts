// Runs a server test suite against both databases the team server supports: a real
// SQLite file in a temp folder, and a real PostgreSQL (one throwaway cluster per test
// file, a fresh database per test, copied from a migrated template). Without PostgreSQL
// binaries that half is skipped and the suite's name says why.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest'
import { openServerDatabase, type OpenedServerDatabase } from '../../src/server/db/open'
import type { ServerDatabase } from '../../src/server/db/schema'
import { hasPostgres, postgresSuiteName, startPostgres, type RunningPostgres } from './postgres'

export type TestDialect = 'sqlite' | 'postgres'

/** Declares the suite twice: on SQLite, and on PostgreSQL unless its binaries are missing. */
export function describeEachDialect(name: string, body: (dialect: TestDialect) => void): void {
  describe(`${name} [SQLite]`, () => body('sqlite'))
  describe.skipIf(!hasPostgres())(postgresSuiteName(`${name} [PostgreSQL]`), () => body('postgres'))
}

/** A file's PostgreSQL cluster: started on first use, stopped after the file's last test. */
export interface FilePostgres {
  cluster(): Promise<RunningPostgres>
}

/**
 * Call once at the top of a test file (outside any describe), so one cluster serves
 * every suite of the file. Nothing starts until a test or hook asks for it, so a file
 * whose PostgreSQL suites are skipped starts nothing.
 */
export function usePostgresCluster(): FilePostgres {
  let running: Promise<RunningPostgres> | null = null
  afterAll(async () => {
    if (!running) return
    const stopping = running
    running = null
    await (await stopping).stop()
  }, 30_000)
  return { cluster: () => (running ??= startPostgres()) }
}

/** Starts the file's cluster before a suite's tests, with the time a cold start may need. */
export function startPostgresBeforeAll(postgres: FilePostgres): void {
  beforeAll(async () => {
    await postgres.cluster()
  }, 60_000)
}

const migratedTemplates = new WeakMap<RunningPostgres, Promise<string>>()

/**
 * The name of a database on the cluster that holds the migrated schema and nothing else.
 * Copying it is quicker than migrating, so each test's database starts as a copy; the
 * migrations themselves are tested on fresh databases in db/open.test.ts.
 */
function migratedTemplateOn(running: RunningPostgres): Promise<string> {
  let template = migratedTemplates.get(running)
  if (!template) {
    template = (async () => {
      const url = await running.createDatabase()
      const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-template-'))
      try {
        await (await openServerDatabase({ url, dataDir })).close()
      } finally {
        rmSync(dataDir, { recursive: true, force: true })
      }
      return new URL(url).pathname.slice(1)
    })()
    migratedTemplates.set(running, template)
  }
  return template
}

export interface TestDatabase {
  readonly dialect: TestDialect
  readonly db: Kysely<ServerDatabase>
  readonly opened: OpenedServerDatabase
  /** The SQLite data folder (also made for PostgreSQL tests, for anything else they write). */
  readonly dataDir: string
  /** The PostgreSQL URL of this test's database; undefined on SQLite. */
  readonly url: string | undefined
}

/** A freshly migrated, empty database for every test of the suite; PostgreSQL ones on the file's cluster. */
export function useServerDatabase(dialect: TestDialect, postgres: FilePostgres): TestDatabase {
  if (dialect === 'postgres') startPostgresBeforeAll(postgres)
  let current: { opened: OpenedServerDatabase; dataDir: string; url: string | undefined } | undefined
  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-server-test-'))
    let url: string | undefined
    if (dialect === 'postgres') {
      const cluster = await postgres.cluster()
      url = await cluster.createDatabase(await migratedTemplateOn(cluster))
    }
    current = { opened: await openServerDatabase({ url, dataDir }), dataDir, url }
  }, 30_000)
  afterEach(async () => {
    if (!current) return
    await current.opened.close()
    rmSync(current.dataDir, { recursive: true, force: true })
    current = undefined
  })
  const now = () => {
    if (!current) throw new Error('the test database exists only inside a test')
    return current
  }
  return {
    dialect,
    get db() {
      return now().opened.db
    },
    get opened() {
      return now().opened
    },
    get dataDir() {
      return now().dataDir
    },
    get url() {
      return now().url
    },
  }
}
