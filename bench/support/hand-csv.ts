// The CSV bench's baseline: the exporter a good engineer would write by hand for one
// person's entries, to the same bytes as Stint's (the bench compares them). One prepared
// statement, its rows iterated as arrays, the names of the few hundred work items and
// activity types read into maps first (joining them costs four index look-ups a row,
// which made this exporter slower by a third); each record built by string
// concatenation into chunks of about a megabyte, each chunk one write to a temporary
// file, then fsync and rename, the same promise of "whole file or none" as exportCsv.
// Also tried, 300,000 rows, in turns with this one (issue 15): durations and instants
// made once per distinct value / day instead of toISOString per row, and keyset pages
// read with .all() with lines joined per write; each measured 10-15% slower in CPU on
// this machine (more string pieces per line), so this stays the baseline.
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type SqliteDatabase from 'better-sqlite3'

const HEADER = 'date,work_item_reference,work_item_title,customer,contract,activity_type,billable,description,source,status,hours,minutes,raw_minutes,created_at,entry_id'
const CHUNK = 1024 * 1024
const NEEDS_QUOTES = /[",\r\n]/

/** Formula guard (=, +, -, @, tab, CR and their full-width twins get a leading '), then RFC 4180 quoting. */
function text(value: string | null): string {
  if (value === null || value === '') return ''
  const first = value.charCodeAt(0)
  const guarded =
    first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d || first === 0xff1d || first === 0xff0b || first === 0xff0d || first === 0xff20
      ? `'${value}`
      : value
  if (!NEEDS_QUOTES.test(guarded)) return guarded
  return `"${guarded.replaceAll('"', '""')}"`
}

function hours(seconds: number): string {
  const hundredths = Math.round(seconds / 36)
  const fraction = hundredths % 100
  return `${Math.floor(hundredths / 100)}.${fraction < 10 ? '0' : ''}${fraction}`
}

const minutes = (seconds: number): string => String(Math.round(seconds / 60))

type Row = [string, string | null, string | null, number, string, string, string, number, number, number, string]

/** Writes the live, not voided entries of `userId` from `from` to `to` as CSV (with a BOM) to `path`; the rows written. */
export function handWrittenExport(sqlite: SqliteDatabase.Database, path: string, userId: string, from: string, to: string): number {
  const workItems = new Map<string, [string, string, string]>()
  const items = sqlite.prepare(
    `SELECT w.id, w.reference, w.title, c.name, k.name FROM work_items w LEFT JOIN customers c ON c.id = w.customer_id LEFT JOIN contracts k ON k.id = w.contract_id`,
  )
  for (const [id, reference, title, customer, contract] of items.raw(true).iterate() as IterableIterator<[string, string | null, string, string | null, string | null]>) {
    workItems.set(id, [text(reference), text(title), `${text(customer)},${text(contract)}`])
  }
  const types = new Map((sqlite.prepare('SELECT id, name FROM activity_types').raw(true).all() as [string, string][]).map(([id, name]) => [id, text(name)]))
  const none: [string, string, string] = ['', '', ',']
  const statement = sqlite
    .prepare(
      `SELECT e.day, e.work_item_id, e.activity_type_id, e.billable, e.description, e.source, e.status, e.rounded_seconds, e.raw_seconds, e.created_at, e.id
       FROM time_entries e
       WHERE e.user_id = ? AND e.deleted_at IS NULL AND e.day >= ? AND e.day <= ? AND e.status != 'voided'
       ORDER BY e.day, e.id`,
    )
    .raw(true)
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`)
  const fd = openSync(temp, 'wx', 0o600)
  let rows = 0
  try {
    let chunk = `\uFEFF${HEADER}\r\n`
    for (const row of statement.iterate(userId, from, to) as IterableIterator<Row>) {
      const [day, workItem, activity, billable, description, source, status, rounded, raw, createdAt, id] = row
      const [reference, title, owners] = (workItem === null ? undefined : workItems.get(workItem)) ?? none
      chunk += `${day},${reference},${title},${owners},${activity === null ? '' : (types.get(activity) ?? '')},${billable === 1 ? 'yes' : 'no'},${text(description)},${text(source)},${text(status)},${hours(rounded)},${minutes(rounded)},${minutes(raw)},${new Date(createdAt).toISOString()},${text(id)}\r\n`
      rows++
      if (chunk.length >= CHUNK) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }
    writeSync(fd, chunk)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
  return rows
}
