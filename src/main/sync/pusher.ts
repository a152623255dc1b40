// Sending the outbox, batch after batch, so that one change the server cannot take never
// holds up the others (no poison pill):
//   - the server refuses a change: its answer says so, and settling makes it an issue;
//   - the server refuses a whole batch because of what is in it (400 naming a change,
//     413 too large): the batch is split in halves at once, and a single change it still
//     refuses is set aside as an issue with the server's reason;
//   - the server fails on a batch (5xx) three times in a row: the batch is split in
//     halves, and each half that fails again is split again. A single change that keeps
//     failing is skipped while the rest is sent; once another batch has gone through,
//     it is tried once more and, failing again, set aside as an issue. A server that
//     fails every push therefore sets nothing aside: it is reported as a problem, and
//     every change stays queued until it is mended.
// Anything else (offline, a refused token, 429, a failure not about the batch) ends the
// round with that error, for the engine to report and retry.
import type { Kysely } from 'kysely'
import type { Refusal } from '@shared/i18n/refusal-text'
import { MAX_PUSH_MUTATIONS } from '@shared/sync'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import { setAside, settleBatch, splitBatch, takeBatch, type Batch } from './outbox'
import { TransportError, type SyncTransport } from './transport'

/** Failures in a row before a batch is thought to be the server's problem with its content, not a passing one. */
export const STRIKES = 3

/** How a failed push bears on its batch, with the refusal an issue set aside would show. */
type Verdict = { kind: 'refused'; reason: Refusal } | { kind: 'failed'; reason: Refusal } | null

/** A whole batch refused for what is in it: a reason naming a change (mutations.N…), or too large. */
function verdictOf(error: unknown): Verdict {
  if (!(error instanceof TransportError) || error.status === null) return null
  const reason: Refusal = { id: 'refusal.sync.setAside', values: { status: String(error.status), said: (error.serverMessage ?? '').replace(/[.]+$/, '') } }
  if (error.status === 413) return { kind: 'refused', reason }
  const namesAChange = error.issues.some((issue) => issue.path.startsWith('mutations.')) || /\bmutations\.\d/.test(error.serverMessage ?? '')
  if ((error.status === 400 || error.status === 422) && namesAChange) return { kind: 'refused', reason }
  // 503 says "later" (busy, not set up yet): never the batch's fault.
  if (error.kind === 'server' && error.status >= 500 && error.status !== 503) return { kind: 'failed', reason }
  return null
}

export class Pusher {
  /** Batches the server has failed on, in a row: how often, and how many batches had gone through when the failing began. */
  private readonly failing = new Map<string, { strikes: number; since: number }>()
  /** Batches that went through (in memory, like the strikes: a restart starts the count again). */
  private successes = 0

  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; deviceId: string }) {}

  /** Sends every waiting batch; throws what ended the round early. */
  async push(transport: SyncTransport): Promise<void> {
    const { db, clock, deviceId } = this.deps
    for (;;) {
      // A single change that keeps failing, with no other batch gone through since, is held back while the rest is sent.
      const held = [...this.failing].filter(([, f]) => f.strikes >= STRIKES && f.since === this.successes).map(([id]) => id)
      let batch = await takeBatch(db, MAX_PUSH_MUTATIONS, held, clock.timeZone())
      // With nothing else to send, a held change is tried again: the server may be mended.
      const lastResort = batch === null && held.length > 0
      if (lastResort) batch = await takeBatch(db, MAX_PUSH_MUTATIONS, [], clock.timeZone())
      if (!batch) return
      let results
      try {
        results = (await transport.push({ deviceId, mutations: batch.mutations })).results
      } catch (error) {
        if (await this.carryOn(batch, error, lastResort)) continue
        throw error
      }
      await settleBatch(db, batch, results, clock.now())
      this.failing.delete(batch.id)
      this.successes++
    }
  }

  /** Splits or sets aside after a failed push; true when the round can go on with the rest. */
  private async carryOn(batch: Batch, error: unknown, lastResort: boolean): Promise<boolean> {
    const { db, clock } = this.deps
    const verdict = verdictOf(error)
    if (verdict === null) return false
    const single = batch.mutations.length === 1
    if (verdict.kind === 'refused') {
      if (single) await setAside(db, batch, verdict.reason, clock.now())
      else await splitBatch(db, batch)
      this.failing.delete(batch.id)
      return true
    }
    const failing = this.failing.get(batch.id) ?? { strikes: 0, since: this.successes }
    failing.strikes++
    this.failing.set(batch.id, failing)
    if (failing.strikes < STRIKES) return false
    if (!single) {
      // The halves inherit the evidence: one more failure splits again, with no new waits.
      for (const half of await splitBatch(db, batch)) this.failing.set(half, { strikes: STRIKES - 1, since: failing.since })
      return true
    }
    if (this.successes > failing.since) {
      // Other changes went through while this one kept failing: it is the change, not the server.
      await setAside(db, batch, verdict.reason, clock.now())
      this.failing.delete(batch.id)
      return true
    }
    // Nothing has gone through since it began failing: the server may fail every push. Try the rest; if there is none, stop here.
    return !lastResort
  }
}
