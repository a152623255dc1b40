// npm run bench -- csv — CSV export of one million entries. A real SQLite file (the app's
// own schema and indexes) holds one person's million entries over five years, booked on
// 300 tickets of 30 customers, with descriptions that need quoting (commas, quotes,
// line breaks, emoji) or the formula guard. We export them all as the app does
// (entriesCsvRecords through exportCsv) to a temporary file, against a hand-written exporter (one prepared
// statement, string concatenation into 1 MB chunks, one write each; bench/support/
// hand-csv.ts) whose file must be byte-identical, in turns in the same run. Targets:
// rows per second at least the hand-written exporter's (ratio ≥ 1.0) and at least
// 200,000; the process under 300 MB.
import { createHash } from 'node:crypto'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resourceUsage } from 'node:process'
import { it } from 'vitest'
import { entriesCsvRecords, ENTRY_CSV_COLUMNS } from '../src/main/reports/csv-entries'
import { exportCsv, type CsvExportResult } from '../src/main/reports/csv-export'
import { openTempCore } from '../src/main/testing/temp-core'
import { handWrittenExport } from './support/hand-csv'
import { absolute, comparison, note, perSecond } from './support/print'
import { timeInTurns, type TurnSamples } from './support/turns'

const TARGET_ENTRIES = Number(process.env['BENCH_ENTRIES'] ?? 1_000_000)
const FIRST_DAY = '2021-11-15'
const DAYS = 5 * 365
const MB = 1024 * 1024
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3)

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0

