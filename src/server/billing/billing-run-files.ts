// A saved billing run of the team server as the files the app makes of its own runs
// (src/documents): the run holds ids, so the names are looked up now (customers,
// contracts, work items, activity types, people), including ones deleted since, so a
// file of last year's run still names last year's contract. Bills are named and ordered
// as the app's (bill-views.ts); what was left out by day, person and entry.
import type { Kysely } from 'kysely'
import type { BillingRunForFiles, LeftOutView } from '@shared/billing-api'
import { billViews } from '@shared/billing/bill-views'
import { billingRunFile, billingRunFileName, type BillingRunFileKind } from '../../documents/billing-run-file'
import type { Language } from '@shared/i18n/languages'
import type { ServerDatabase } from '../db/schema'
import { readRun, type SavedRun } from './billing-service'

const CHUNK = 500
type Named = 'customers' | 'contracts' | 'activity_types' | 'users'

async function namesOf(db: Kysely<ServerDatabase>, table: Named, ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)]
  const names = new Map<string, string>()
  for (let start = 0; start < all.length; start += CHUNK) {
    const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', all.slice(start, start + CHUNK)).execute()
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}

/** A work item as the app names it: its reference (a ticket number) and title. */
async function workItemNames(db: Kysely<ServerDatabase>, ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)]
  const names = new Map<string, string>()
  for (let start = 0; start < all.length; start += CHUNK) {
    const rows = await db.selectFrom('work_items').select(['id', 'reference', 'title']).where('id', 'in', all.slice(start, start + CHUNK)).execute()
    for (const row of rows) names.set(row.id, row.reference ? `${row.reference} ${row.title}` : row.title)
  }
  return names
}

interface LeftEntry {
  id: string
  user_id: string
  day: string
  work_item_id: string | null
  activity_type_id: string | null
}

/** The left-out entries' facts, deleted ones too (a run may name an entry deleted since). */
async function entriesOf(db: Kysely<ServerDatabase>, ids: readonly string[]): Promise<Map<string, LeftEntry>> {
  const found = new Map<string, LeftEntry>()
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db.selectFrom('time_entries').select(['id', 'user_id', 'day', 'work_item_id', 'activity_type_id']).where('id', 'in', ids.slice(start, start + CHUNK)).execute()
    for (const row of rows) found.set(row.id, row)
  }
  return found
}

/** A saved run with names, as the files show it. */
export async function runForFiles(db: Kysely<ServerDatabase>, run: SavedRun): Promise<BillingRunForFiles> {
  const entries = await entriesOf(
    db,
    run.leftOut.map((l) => l.entryId),
  )
  const left = [...entries.values()]
  const groups = run.bills.flatMap((b) => b.lines.flatMap((l) => (l.group === null ? [] : [l.group])))
  const [customers, people, activities, contracts, items] = await Promise.all([
    namesOf(db, 'customers', run.bills.map((b) => b.customerId)),
    namesOf(db, 'users', left.map((e) => e.user_id)),
    namesOf(db, 'activity_types', [...left.flatMap((e) => (e.activity_type_id === null ? [] : [e.activity_type_id])), ...(run.groupBy === 'activityType' ? groups : [])]),
    run.groupBy === 'contract' ? namesOf(db, 'contracts', groups) : Promise.resolve(new Map<string, string>()),
    workItemNames(db, [...left.flatMap((e) => (e.work_item_id === null ? [] : [e.work_item_id])), ...(run.groupBy === 'workItem' ? groups : [])]),
  ])
  const groupNames = run.groupBy === 'contract' ? contracts : run.groupBy === 'workItem' ? items : activities
  const bills = billViews(run.bills, { customer: (id) => customers.get(id) ?? id, group: (id) => groupNames.get(id) ?? null })
  const leftOut = run.leftOut
    .map((l): LeftOutView => {
      const entry = entries.get(l.entryId)
      return {
        entryId: l.entryId,
        day: entry?.day ?? '',
        person: entry ? (people.get(entry.user_id) ?? entry.user_id) : '',
        workItem: entry?.work_item_id ? (items.get(entry.work_item_id) ?? null) : null,
        activityType: entry?.activity_type_id ? (activities.get(entry.activity_type_id) ?? null) : null,
        reason: l.reason,
        seconds: l.seconds,
      }
    })
    .sort((a, b) => a.day.localeCompare(b.day) || (a.person ?? '').localeCompare(b.person ?? '') || a.entryId.localeCompare(b.entryId))
  return { id: run.id, from: run.from, to: run.to, groupBy: run.groupBy, createdAt: run.createdAt, currency: run.currency, totalMinor: run.totalMinor, bills, leftOut }
}

/** A saved run's file by its id, with its name: refused (not found) before any byte when there is no such run. */
export async function billingRunExport(db: Kysely<ServerDatabase>, id: string, file: BillingRunFileKind, language: Language, printedAt: number): Promise<{ fileName: string; bytes: Uint8Array }> {
  const run = await runForFiles(db, await readRun(db, id))
  const { bytes } = await billingRunFile(run, { file, language }, printedAt)
  return { fileName: billingRunFileName(run, file), bytes }
}
