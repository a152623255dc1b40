// Who may change organisation data, and look-alikes: each row of reference data records
// whether an admin made or has since changed it (admin_managed: then only admins change
// it), and the key two look-alike names share (name_key), indexed so a new name is checked
// against every live one at the cost of one lookup. Rows already stored get their key
// from a frozen copy of the app's rule (a migration never imports app code): NFC, spaces
// collapsed and trimmed, invisible characters left out, lower case. Their names are left
// as they are, invisible characters included; pulls read them leniently, admins can
// rename them, and the key still finds their visible twin.
// Frozen: never edit a shipped migration, add a new one.
import { sql, type Kysely } from 'kysely'

const TABLES = ['customers', 'contracts', 'activity_types', 'work_items'] as const

function frozenKey(text: string): string {
  const visible = text
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}]/gu, '')
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '')
  return visible.toLocaleLowerCase('und')
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its own time, not the app's
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('admin_managed', 'integer', (col) => col.notNull().defaultTo(0).check(sql`admin_managed IN (0, 1)`))
      .execute()
    await db.schema.alterTable(table).addColumn('name_key', 'text').execute()
    // Made by an admin: on the command line (no creator) or on an admin's device.
    await db
      .updateTable(table)
      .set({ admin_managed: 1 })
      .where((eb) => eb.or([eb('created_by', 'is', null), eb('created_by', 'in', eb.selectFrom('users').select('id').where('role', '=', 'admin'))]))
      .execute()
  }
  for (const table of ['customers', 'contracts', 'activity_types'] as const) {
    const rows = (await db.selectFrom(table).select(['id', 'name']).execute()) as { id: string; name: string }[]
    for (const row of rows) await db.updateTable(table).set({ name_key: frozenKey(row.name) }).where('id', '=', row.id).execute()
  }
  const items = (await db.selectFrom('work_items').select(['id', 'reference', 'title']).execute()) as { id: string; reference: string | null; title: string }[]
  for (const item of items) {
    const key = item.reference !== null ? `ref:${frozenKey(item.reference)}` : `title:${frozenKey(item.title)}`
    await db.updateTable('work_items').set({ name_key: key }).where('id', '=', item.id).execute()
  }
  await db.schema.createIndex('customers_by_name_key').on('customers').columns(['name_key']).execute()
  await db.schema.createIndex('contracts_by_customer_name_key').on('contracts').columns(['customer_id', 'name_key']).execute()
  await db.schema.createIndex('activity_types_by_name_key').on('activity_types').columns(['name_key']).execute()
  await db.schema.createIndex('work_items_by_name_key').on('work_items').columns(['name_key']).execute()
}
