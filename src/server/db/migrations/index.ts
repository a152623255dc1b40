// The team server's migrations, imported one by one so they survive bundling (Kysely's
// FileMigrationProvider reads a folder at run time, which a bundle does not have).
// Kysely runs them in the order of their names: keep the four-digit prefix.
import type { Migration, MigrationProvider } from 'kysely/migration'
import * as m0001 from './0001-team-server'
import * as m0002 from './0002-customer-organisation'
import * as m0003 from './0003-reference-authority'
import * as m0004 from './0004-change-streams'
import * as m0005 from './0005-database-epoch'
import * as m0006 from './0006-work-item-ticket-url'
import * as m0007 from './0007-ticket-writeback'
import * as m0008 from './0008-billing'

export const serverMigrations: Readonly<Record<string, Migration>> = {
  '0001-team-server': m0001,
  '0002-customer-organisation': m0002,
  '0003-reference-authority': m0003,
  '0004-change-streams': m0004,
  '0005-database-epoch': m0005,
  '0006-work-item-ticket-url': m0006,
  '0007-ticket-writeback': m0007,
  '0008-billing': m0008,
}

export function staticMigrationProvider(migrations: Readonly<Record<string, Migration>> = serverMigrations): MigrationProvider {
  return { getMigrations: () => Promise.resolve({ ...migrations }) }
}
