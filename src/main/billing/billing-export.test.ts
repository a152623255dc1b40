// The 'billing.exportRun' call through the real core: a run of a closed month saved, then
// its workbook written through the app's save dialog (atomically) and its PDF and
// InvoiceNinja CSV handed to the browser host as one-time downloads; a run that does not
// exist is refused with refusal.billing.runMissing before any dialog.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TZDate } from '@date-fns/tz'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { readPdf } from '../../../tests/support/pdf-text'
import { FakeClock } from '../clock'
import { saveDialogDestination } from '../electron/save-dialog'
import { csvJobChunks, type CsvDestination } from '../reports/exporter'
import { readXlsx } from '../../../tests/support/xlsx-reader'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { WebDownloads } from '../web/downloads'

const BERLIN = 'Europe/Berlin'
process.env.TZ = BERLIN
const DEC_2 = new TZDate(2026, 11, 2, 10, 0, BERLIN).getTime()

let dir: string
let env: TempCore
let destination: CsvDestination | undefined
let asked: { defaultPath?: string; filters?: { name: string; extensions: string[] }[] }[]

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stint-bill-'))
  asked = []
  destination = undefined
  env = await openTempCore(new FakeClock(DEC_2, BERLIN), {
    exportDestination: {
      deliver: (job) => {
        if (!destination) throw new Error('no destination in this test')
        return destination.deliver(job)
      },
    },
  })
})
afterEach(async () => {
  await env.dispose()
  rmSync(dir, { recursive: true, force: true })
})

/** November: 2 h of HF-1 for Harbour Freight at 100.00/h, submitted (standalone: approved), then billed. */
async function billedNovember() {
  const { handlers } = env.core
  const harbour = await handlers['work.createCustomer']({ name: 'Harbour Freight', organisation: null })
  const item = await handlers['work.createItem']({ kind: 'ticket', reference: 'HF-1', title: 'Printer', customerId: harbour.id })
  const remote = (await handlers['work.listActivityTypes']({})).find((t) => t.name === 'Remote support')?.id ?? null
  await handlers['billing.updateSettings']({ activityRates: { [remote ?? '']: 10_000 } })
  await handlers['timesheet.setCells']({ changes: [{ day: '2026-11-17', row: { workItemId: item.id, activityTypeId: remote, billable: true }, totalSeconds: 7200 }] })
  await handlers['timesheet.submit']({ day: '2026-11-17' })
  return handlers['billing.run']({ from: '2026-11-01', to: '2026-11-30', groupBy: 'workItem' })
}

async function downloaded(downloads: WebDownloads, url: string): Promise<{ bytes: Buffer; mediaType: string | undefined }> {
  const taken = downloads.take(url.split('/').at(-1) ?? '')
  if (taken.status !== 'ready') throw new Error('the download is gone')
  const chunks: Buffer[] = []
  for await (const chunk of csvJobChunks(taken.job)) chunks.push(Buffer.from(chunk))
  return { bytes: Buffer.concat(chunks), mediaType: taken.job.file?.mediaType }
}

describe('billing.exportRun', () => {
  it('in the app: saves the run’s workbook where the person chose, atomically', async () => {
    const run = await billedNovember()
    destination = saveDialogDestination({
      dialog: {
        showSaveDialog: (...args: unknown[]) => {
          asked.push(args.at(-1) as (typeof asked)[number])
          return Promise.resolve({ canceled: false, filePath: join(dir, 'run.xlsx') })
        },
      },
      window: () => null,
      downloadsFolder: () => dir,
    })
    const result = await env.core.handlers['billing.exportRun']({ id: run.id, file: 'xlsx', language: 'en' })
    expect(result).toMatchObject({ status: 'saved', path: join(dir, 'run.xlsx') })
    expect(asked[0]?.filters?.[0]).toEqual({ name: 'Excel workbook (XLSX)', extensions: ['xlsx'] })
    expect(asked[0]?.defaultPath).toMatch(/stint-billing-2026-11-01-to-2026-11-30-[0-9a-f]{8}\.xlsx$/)
    expect(readdirSync(dir)).toEqual(['run.xlsx'])
    const bills = readXlsx(readFileSync(join(dir, 'run.xlsx')), 1)
    expect(bills.values()[1]).toEqual(['Harbour Freight', 'HF-1 Printer', 'Normal', 2, 100, 1, 'activity type rate', 200, 1])
  })

  it('in the browser host: the PDF and the InvoiceNinja CSV as one-time downloads', async () => {
    const run = await billedNovember()
    const downloads = new WebDownloads()
    destination = downloads
    const pdf = await env.core.handlers['billing.exportRun']({ id: run.id, file: 'pdf', language: 'de' })
    if (pdf.status !== 'download') throw new Error(`expected a download, got ${pdf.status}`)
    const printed = await downloaded(downloads, pdf.url)
    expect(printed.mediaType).toBe('application/pdf')
    const lines = (await readPdf(printed.bytes)).flatMap((page) => page.lines)
    expect(lines[0]).toBe('Rechnungen 1. Nov. 2026 – 30. Nov. 2026')
    expect(lines).toContain('Summe aller Rechnungen: 200,00 €')

    const csv = await env.core.handlers['billing.exportRun']({ id: run.id, file: 'invoiceNinja', language: 'en' })
    if (csv.status !== 'download') throw new Error(`expected a download, got ${csv.status}`)
    expect(csv.fileName).toMatch(/-invoiceninja\.csv$/)
    const text = (await downloaded(downloads, csv.url)).bytes.toString('utf8')
    expect(text.split('\r\n')[1]).toMatch(/^ST-[0-9a-f]{8}-01,Harbour Freight,2026-11-30,HF-1 Printer,Normal: 2026-11-01 – 2026-11-30,2.00,100.00,Stint [0-9a-f-]+,200.00$/)
  })

  it('refuses a run that does not exist, before any dialog, and where files cannot be saved', async () => {
    destination = new WebDownloads()
    const error = await Promise.resolve(env.core.handlers['billing.exportRun']({ id: 'nope', file: 'xlsx', language: 'en' })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StintError)
    expect((error as StintError).refusal?.id).toBe('refusal.billing.runMissing')
    const noHost = await openTempCore(new FakeClock(DEC_2, BERLIN))
    try {
      const refused = await Promise.resolve(noHost.core.handlers['billing.exportRun']({ id: 'nope', file: 'pdf', language: 'en' })).catch((e: unknown) => e)
      expect((refused as StintError).refusal?.id).toBe('refusal.export.cannotSave')
    } finally {
      await noHost.dispose()
    }
  })
})
