// Time entries on the device have one home, src/main/entries, which asks the period lock
// before every local write. This proves no other module writes them, so a new write path
// cannot forget the lock: it reads every source file, finds every write of the entry
// tables, and every other mention of them outside a read, and expects none but the
// reviewed ones listed here with the reason.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const TABLES = 'time_entries|time_entry_ranges|held_time|held_time_ranges'

/** Where the tables may be written: the module itself, and migrations (frozen, they build the tables). */
const HOME = ['src/main/entries/', 'src/main/db/migrations/']

/** Files that name the tables other than in a read, and why that is not a write path. */
const REVIEWED: Record<string, string> = {
  'src/main/db/schema.ts': 'the row types of the database',
  'src/shared/reports/tables.ts': 'the row types the report engine reads',
  'src/main/reports/csv-entries.ts': "a type of the export's query builder",
  'src/main/reports/local-reports.ts': "names the device's table of timer runs for the report engine, which only selects from it (the overlapped measure, src/shared/reports/overlap.ts)",
  'src/main/sync/restored-server.ts': "after a server restore, sets a row's server version to the restored server's (sync bookkeeping, never an entry's content); the outbox trigger then queues it",
  'src/main/ticket-writes/jobs.ts': "reads a submitted period's approved entries (a select with joined, qualified columns) to make the standalone write-back jobs; writes only ticket_writes",
  'src/main/sync/sync-service.ts': 'queues unsent rows (a read) and sends entry writes to src/main/entries/server-copies',
  'src/shared/ticket-systems/redmine.ts': "Redmine's REST paths and fields (/time_entries.json), not Stint's table",
  'src/shared/ticket-systems/freshdesk.ts': "Freshdesk's REST paths (/tickets/:id/time_entries), not Stint's table",
}

const WRITE_CALL = new RegExp(`\\.(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\\(\\s*['"\`](${TABLES})\\b`)
const WRITE_SQL = new RegExp(`\\b(INSERT(\\s+OR\\s+\\w+)?\\s+INTO|REPLACE\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+["\`]?(${TABLES})\\b`, 'i')
const READ = new RegExp(`(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin)\\(\\s*['"\`](${TABLES})\\b|\\b(FROM|JOIN)\\s+["\`]?(${TABLES})\\b`, 'g')
const MENTION = new RegExp(`\\b(${TABLES})\\b`, 'g')

/** Code without its comments, so prose about the tables is not taken for code. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

/** What a file does with the entry tables: writes (always refused) and mentions outside a read. */
export function entryTableUse(text: string): { writes: string[]; otherMentions: number; importsWriters: boolean } {
  const source = code(text)
  const writes = source.split('\n').filter((line) => WRITE_CALL.test(line) || WRITE_SQL.test(line))
  const otherMentions = (source.replace(READ, '').match(MENTION) ?? []).length
  return { writes, otherMentions, importsWriters: /from ['"][^'"]*entries\/entry-rows['"]/.test(source) }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'node_modules' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec|bench)\.tsx?$/.test(entry.name) ? [path] : []
  })
}

describe('time entries are written only by src/main/entries', () => {
  it('the check sees inserts, updates, deletes and raw SQL, and a table named outside a read', () => {
    expect(entryTableUse("await trx.insertInto('time_entries').values(row).execute()").writes).toHaveLength(1)
    expect(entryTableUse("await db.updateTable(`time_entries`).set({ status })").writes).toHaveLength(1)
    expect(entryTableUse("await trx.deleteFrom('time_entry_ranges').execute()").writes).toHaveLength(1)
    expect(entryTableUse('await sql`UPDATE time_entries SET raw_seconds = 0`.execute(db)').writes).toHaveLength(1)
    expect(entryTableUse("await sql`INSERT OR REPLACE INTO held_time (id) VALUES ('x')`.execute(db)").writes).toHaveLength(1)
    expect(entryTableUse("const table = 'time_entries'\nawait db.updateTable(table).set({ raw_seconds: 0 })").otherMentions).toBe(1)
    expect(entryTableUse("import { insertEntry } from '../entries/entry-rows'").importsWriters).toBe(true)
    expect(entryTableUse("const rows = await db.selectFrom('time_entries as e').select('e.id').execute() // update time_entries later")).toEqual({ writes: [], otherMentions: 0, importsWriters: false })
  })

  it('no other module of the app writes an entry, imports the writers, or names the tables beyond a read', () => {
    const files = ['src/main', 'src/shared', 'src/preload', 'src/renderer'].flatMap(sourceFiles).filter((f) => !HOME.some((home) => f.startsWith(home)))
    expect(files.length).toBeGreaterThan(50)
    const problems = files.flatMap((file) => {
      const use = entryTableUse(readFileSync(join(root, file), 'utf8'))
      return [
        ...use.writes.map((line) => `${file} writes: ${line.trim()}`),
        ...(use.importsWriters ? [`${file} imports the entry writers`] : []),
        ...(use.otherMentions > 0 && !(file in REVIEWED) ? [`${file} names an entry table outside a read: write through src/main/entries, or review it here`] : []),
      ]
    })
    expect(problems).toEqual([])
  })

  it('every reviewed exception still exists and still needs its exception', () => {
    for (const file of Object.keys(REVIEWED)) expect(entryTableUse(readFileSync(join(root, file), 'utf8')).otherMentions, relative(root, join(root, file))).toBeGreaterThan(0)
  })
})
