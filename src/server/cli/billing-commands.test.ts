// Billing from the command line (in this process, SQLite, the server's clock set to
// 4 December 2026): set rates by name in the currency's digits, add a holiday, change the
// settings, run November and print its bills per customer, run it again after an approval
// and see what changed, list the runs, write a run's files; bad arguments are usage errors
// (exit 2) and refusals exit 1 with the reason.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addBillingEntry, billingOrg, BERLIN, localInstant, MEETING, REMOTE, type BillingOrg } from '../../../tests/support/billing-org'
import { cliIn, type CliRun } from '../../../tests/support/cli-in-process'
import { readXlsx } from '../../../tests/support/xlsx-reader'
import { openServerDatabase } from '../db/open'

const NOW = Date.UTC(2026, 11, 4, 9, 0)
let dataDir: string
let o: BillingOrg
let meeting: string

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-cli-billing-'))
  offset = NOW - Date.now()
  const opened = await openServerDatabase({ url: undefined, dataDir })
  try {
    o = await billingOrg(opened.db, NOW)
    const tue = (h: number) => localInstant('2026-11-17', h * 60, BERLIN)
    await addBillingEntry(opened.db, { userId: o.bo.userId, day: '2026-11-17', workItemId: o.items.muellerLoose, activityTypeId: REMOTE, billable: true, status: 'approved', runs: [{ startedAt: tue(17), endedAt: tue(19) }] }, NOW)
    meeting = await addBillingEntry(opened.db, { userId: o.bo.userId, day: '2026-11-18', workItemId: o.items.muellerLoose, activityTypeId: MEETING, billable: true, status: 'submitted', seconds: 1800 }, NOW)
  } finally {
    await opened.close()
  }
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** Set once per test, so the server's clock runs on from 4 December as real time passes. */
let offset = 0
const env = () => ({ STINT_TEST_CLOCK_OFFSET_MS: String(offset) })
const cli = (args: string[]): Promise<CliRun> => cliIn(dataDir, args, env())
const ok = async (args: string[]) => {
  const run = await cli(args)
  expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0)
  return run
}

