// The exactly-once protocol both write-back engines drive a connector with (the team
// server's, src/server/writeback/worker.ts, and the desktop's for a standalone technician,
// src/main/ticket-writes/worker.ts): a job taken before asks the system first whether its
// write key landed; the TimeWrite is recorded before the request goes out, so a reversal
// takes back exactly that; a mapping that is missing fails before anything is sent; a
// system that is down is asked again later with backoff, a refusal waits for a retry.
// Pure: the engines keep their own tables, leases and clocks.
import { TicketSystemError, type TicketConnector, type TimeWrite, type WrittenTime } from './connector'

export const REVERSE_SUFFIX = '/reverse'

// Every runtime this runs in (Node, Electron's main process) has timers; no DOM or node types here.
declare function setTimeout(run: () => void, ms: number): unknown
declare function clearTimeout(timer: unknown): void

/** Rejects with `unavailable` when the call takes longer than `ms` (the request may still land: the next attempt asks first). */
export function timed<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: unknown
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TicketSystemError('unavailable', `no answer within ${Math.round(ms / 1000)} s`)), ms)
  })
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer))
}

/** A JSON object of strings (an activity map), or {} for anything else. */
export function jsonMap(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' ? (value as Record<string, string>) : {}
  } catch {
    return {}
  }
}

/** What an approved entry asks to be written, in the order the fingerprint hashes it. */
export function fingerprintText(w: { ticketUrl: string; day: string; seconds: number; activityTypeId: string | null; comment: string }): string {
  return JSON.stringify([w.ticketUrl, w.day, w.seconds, w.activityTypeId, w.comment])
}

/**
 * The system's activity for a Stint activity type: the explicit map first, else the one of
 * the same name (case and spaces aside); `not_configured` before anything is sent when the
 * system has activities and none fits. null where the entry has no type or the system none.
 */
export async function mappedActivity(input: {
  activityTypeId: string | null
  map: Readonly<Record<string, string>>
  typeName: () => Promise<string | undefined>
  connector: TicketConnector
  systemName: string
  ms: number
  /** How to map one, in the engine's words (the server's CLI, the app's Settings). */
  howToMap: string
}): Promise<string | null> {
  if (input.activityTypeId === null) return null
  const mapped = input.map[input.activityTypeId]
  if (mapped !== undefined) return mapped
  const name = await input.typeName()
  const theirs = await timed(input.connector.activities(), input.ms)
  const wanted = name?.trim().toLowerCase()
  const found = theirs.find((a) => a.name.trim().toLowerCase() === wanted)?.id ?? null
  if (found === null && theirs.length > 0) {
    throw new TicketSystemError('not_configured', `the activity type "${name ?? input.activityTypeId}" has no activity in ${input.systemName}: ${input.howToMap}`)
  }
  return found
}

/** Writes once: a job taken before asks first; `recordSent` stores the TimeWrite before the request goes out. */
export async function performWrite(input: {
  connector: TicketConnector
  writeKey: string
  ticketId: string
  takenBefore: boolean
  ms: number
  timeWrite: () => Promise<TimeWrite>
  recordSent: (time: TimeWrite) => Promise<void>
}): Promise<WrittenTime> {
  const { connector, ms } = input
  const found = input.takenBefore ? await timed(connector.find(input.writeKey, input.ticketId), ms) : null
  if (found) return found
  const time = await input.timeWrite()
  await input.recordSent(time)
  return timed(connector.write(time), ms)
}

/** Takes a write back once: 'cancelled' when nothing of it landed, 'reversed' when it was taken off the ticket. */
export async function performReverse(input: {
  connector: TicketConnector
  job: { writeKey: string; sent: string | null; externalId: string | null; url: string | null }
  ticketId: string
  takenBefore: boolean
  ms: number
  timeWrite: () => Promise<TimeWrite>
}): Promise<'reversed' | 'cancelled'> {
  const { connector, job, ms } = input
  // Never sent: nothing can have landed.
  if (job.sent === null && job.externalId === null) return 'cancelled'
  const time = job.sent !== null ? (JSON.parse(job.sent) as TimeWrite) : await input.timeWrite()
  const written = job.externalId !== null ? { externalId: job.externalId, url: job.url } : await timed(connector.find(job.writeKey, input.ticketId), ms)
  if (!written) return 'cancelled'
  const reverseKey = `${job.writeKey}${REVERSE_SUFFIX}`
  // Taken before: a reversal may already have landed.
  const landed = input.takenBefore && (await timed(connector.reversed(written, time, reverseKey), ms))
  if (!landed) await timed(connector.reverse(written, time, reverseKey), ms)
  return 'reversed'
}

/** How a failed attempt ends: `retryAt` for a system that is unavailable (its Retry-After, else doubling backoff), else null (failed until retried). */
export function failureOf(error: unknown, attempts: number, now: number, backoffMs: number, maxBackoffMs: number): { kind: TicketSystemError['kind']; reason: string; retryAt: number | null } {
  const kind = error instanceof TicketSystemError ? error.kind : 'unavailable'
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1000) || kind
  if (kind !== 'unavailable') return { kind, reason, retryAt: null }
  const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds
  const backoff = backoffMs * 2 ** Math.min(20, Math.max(0, attempts - 1))
  const wait = Math.min(maxBackoffMs, typeof retryAfter === 'number' && retryAfter > 0 ? Math.max(retryAfter * 1000, backoffMs) : backoff)
  return { kind, reason, retryAt: now + wait }
}
