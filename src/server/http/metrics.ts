// The server's Prometheus metrics: requests and their latency by route pattern, the
// answers pushes got, pulls and the rows they carried, how long changes took from an
// edit on a device to their commit here (the sync lag), and the database pool. One
// registry per app, so two apps in one process (tests) never share counters. Labels are
// route patterns and statuses only, never a user, a token or an id: the metrics carry no
// personal data and their number of series stays fixed.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Mutation, MutationResult, PullResponse } from '@shared/sync'

/** What node-postgres's pg.Pool tells about its connections. */
export interface DatabasePoolStats {
  readonly totalCount: number
  readonly idleCount: number
  readonly waitingCount: number
}

export interface ServerMetricsOptions {
  dialect: 'sqlite' | 'postgres'
  /** PostgreSQL's pool; SQLite has one connection and no pool. */
  pool?: DatabasePoolStats | undefined
  /** Node's own process metrics (CPU, memory, event loop, GC): only when the metrics are served. */
  processMetrics?: boolean
}

/** A route that matched nothing is one label value, so a scanner's guesses cannot add series. */
export const UNMATCHED_ROUTE = '(unmatched)'

// From a device that synced at once to one that was offline for a week.
const SYNC_LAG_BUCKETS = [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600, 7 * 24 * 3600]

/** When the device made the change, for the changes that carry their edit time. */
function editedAt(mutation: Mutation): number | null {
  switch (mutation.type) {
    case 'entry.put':
      return mutation.entry.updatedAt
    case 'workItem.put':
      return mutation.item.updatedAt
    case 'activityType.put':
      return mutation.activityType.updatedAt
    case 'customer.put':
      return mutation.customer.updatedAt
    case 'contract.put':
      return mutation.contract.updatedAt
    case 'period.submit':
    case 'period.withdraw':
      return null
  }
}

export class ServerMetrics {
  readonly registry = new Registry()
  private readonly requests = new Counter({ name: 'stint_http_requests_total', help: 'HTTP requests answered, by route pattern, method and status.', labelNames: ['route', 'method', 'status'] as const, registers: [this.registry] })
  private readonly latency = new Histogram({
    name: 'stint_http_request_duration_seconds',
    help: 'Time from a request’s arrival to its answer, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  })
  private readonly pushAnswers = new Counter({ name: 'stint_push_mutations_total', help: 'Answers given to pushed changes: applied, conflict or refused.', labelNames: ['result'] as const, registers: [this.registry] })
  private readonly pulls = new Counter({ name: 'stint_pulls_total', help: 'Pulls answered.', registers: [this.registry] })
  private readonly pulledRows = new Counter({ name: 'stint_pull_rows_total', help: 'Rows sent in pull answers (entries, periods and reference data).', registers: [this.registry] })
  private readonly syncLag = new Histogram({
    name: 'stint_sync_lag_seconds',
    help: 'For each applied change that carries its edit time: seconds from the edit on the device (its updatedAt) to its commit on the server. Device clocks may differ; a change stamped in the future counts as 0.',
    buckets: SYNC_LAG_BUCKETS,
    registers: [this.registry],
  })

  constructor({ dialect, pool, processMetrics = false }: ServerMetricsOptions) {
    new Gauge({ name: 'stint_database_info', help: 'The database the server uses (value 1).', labelNames: ['dialect'] as const, registers: [this.registry] }).set({ dialect }, 1)
    new Gauge({
      name: 'stint_database_connections',
      help: 'Database connections by state: PostgreSQL’s pool (total, idle, and requests waiting for a connection); SQLite has one connection, total 1.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (!pool) {
          this.set({ state: 'total' }, 1)
          return
        }
        this.set({ state: 'total' }, pool.totalCount)
        this.set({ state: 'idle' }, pool.idleCount)
        this.set({ state: 'waiting' }, pool.waitingCount)
      },
    })
    if (processMetrics) collectDefaultMetrics({ register: this.registry })
  }

  recordRequest(route: string | undefined, method: string, status: number, seconds: number): void {
    const labels = { route: route ?? UNMATCHED_ROUTE, method, status: String(status) }
    this.requests.inc(labels)
    this.latency.observe(labels, seconds)
  }

  /**
   * A push's answers (every position of the push, repeats included) and, for the changes
   * applied now, how long after their edit they were committed.
   */
  recordPush(answers: readonly MutationResult[], applied: readonly { mutation: Mutation; result: MutationResult }[], committedAt: number): void {
    for (const answer of answers) this.pushAnswers.inc({ result: answer.status })
    for (const { mutation, result } of applied) {
      const edited = result.status === 'applied' ? editedAt(mutation) : null
      if (edited !== null) this.syncLag.observe(Math.max(0, committedAt - edited) / 1000)
    }
  }

  recordPull(answer: PullResponse): void {
    this.pulls.inc()
    this.pulledRows.inc(answer.entries.length + answer.periods.length + answer.workItems.length + answer.activityTypes.length + answer.customers.length + answer.contracts.length)
  }

  /** The exposition text and its content type. */
  async exposition(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() }
  }
}
