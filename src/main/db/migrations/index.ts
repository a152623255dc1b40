// The ordered list of migrations, imported statically so it survives bundling.
// A migration's position + 1 is the schema version (PRAGMA user_version) it produces.
import type { Kysely } from 'kysely'
import * as m0001 from './0001-timers'
import * as m0002 from './0002-work-and-entries'
import * as m0003 from './0003-timesheet'
import * as m0004 from './0004-favourite-work-items'
import * as m0005 from './0005-owner'
import * as m0006 from './0006-sync'
import * as m0007 from './0007-customer-organisation'
import * as m0008 from './0008-usage-alerts'
import * as m0009 from './0009-entries-in-export-order'
import * as m0010 from './0010-held-time'
import * as m0011 from './0011-sync-issue-refusals'
import * as m0012 from './0012-work-item-ticket-url'
import * as m0013 from './0013-ticket-writeback'
import * as m0014 from './0014-billing'
import * as m0015 from './0015-imported-rows'
import * as m0016 from './0016-primary-timer'
import * as m0017 from './0017-one-primary-timer'

export interface Migration {
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and typed loosely on purpose
  up(db: Kysely<any>): Promise<void>
}

export const migrations: readonly Migration[] = [
  { name: '0001-timers', up: m0001.up },
  { name: '0002-work-and-entries', up: m0002.up },
  { name: '0003-timesheet', up: m0003.up },
  { name: '0004-favourite-work-items', up: m0004.up },
  { name: '0005-owner', up: m0005.up },
  { name: '0006-sync', up: m0006.up },
  { name: '0007-customer-organisation', up: m0007.up },
  { name: '0008-usage-alerts', up: m0008.up },
  { name: '0009-entries-in-export-order', up: m0009.up },
  { name: '0010-held-time', up: m0010.up },
  { name: '0011-sync-issue-refusals', up: m0011.up },
  { name: '0012-work-item-ticket-url', up: m0012.up },
  { name: '0013-ticket-writeback', up: m0013.up },
  { name: '0014-billing', up: m0014.up },
  { name: '0015-imported-rows', up: m0015.up },
  { name: '0016-primary-timer', up: m0016.up },
  { name: '0017-one-primary-timer', up: m0017.up },
]

export const LATEST_SCHEMA_VERSION = migrations.length
