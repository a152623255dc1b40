// Tools for probing every route of the team server from outside: the routes as Fastify
// knows them (so a route added later is probed without anyone listing it), requests with
// good and bad inputs for each, and a snapshot of every table to see which rows a caller
// changed.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { ServerDatabase } from '../../src/server/db/schema'

export interface Route {
  method: string
  url: string
}

/**
 * Every route and method the app answers (HEAD, which Fastify adds to each GET, left out),
 * read from Fastify's own route tree: lines such as `│   ├── /approve (POST)` nest under
 * the line above them.
 */
export function routesOf(app: FastifyInstance): Route[] {
  const routes: Route[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line)
    if (!match) continue
    const depth = (match[1] ?? '').length / 4
    stack.length = depth
    const url = `${stack[depth - 1] ?? ''}${match[2] ?? ''}`
    stack.push(url)
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) if (method !== 'HEAD') routes.push({ method, url })
  }
  return routes
}

export interface Probe {
  label: string
  method: string
  url: string
  /** A raw body sent as application/json as it is (broken JSON included), or a value to encode. */
  raw?: string
  json?: unknown
}

const PATH_IDS = ['0190ffff-0000-7000-8000-00000000dead', 'x'.repeat(300), '%00', 'a%00b', '%E2%80%8B', '..%2F..%2Fetc', '-1', '9'.repeat(40)]

const QUERIES = [
  '',
  '?after=-1&limit=abc',
  '?after=1e400&limit=99999999999999999999999',
  '?after=%00',
  '?month=2026-02-30&statuses=draft',
  '?month=2026-11&statuses=%00',
  '?month=9999999-01',
  '?month=2026-11&statuses=approved&statuses=voided',
  '?after=0&limit=1000',
]

/** Bodies every POST route gets, whatever it expects. */
const GENERIC_BODIES: Omit<Probe, 'method' | 'url'>[] = [
  { label: 'an empty body', raw: '' },
  { label: 'broken JSON', raw: '{"a": ' },
  { label: 'null', raw: 'null' },
  { label: 'an array', raw: '[]' },
  { label: 'a string', raw: '"text"' },
  { label: 'a number too large for a double', raw: '1e400' },
  { label: 'an empty object', json: {} },
  { label: 'an unknown field with a NUL', json: { unexpected: 'a\u0000b' } },
  { label: 'deep nesting', raw: `${'{"a":'.repeat(200)}1${'}'.repeat(200)}` },
]

/** The requests for one route: its path with other people's and unknown ids, then query strings or bodies. */
export function probesOf(route: Route, periodIds: readonly string[], specificBodies: Readonly<Record<string, readonly Omit<Probe, 'method' | 'url'>[]>>): Probe[] {
  const urls = route.url.includes(':periodId') ? [...periodIds, ...PATH_IDS].map((id) => route.url.replace(':periodId', id)) : [route.url]
  const probes: Probe[] = []
  for (const url of urls) {
    if (route.method === 'GET') {
      for (const query of QUERIES) probes.push({ label: `GET ${url}${query}`, method: 'GET', url: `${url}${query}` })
      continue
    }
    for (const body of [...GENERIC_BODIES, ...(specificBodies[route.url] ?? [])]) probes.push({ ...body, label: `${route.method} ${url} with ${body.label}`, method: route.method, url })
  }
  return probes
}

type Row = Record<string, unknown>

const KEYS: Record<keyof ServerDatabase, (row: Row) => string> = {
  org: (r) => String(r['id']),
  users: (r) => String(r['id']),
  teams: (r) => String(r['id']),
  team_members: (r) => `${String(r['team_id'])}/${String(r['user_id'])}`,
  team_approvers: (r) => `${String(r['team_id'])}/${String(r['level'])}/${String(r['user_id'])}`,
  device_tokens: (r) => String(r['id']),
  customers: (r) => String(r['id']),
  contracts: (r) => String(r['id']),
  activity_types: (r) => String(r['id']),
  work_items: (r) => String(r['id']),
  time_entries: (r) => String(r['id']),
  periods: (r) => String(r['id']),
  period_events: (r) => String(r['id']),
  applied_mutations: (r) => String(r['id']),
  database_epoch: (r) => String(r['id']),
  change_streams: (r) => String(r['user_id']),
  ticket_systems: (r) => String(r['id']),
  ticket_writes: (r) => String(r['id']),
  billing_settings: (r) => String(r['id']),
  billing_holidays: (r) => String(r['day']),
  billing_rates: (r) => `${String(r['scope'])}/${String(r['target_id'])}/${String(r['activity_type_id'])}`,
  contract_billing: (r) => String(r['contract_id']),
  entry_runs: (r) => `${String(r['entry_id'])}/${String(r['started_at'])}`,
  billing_runs: (r) => String(r['id']),
}

export type Snapshot = Map<string, { table: keyof ServerDatabase; row: Row }>

/** Every row of every table, keyed "table:key". */
export async function snapshot(db: Kysely<ServerDatabase>): Promise<Snapshot> {
  const all: Snapshot = new Map()
  for (const table of Object.keys(KEYS) as (keyof ServerDatabase)[]) {
    for (const row of (await db.selectFrom(table).selectAll().execute()) as Row[]) all.set(`${table}:${KEYS[table](row)}`, { table, row })
  }
  return all
}

export interface Change {
  table: keyof ServerDatabase
  key: string
  before: Row | undefined
  after: Row | undefined
}

/** Rows added, removed or changed between two snapshots. */
export function changesBetween(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = []
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key)
    const is = after.get(key)
    if (JSON.stringify(was?.row) === JSON.stringify(is?.row)) continue
    const table = (was ?? is)?.table
    if (table) changes.push({ table, key, before: was?.row, after: is?.row })
  }
  return changes
}
