// The one shape every ticket-system connector has (Redmine, Request Tracker, Zammad, Jira,
// GLPI, Freshdesk): write one booked entry's time to its ticket, find what Stint wrote
// before, take it back. The write-back engines (the team server's, and the desktop's for a
// standalone technician) drive connectors only through this interface, so exactly-once,
// retries and the period rules live once, in the engine, never in a connector.
// Plain TypeScript over WHATWG fetch: no node:, no DOM, no electron.

export const TICKET_SYSTEM_KINDS = ['redmine', 'rt', 'zammad', 'jira', 'glpi', 'freshdesk'] as const
export type TicketSystemKind = (typeof TICKET_SYSTEM_KINDS)[number]

/** One write of one Stint entry's billed time to one ticket. */
export interface TimeWrite {
  /**
   * Unique per write: the entry's id and the version of the entry that was approved
   * (`<entryId>/v<version>`). Carried in what the ticket system stores (a comment, a
   * property), so `find` can tell whether a write already landed before retrying it.
   */
  readonly writeKey: string
  /** The ticket as the ticket system numbers it ("42" for Redmine issue #42). */
  readonly ticketId: string
  /** The local work day, YYYY-MM-DD. */
  readonly day: string
  /** The billed (rounded) seconds, > 0. */
  readonly seconds: number
  /** The ticket system's activity (Redmine activity id, Jira has none…), mapped from Stint's activity type; null where the system has no activities. */
  readonly activityId: string | null
  /** The ticket system's user the time is booked for (id or login, mapped from the Stint person, by email where the system allows); null to book as the connector's own account. */
  readonly userId: string | null
  /** The entry's description, or the work item's title; may be empty. */
  readonly comment: string
  /** When the time was worked, where known (the first run's start), for systems that store a start. */
  readonly startedAt: number | null
}

/** What the ticket system made for one write. */
export interface WrittenTime {
  /** The ticket system's id of what was made (a time entry id, a transaction id, a worklog id). */
  readonly externalId: string
  /** A page that shows it, for "written (link)". */
  readonly url: string | null
}

/**
 * A connector's failure, sorted by what the engine should do with it:
 * - `unavailable`: the system is down, slow, throttled (network errors, 5xx, 429): retry later, never lose the write;
 * - `refused`: the system answered no (4xx: unknown ticket, activity or user, no permission): show the system's reason, do not retry until something changes;
 * - `not_configured`: Stint's own setup is incomplete (a missing mapping), said before anything is sent.
 */
export class TicketSystemError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'refused' | 'not_configured',
    /** The ticket system's own reason (its error text, trimmed), or ours. */
    message: string,
    readonly status: number | null = null,
    /** For `unavailable`: the system's Retry-After, in seconds, when it gave one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'TicketSystemError'
  }
}

export interface TicketConnector {
  readonly kind: TicketSystemKind
  /** The ticket's id when `url` is a ticket page of this system (its base URL), else null. */
  ticketIdFromUrl(url: string): string | null
  /** Writes the time. Not idempotent on its own: the engine calls `find` first on every retry. */
  write(time: TimeWrite): Promise<WrittenTime>
  /** What an earlier `write` with this key made on this ticket, or null if nothing landed. */
  find(writeKey: string, ticketId: string): Promise<WrittenTime | null>
  /**
   * Takes a written time back: deletes it where the system allows (Redmine, Jira, Zammad…),
   * or writes its negative where it only appends (Request Tracker's TimeTaken). `reverseKey`
   * marks the reversal the way `writeKey` marks a write, so it too happens once.
   */
  reverse(written: WrittenTime, time: TimeWrite, reverseKey: string): Promise<void>
  /** Whether a reversal with this key already landed (append-only systems); systems that delete answer by looking the written time up. */
  reversed(written: WrittenTime, time: TimeWrite, reverseKey: string): Promise<boolean>
  /** The system's activities, for mapping Stint's activity types; [] where it has none. */
  activities(): Promise<readonly { id: string; name: string }[]>
  /** The system's user with this email, for mapping people; null when none (or the system cannot search by email). */
  userByEmail(email: string): Promise<{ id: string; name: string } | null>
}
