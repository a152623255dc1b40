// An in-memory ticket system (a connector, not HTTP) for the write-back engine's tests: it stores what was written
// (so a test counts the entries on a ticket, the way a technician would look), finds them
// by Stint's write key, and fails on demand: down, refusing, slow, or "crashing" after a
// write landed but before its answer reached Stint.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from '../../src/shared/ticket-systems/connector'

export interface FakeTimeEntry {
  externalId: string
  writeKey: string
  ticketId: string
  day: string
  seconds: number
  activityId: string | null
  userId: string | null
  comment: string
}

export class InMemoryTicketSystem {
  readonly entries = new Map<string, FakeTimeEntry>()
  /** Every write request that reached the system, landed or not. */
  writeRequests = 0
  mode: 'up' | 'down' | 'refusing' = 'up'
  refusal = 'Activity is not included in the list'
  /** The next N writes land, then the connection drops before the answer. */
  crashAfterWrite = 0
  /** Milliseconds every call waits first. */
  delayMs = 0
  activities: { id: string; name: string }[] = [
    { id: '9', name: 'Remote support' },
    { id: '10', name: 'On-site' },
  ]
  users: Record<string, { id: string; name: string }> = {}
  private nextId = 100

  constructor(readonly baseUrl: string) {}

  /** What is on a ticket now: entries not taken back. */
  on(ticketId: string): FakeTimeEntry[] {
    return [...this.entries.values()].filter((e) => e.ticketId === ticketId)
  }

  private async gate(): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    if (this.mode === 'down') throw new TicketSystemError('unavailable', '503 Service Unavailable', 503)
  }

  connector(): TicketConnector {
    const pattern = new RegExp(`^${this.baseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/issues/(\\d+)$`)
    return {
      kind: 'redmine',
      ticketIdFromUrl: (url) => pattern.exec(url)?.[1] ?? null,
      write: async (time: TimeWrite): Promise<WrittenTime> => {
        await this.gate()
        this.writeRequests++
        if (this.mode === 'refusing') throw new TicketSystemError('refused', this.refusal, 422)
        const externalId = String(this.nextId++)
        this.entries.set(externalId, { externalId, ...time })
        if (this.crashAfterWrite > 0) {
          this.crashAfterWrite--
          throw new Error('socket hang up')
        }
        return { externalId, url: `${this.baseUrl}/time_entries/${externalId}` }
      },
      find: async (writeKey: string, ticketId: string): Promise<WrittenTime | null> => {
        await this.gate()
        const found = [...this.entries.values()].find((e) => e.writeKey === writeKey && e.ticketId === ticketId)
        return found ? { externalId: found.externalId, url: `${this.baseUrl}/time_entries/${found.externalId}` } : null
      },
      reverse: async (written: WrittenTime): Promise<void> => {
        await this.gate()
        if (!this.entries.delete(written.externalId)) throw new TicketSystemError('refused', '404 Not Found', 404)
      },
      reversed: async (written: WrittenTime): Promise<boolean> => {
        await this.gate()
        return !this.entries.has(written.externalId)
      },
      activities: async () => {
        await this.gate()
        return this.activities
      },
      userByEmail: async (email: string) => {
        await this.gate()
        return this.users[email] ?? null
      },
    }
  }
}
