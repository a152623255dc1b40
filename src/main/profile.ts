// Whose time this device records. A device starts with a user id of its own, made by
// migration 0005 and kept in app_state; connecting a team server account replaces it.
// Every entry, period status, added row and cell note is stored under it.
import type { Kysely } from 'kysely'
import { newId } from '@shared/ids'
import type { Database } from './db/schema'

export async function readLocalUserId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('app_state').select('value').where('key', '=', 'user_id').executeTakeFirst()
  if (!row) throw new Error('The database has no user id; migration 0005 makes one, so the schema is not what this version expects.')
  return row.value
}

/** This installation's id, sent with every push so the server can tell a user's devices apart. */
export async function readDeviceId(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('app_state').select('value').where('key', '=', 'device_id').executeTakeFirst()
  if (row) return row.value
  const id = newId()
  await db.insertInto('app_state').values({ key: 'device_id', value: id }).execute()
  return id
}