describe('billing from the command line', () => {
  it('sets rates and a holiday, runs a month, prints bills per customer, and what changed on the next run', async () => {
    expect((await ok(['billing', 'rate', 'set', '--customer', 'Müller GmbH', '--rate', '100.00'])).stderr).toBe('The rate of Müller GmbH, all activity types is €100.00 an hour.')
    expect((await ok(['billing', 'rate', 'set', '--activity-type', 'Remote support', '--rate', '90'])).stderr).toBe('The rate of Remote support is €90.00 an hour.')
    expect((await ok(['billing', 'holiday', 'add', '--day', '2026-11-18', '--name', 'Buß- und Bettag'])).stderr).toBe('2026-11-18 (Buß- und Bettag) is a holiday for billing.')
    const settings = await ok(['billing', 'settings', '--set', '{"classes": {"afterHours": {"multiplierBp": 15000}, "holiday": {"hourlyMinor": 18000}}}'])
    expect(JSON.parse(settings.stdout)).toMatchObject({ currency: 'EUR', overlapRule: 'full', classes: { afterHours: { multiplierBp: 15000 } } })

    const first = await ok(['billing', 'run', '--from', '2026-11-01', '--to', '2026-11-30', '--group-by', 'activityType'])
    const id1 = /^Billing run (\S+):/.exec(first.lines[0] ?? '')?.[1] ?? ''
    expect(first.lines).toEqual([
      `Billing run ${id1}: 2026-11-01 – 2026-11-30, by activityType, total €250.00`,
      'Müller GmbH\t€250.00\tincluded 0.00 h',
      `  ${REMOTE}\tnormal\t1.00 h\t€100.00/h (customer)\t€100.00`,
      `  ${REMOTE}\tafterHours\t1.00 h\t€100.00 ×1.5/h (customer)\t€150.00`,
      'Left out: 1 notApproved',
    ])

    const opened = await openServerDatabase({ url: undefined, dataDir })
    await opened.db.updateTable('time_entries').set({ status: 'approved' }).where('id', '=', meeting).execute()
    await opened.close()
    const second = await ok(['billing', 'run', '--from', '2026-11-01', '--to', '2026-11-30'])
    expect(second.lines.slice(-2)).toEqual([`Since run ${id1}: 1 added, 0 removed, 0 changed`, '  Müller GmbH\t€250.00 → €300.00'])
    // Time typed as a duration is normal time, even on the holiday; one line per rate, grouped by (no) contract.
    expect(second.lines).toContain('  -\tnormal\t1.50 h\t€100.00/h (customer)\t€150.00')

    const runs = await ok(['billing', 'runs'])
    expect(runs.lines.map((l) => l.split('\t').slice(1, 4))).toEqual([
      ['2026-11-01 – 2026-11-30', 'contract', '€300.00'],
      ['2026-11-01 – 2026-11-30', 'activityType', '€250.00'],
    ])
    expect(JSON.parse((await ok(['billing', 'runs', '--json'])).stdout)).toHaveLength(2)

    // The first run's workbook, in German, over a file already there: replaced whole, nothing left beside it.
    const out = join(dataDir, 'exports')
    mkdirSync(out)
    const target = join(out, 'november.xlsx')
    writeFileSync(target, 'last month')
    const wrote = await ok(['billing', 'export', '--run', id1, '--file', 'xlsx', '--language', 'de', '--out', target])
    expect(wrote.stderr).toMatch(/^Wrote .*november\.xlsx \(\d+ bytes; the run's own name for it: stint-billing-2026-11-01-to-2026-11-30-\w{8}\.xlsx\)\.$/)
    const sheet = readXlsx(readFileSync(target), 1)
    expect(sheet.sheetName).toBe('Rechnungen')
    expect(sheet.values().at(-1)).toEqual([null, 'Summe aller Rechnungen', null, 2, null, null, null, 250, 1])
    expect(readdirSync(out)).toEqual(['november.xlsx'])
  })

  it('answers bad arguments with the usage (exit 2) and refusals with the reason (exit 1), saving nothing', async () => {
    const usage: [string[], string][] = [
      [['billing', 'run', '--from', '2026-11-01'], 'billing run needs --to.'],
      [['billing', 'run', '--from', '2026-11-30', '--to', '2026-11-01'], 'to: to must not be before from'],
      [['billing', 'rate', 'set', '--rate', '12.345', '--activity-type', 'Remote support'], 'has more decimals than EUR has (2)'],
      [['billing', 'rate', 'set', '--rate', '10'], 'needs --activity-type, --customer or --contract'],
      [['billing', 'holiday', 'add', '--day', '18.11.2026', '--name', 'X'], 'holidays.0.day'],
      [['billing', 'settings', '--set', '{"overlapRule": "twice"}'], 'overlapRule'],
      [['billing', 'export', '--run', 'x', '--file', 'docx', '--out', join(dataDir, 'x.docx')], 'A billing run is exported as "xlsx", "pdf" or "invoiceNinja" (CSV).'],
      [['billing', 'export', '--run', 'x', '--file', 'pdf', '--language', 'fr', '--out', join(dataDir, 'x.pdf')], '--language is one of en, de, not "fr".'],
      [['billing', 'export', '--run', 'x', '--file', 'pdf'], 'billing export needs --out.'],
    ]
    for (const [args, message] of usage) {
      const run = await cli(args)
      expect([run.status, run.stderr], args.join(' ')).toEqual([2, expect.stringContaining(message)])
    }
    const refused: [string[], string][] = [
      [['billing', 'run', '--from', '2026-12-01', '--to', '2026-12-04'], 'Only days that are over can be billed: Fri 4 Dec is not over yet. Choose a range that ends by Thu 3 Dec.'],
      [['billing', 'rate', 'set', '--customer', 'Nobody Inc', '--rate', '10'], 'There is no customer or activity type “Nobody Inc”. Nothing was changed.'],
      [['billing', 'export', '--run', 'nope', '--file', 'pdf', '--out', join(dataDir, 'nope.pdf')], 'nope'],
    ]
    for (const [args, message] of refused) {
      const run = await cli(args)
      expect([run.status, run.stderr], args.join(' ')).toEqual([1, expect.stringContaining(message)])
    }
    expect((await ok(['billing', 'runs'])).lines).toEqual([])
    expect(readdirSync(dataDir).filter((name) => /\.(docx|pdf)$/.test(name))).toEqual([])
  })
})
