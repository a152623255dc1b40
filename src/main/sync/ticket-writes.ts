// What the app shows of the write-back: where this person's entries stand on their tickets,
// read from the team server when asked (nothing of it is kept on the device) or, standalone,
// from the device's own write-back; and
// opening a written time on its ticket system from the link the server gave, checked like a
// ticket page before anything opens it.
import type { Kysely } from 'kysely'
import { refuse } from '@shared/errors'
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { checkTicketUrl } from '@shared/ticket-url'
import type { Database } from '../db/schema'
import type { SyncTransport } from './transport'

export interface TicketWritesDeps {
  db: Kysely<Database>
  /** A call only the team server answers, refused with the reason when none is connected. */
  online: <T>(call: (transport: SyncTransport) => Promise<T>) => Promise<T>
  openExternal?: ((url: string) => Promise<void>) | undefined
  /** Standalone, the desktop's own write-back answers (src/main/ticket-writes); null with a team server. */
  local?: () => ((from: string, to: string) => Promise<TicketWriteStatus[]>) | null
}

export class TicketWrites {
  constructor(private readonly deps: TicketWritesDeps) {}

  list(from: string, to: string): Promise<TicketWriteStatus[]> {
    const local = this.deps.local?.() ?? null
    if (local) return local(from, to)
    return this.deps.online((transport) => transport.ticketWrites(from, to))
  }

  async openWritten(entryId: string): Promise<{ url: string; opened: boolean }> {
    const entry = await this.deps.db.selectFrom('time_entries').select('day').where('id', '=', entryId).executeTakeFirst()
    if (!entry) throw refuse('not_found', 'refusal.entryGone')
    const status = (await this.list(entry.day, entry.day)).find((s) => s.entryId === entryId)
    if (status?.state !== 'written' || status.url === null) throw refuse('not_found', 'refusal.ticket.notWrittenYet')
    const checked = checkTicketUrl(status.url)
    if (!checked.ok) throw refuse('invalid_request', 'refusal.ticket.badWrittenLink', { system: status.system })
    if (!this.deps.openExternal) return { url: checked.url, opened: false }
    await this.deps.openExternal(checked.url)
    return { url: checked.url, opened: true }
  }
}
