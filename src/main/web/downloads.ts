// Where a CSV export goes in the browser host: the checked job waits under a random
// 256-bit id, and the renderer opens /api/export/<id> to download it. The address works
// once and for a minute; a job not fetched by then is dropped with everything it held.
import { randomBytes } from 'node:crypto'
import type { ExportResult } from '@shared/exports'
import type { CsvDestination, CsvJob } from '../reports/exporter'

export const DOWNLOAD_PATH_PREFIX = '/api/export/'
export const DOWNLOAD_TTL_MS = 60_000

export interface WebDownloadsOptions {
  /** Milliseconds since the epoch; the core's clock, so tests can move it. */
  now?: () => number
  ttlMs?: number
}

/** What became of a download id. */
export type TakenDownload = { readonly status: 'ready'; readonly job: CsvJob } | { readonly status: 'expired' } | { readonly status: 'unknown' }

export class WebDownloads implements CsvDestination {
  readonly #jobs = new Map<string, { job: CsvJob; expires: number }>()
  readonly #now: () => number
  readonly #ttlMs: number

  constructor(options: WebDownloadsOptions = {}) {
    this.#now = options.now ?? Date.now
    this.#ttlMs = options.ttlMs ?? DOWNLOAD_TTL_MS
  }

  deliver(job: CsvJob): Promise<ExportResult> {
    this.#sweep()
    const id = randomBytes(32).toString('base64url')
    this.#jobs.set(id, { job, expires: this.#now() + this.#ttlMs })
    // A job may hold a whole report: let it go even if nobody asks again (the clock decides expiry; this only frees memory).
    setTimeout(() => this.#jobs.delete(id), this.#ttlMs + 1_000).unref()
    return Promise.resolve({ status: 'download', url: `${DOWNLOAD_PATH_PREFIX}${id}`, fileName: job.fileName })
  }

  /** The job behind `id`, once: a second request, or one after the minute, finds nothing. */
  take(id: string): TakenDownload {
    const entry = this.#jobs.get(id)
    this.#jobs.delete(id)
    this.#sweep()
    if (!entry) return { status: 'unknown' }
    return entry.expires > this.#now() ? { status: 'ready', job: entry.job } : { status: 'expired' }
  }

  /** Jobs waiting; for tests. */
  get size(): number {
    return this.#jobs.size
  }

  clear(): void {
    this.#jobs.clear()
  }

  #sweep(): void {
    const now = this.#now()
    for (const [id, entry] of this.#jobs) if (entry.expires <= now) this.#jobs.delete(id)
  }
}
