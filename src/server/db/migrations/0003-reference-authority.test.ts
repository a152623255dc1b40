// Migration 0003 on a database with reference data already in it, on SQLite and
// PostgreSQL: rows an admin made (on the command line, or on an admin's device) become
// admin-managed, rows a member made stay theirs, and every row gets its look-alike key,
// names stored with invisible characters included (their names are left as they were).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hasPostgres, postgresSuiteName } from '../../../../tests/support/postgres'
import { startPostgresBeforeAll, usePostgresCluster } from '../../../../tests/support/server-db'
import { openServerDatabase } from '../open'
import { serverMigrations } from './index'

const postgres = usePostgresCluster()
const before = Object.fromEntries(Object.entries(serverMigrations).filter(([name]) => name < '0003'))

for (const dialect of ['sqlite', 'postgres'] as const) {
  const name = `migration 0003, who may change reference data [${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}]`
  describe.skipIf(dialect === 'postgres' && !hasPostgres())(dialect === 'postgres' ? postgresSuiteName(name) : name, () => {
    if (dialect === 'postgres') startPostgresBeforeAll(postgres)
    let dataDir: string
    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'stint-migration-0003-'))
    })
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

    it('marks admin-made rows as admin-managed and keys every name', async () => {
      const url = dialect === 'postgres' ? await (await postgres.cluster()).createDatabase() : undefined
      const old = await openServerDatabase({ url, dataDir, migrations: before })
      const stamp = { created_at: 1, updated_at: 1, deleted_at: null, seq: 1 }
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema of 0002's time, without the new columns
        const db = old.db as unknown as Kysely<any>
        await db.insertInto('org').values({ id: 'org', name: 'Acme IT', created_at: 1, updated_at: 1 }).execute()
        await db.insertInto('users').values([
          { id: 'u-admin', name: 'Ana', email: 'ana@example.com', role: 'admin', created_at: 1, updated_at: 1 },
          { id: 'u-tess', name: 'Tess', email: 'tess@example.com', role: 'member', created_at: 1, updated_at: 1 },
        ]).execute()
        await db.insertInto('customers').values([
          { id: 'c-cli', name: 'Acme\u200b', created_by: null, ...stamp },
          { id: 'c-admin', name: 'Cafe\u0301  Nord', created_by: 'u-admin', ...stamp },
          { id: 'c-tess', name: 'Harbour Dental', created_by: 'u-tess', ...stamp },
        ]).execute()
        await db.insertInto('work_items').values([
          { id: 'w-ticket', kind: 'ticket', reference: 'HD-7', title: 'Printer', customer_id: null, contract_id: null, created_by: 'u-tess', ...stamp },
          { id: 'w-general', kind: 'general', reference: null, title: 'Admin work', customer_id: null, contract_id: null, created_by: null, ...stamp },
        ]).execute()
        await db.insertInto('activity_types').values({ id: 'a-1', name: 'Remote', created_by: 'u-tess', ...stamp }).execute()
      } finally {
        await old.close()
      }

      const migrated = await openServerDatabase({ url, dataDir })
      try {
        const customers = await migrated.db.selectFrom('customers').select(['id', 'name', 'name_key', 'admin_managed']).orderBy('id').execute()
        expect(customers).toEqual([
          { id: 'c-admin', name: 'Cafe\u0301  Nord', name_key: 'café nord', admin_managed: 1 },
          { id: 'c-cli', name: 'Acme\u200b', name_key: 'acme', admin_managed: 1 },
          { id: 'c-tess', name: 'Harbour Dental', name_key: 'harbour dental', admin_managed: 0 },
        ])
        expect(await migrated.db.selectFrom('work_items').select(['id', 'name_key', 'admin_managed']).orderBy('id').execute()).toEqual([
          { id: 'w-general', name_key: 'title:admin work', admin_managed: 1 },
          { id: 'w-ticket', name_key: 'ref:hd-7', admin_managed: 0 },
        ])
        expect(await migrated.db.selectFrom('activity_types').select(['name_key', 'admin_managed']).execute()).toEqual([{ name_key: 'remote', admin_managed: 0 }])
      } finally {
        await migrated.close()
      }
    })
  })
}
