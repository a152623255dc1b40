// Taking the server's copy of a row on this device: when the user settles an issue with
// it, and at once when the server refused a change of organisation data (who may change
// it, a look-alike name), so a member's device never keeps a default activity type, a
// contract's hours or a name the organisation does not have. The issue stays in Needs
// attention with the reason; the row already shows what the server holds.
import type { Transaction } from 'kysely'
import { ActivityTypeWireSchema, ContractWireSchema, CustomerWireSchema, EntryWireSchema, WorkItemWireSchema } from '@shared/sync'
import type { Database } from '../db/schema'
import { applyServerEntry } from '../entries/server-copies'
import { activityTypeFromWire, contractFromWire, customerFromWire, entryFromWire, workItemFromWire } from './wire'

type Db = Transaction<Database>

/** Writes the server's copy over the local row (run with the outbox triggers quiet). */
export async function applyServerCopy(trx: Db, entity: string, copy: unknown, userId: string): Promise<void> {
  switch (entity) {
    case 'entry': {
      // The server's copy is its decision: applied through the entries' home, not refused by the local lock.
      await applyServerEntry(trx, entryFromWire(EntryWireSchema.parse(copy), userId))
      return
    }
    case 'workItem': {
      const { id, ...values } = workItemFromWire(WorkItemWireSchema.parse(copy))
      await trx.updateTable('work_items').set(values).where('id', '=', id).execute()
      return
    }
    case 'activityType': {
      const { id, ...values } = activityTypeFromWire(ActivityTypeWireSchema.parse(copy))
      // One default at a time, as on a pull: the organisation's choice replaces this device's.
      if (values.is_default === 1 && values.deleted_at === null) await trx.updateTable('activity_types').set({ is_default: 0 }).where('is_default', '=', 1).where('id', '!=', id).execute()
      await trx.updateTable('activity_types').set(values).where('id', '=', id).execute()
      return
    }
    case 'customer': {
      const { id, ...values } = customerFromWire(CustomerWireSchema.parse(copy))
      await trx.updateTable('customers').set(values).where('id', '=', id).execute()
      return
    }
    case 'contract': {
      const { id, ...values } = contractFromWire(ContractWireSchema.parse(copy))
      await trx.updateTable('contracts').set(values).where('id', '=', id).execute()
      return
    }
  }
}

const ORG_DATA = new Set(['workItem', 'activityType', 'customer', 'contract'])

/**
 * After the server refused a change of organisation data: the row goes back to the
 * server's copy; a new row the server does not have keeps what the user typed (they may
 * rename it, or discard it), but never the default flag, which stays the organisation's.
 */
export async function undoRefusedOrgChange(trx: Db, entity: string, entityId: string, current: unknown): Promise<void> {
  if (!ORG_DATA.has(entity)) return
  if (current !== null && current !== undefined) {
    await applyServerCopy(trx, entity, current, '')
    return
  }
  if (entity === 'activityType') {
    await trx.updateTable('activity_types').set({ is_default: 0 }).where('id', '=', entityId).where('server_version', 'is', null).execute()
  }
}