it(`CSV export of ${TARGET_ENTRIES.toLocaleString('en')} entries`, async () => {
  const env = await openTempCore()
  const outDir = mkdtempSync(join(tmpdir(), 'stint-csv-bench-'))
  try {
    const { sqlite, db } = env.core.store
    const me = (sqlite.prepare(`SELECT value FROM app_state WHERE key = 'user_id'`).get() as { value: string }).value

    // Generated inside SQLite: quick, and no JavaScript garbage left to inflate the memory figure.
    const started = performance.now()
    sqlite.transaction(() => {
      sqlite.exec(`
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29)
        INSERT INTO customers (id, name, created_at, updated_at) SELECT printf('cust-%02d', i), printf('Customer %d, Ltd.', i), 0, 0 FROM n;
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 59)
        INSERT INTO contracts (id, customer_id, name, created_at, updated_at) SELECT printf('con-%02d', i), printf('cust-%02d', i % 30), printf('Support "Gold" %d', i), 0, 0 FROM n;
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 299)
        INSERT INTO work_items (id, kind, reference, title, customer_id, contract_id, active, billable, created_at, updated_at)
          SELECT printf('item-%03d', i), 'ticket', printf('T-%d', 10000 + i), printf('Ticket %d: printer on floor %d', i, i % 7), printf('cust-%02d', i % 30), printf('con-%02d', i % 60), 1, 1, 0, 0 FROM n;`)
      const types = (sqlite.prepare('SELECT id FROM activity_types ORDER BY id').all() as { id: string }[]).map((t) => t.id)
      sqlite
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
           INSERT INTO time_entries (id, user_id, day, work_item_id, activity_type_id, billable, description, source, raw_seconds, rounded_seconds, status, created_at, updated_at)
           SELECT printf('e-%07d', i), ?, date(?, printf('+%d days', i * ? / ?)), printf('item-%03d', (i * 7919) % 300),
                  json_extract(?, printf('$[%d]', i % json_array_length(?))), (i % 5) != 0,
                  CASE i % 10
                    WHEN 0 THEN 'Replaced toner, cleaned rollers'
                    WHEN 1 THEN 'Call with "Anna" re: VPN, again'
                    WHEN 2 THEN 'Line one' || char(13, 10) || 'line two' || char(10) || 'line three'
                    WHEN 3 THEN '=HYPERLINK("http://evil.invalid","click")'
                    WHEN 4 THEN 'Deployed update 🚀 to 12 laptops'
                    WHEN 5 THEN '-2 licences; +1 seat @ HQ'
                    ELSE ''
                  END,
                  CASE i % 3 WHEN 0 THEN 'timer' WHEN 1 THEN 'grid' ELSE 'manual' END,
                  900 + (i % 13) * 97, 900 * (1 + i % 4), CASE WHEN i % 50 = 0 THEN 'draft' ELSE 'approved' END,
                  1637000000000 + i * 150000, 1637000000000 + i * 150000
           FROM n`,
        )
        .run(TARGET_ENTRIES, me, FIRST_DAY, DAYS, TARGET_ENTRIES, JSON.stringify(types), JSON.stringify(types))
    })()
    sqlite.exec('ANALYZE')
    // A million rows written in one transaction sit in the write-ahead log until a
    // checkpoint; an app's database has long been checkpointed, so read it as one would.
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const generated = performance.now() - started
    const last = (sqlite.prepare('SELECT max(day) AS day FROM time_entries').get() as { day: string }).day

    const ours = join(outDir, 'entries.csv')
    const theirs = join(outDir, 'hand-written.csv')
    let result: CsvExportResult | undefined
    const ways = [
      async () => {
        result = await exportCsv({ path: ours }, ENTRY_CSV_COLUMNS, entriesCsvRecords(db, me, FIRST_DAY, last), { bom: true })
      },
      () => handWrittenExport(sqlite, theirs, me, FIRST_DAY, last),
    ]
    // Once each untimed (the warm-up), and the two files must be the same bytes.
    for (const way of ways) await way()
    if ((await sha256(ours)) !== (await sha256(theirs))) throw new Error('Stint\'s export and the hand-written one wrote different bytes.')

    // Memory as the process sees it, sampled while the exports run (ours yields to the
    // event loop at every page and chunk, so the sampler gets its turns).
    const rssBefore = process.memoryUsage().rss
    let rssPeak = rssBefore
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
    }, 5)
    let samples: TurnSamples[]
    try {
      samples = await timeInTurns(ways, RUNS, { warmUp: false })
    } finally {
      clearInterval(sampler)
    }
    const maxRss = (resourceUsage().maxRSS * 1024) / MB // kilobytes; the whole life of this process, generation included

    if (result?.rows !== TARGET_ENTRIES) throw new Error(`The export wrote ${result?.rows ?? 0} rows, not ${TARGET_ENTRIES}.`)
    if (statSync(ours).size !== result.bytes) throw new Error('The file on disk is not the size the export reported.')
    const [ourRates = [], theirRates = []] = samples.map((runs) => runs.wall.map((milliseconds) => (TARGET_ENTRIES * 1000) / milliseconds))
    const [ourCpu = [], theirCpu = []] = samples.map((runs) => runs.cpu.map((milliseconds) => (TARGET_ENTRIES * 1000) / milliseconds))
    const [ourMedian, theirMedian] = [median(ourRates), median(theirRates)]
    const rate = perSecond('rows')
    const peakMb = Math.max(rssPeak, process.memoryUsage().rss) / MB
    console.log(
      [
        '',
        `CSV export: ${result.rows.toLocaleString('en')} entries of one person (${FIRST_DAY} to ${last}), generated in ${(generated / 1000).toFixed(1)} s; files byte-identical.`,
        `Each run wrote ${(result.bytes / MB).toFixed(0)} MB, fsync and rename included; ${RUNS} runs each way in turns: ours ${ourRates.map(rate).join(', ')}; hand-written ${theirRates.map(rate).join(', ')}.`,
        comparison(`rows per second, median of ${RUNS} runs`, ourMedian, theirMedian, rate, { atLeast: 1 }).line,
        comparison(`rows per CPU second of this process, median (steadier under load)`, median(ourCpu), median(theirCpu), rate, { atLeast: 1 }).line,
        absolute(`rows per second, median of ${RUNS} runs`, rate(ourMedian), '≥ 200,000 rows/s', ourMedian >= 200_000),
        absolute('peak RSS of the process during the exports', `${peakMb.toFixed(0)} MB`, '< 300 MB', peakMb < 300),
        note('RSS before the exports', `${(rssBefore / MB).toFixed(0)} MB`),
        absolute('maxRSS of the process over its whole life', `${maxRss.toFixed(0)} MB`, '< 300 MB', maxRss < 300),
        '',
      ].join('\n'),
    )
  } finally {
    rmSync(outDir, { recursive: true, force: true })
    await env.dispose()
  }
}, 600_000)
