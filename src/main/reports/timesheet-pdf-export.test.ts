// The 'export.timesheetPdf' call through the real core: the period's rows named from the
// work items (customer and activity), in the asked language; saved through the app's
// save dialog (atomically, as CSV exports are) or handed to the browser host's download.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { readPdf } from '../../../tests/support/pdf-text'
import { saveDialogDestination, type SaveDialogDeps } from '../electron/save-dialog'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { WebDownloads } from '../web/downloads'
import { csvJobChunks, type CsvDestination } from './exporter'

process.env.TZ = 'Europe/Berlin'

let dir: string
let temp: TempCore | null = null
let destination: CsvDestination | undefined
/** What the save dialog was asked (Electron's SaveDialogOptions, in part). */
interface Asked {
  defaultPath?: string
  filters?: { name: string; extensions: string[] }[]
}
let asked: Asked[]

/** A save dialog that answers `filePath` (or is closed, for null) and remembers what it was asked. */
function dialogAnswering(filePath: string | null): SaveDialogDeps['dialog'] {
  const showSaveDialog = (...args: unknown[]) => {
    asked.push(args.at(-1) as Asked)
    return Promise.resolve(filePath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath })
  }
  return { showSaveDialog }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-pdf-'))
  asked = []
})
afterEach(async () => {
  await temp?.dispose()
  temp = null
  rmSync(dir, { recursive: true, force: true })
})

/** A core whose week of 16 Nov 2026 has 1:30 on Monday and 2:15 on Tuesday for ACME-7 (customer Acme GmbH), submitted. */
async function coreWithAWeek(): Promise<TempCore> {
  temp = await openTempCore(undefined, {
    exportDestination: {
      deliver: (job) => {
        if (!destination) throw new Error('no destination in this test')
        return destination.deliver(job)
      },
    },
  })
  const { handlers } = temp.core
  const customer = await handlers['work.createCustomer']({ name: 'Acme GmbH', organisation: null })
  const item = await handlers['work.createItem']({ kind: 'ticket', reference: 'ACME-7', title: 'Mail server', customerId: customer.id })
  const type = (await handlers['work.listActivityTypes']({})).find((each) => each.name === 'Remote support')
  const row = { workItemId: item.id, activityTypeId: type?.id ?? null, billable: true }
  await handlers['timesheet.setCells']({ changes: [{ day: '2026-11-16', row, totalSeconds: 5400 }, { day: '2026-11-17', row, totalSeconds: 8100 }] })
  await handlers['timesheet.submit']({ day: '2026-11-18' })
  return temp
}

describe('export.timesheetPdf', () => {
  it('in the app: asks where to save a PDF and writes it atomically', async () => {
    const { core } = await coreWithAWeek()
    destination = saveDialogDestination({
      dialog: dialogAnswering(join(dir, 'week.pdf')),
      window: () => null,
      downloadsFolder: () => dir,
    })
    const result = await core.handlers['export.timesheetPdf']({ day: '2026-11-18', language: 'en' })
    expect(result).toEqual({ status: 'saved', path: join(dir, 'week.pdf'), rows: 1, bytes: expect.any(Number) as number })
    expect(asked[0]?.defaultPath).toBe(join(dir, 'stint-timesheet-2026-11-16-to-2026-11-22.pdf'))
    expect(asked[0]?.filters?.[0]).toEqual({ name: 'PDF document', extensions: ['pdf'] })
    expect(readdirSync(dir)).toEqual(['week.pdf']) // no temporary file left beside it
    const bytes = readFileSync(join(dir, 'week.pdf'))
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const lines = (await readPdf(bytes)).flatMap((page) => page.lines)
    expect(lines[0]).toBe('Timesheet: Week of 16 Nov 2026')
    expect(lines).toContain('ACME-7 · Mail server | 1:30 | 2:15 | 3:45')
    expect(lines).toContain('Acme GmbH · Remote support')
    expect(lines).toContain('Period status: Approved')
    expect(lines).toContain('16 Nov 2026, 09:00 | You | Approved | —')
  })

  it('in the browser host: a one-time download of the PDF, in German when asked', async () => {
    const { core } = await coreWithAWeek()
    const downloads = new WebDownloads()
    destination = downloads
    const result = await core.handlers['export.timesheetPdf']({ day: '2026-11-18', language: 'de' })
    if (result.status !== 'download') throw new Error(`expected a download, got ${result.status}`)
    expect(result.fileName).toBe('stint-timesheet-2026-11-16-to-2026-11-22.pdf')
    const taken = downloads.take(result.url.split('/').at(-1) ?? '')
    if (taken.status !== 'ready') throw new Error('the download is gone')
    expect(taken.job.file?.mediaType).toBe('application/pdf')
    const chunks: Buffer[] = []
    for await (const chunk of csvJobChunks(taken.job)) chunks.push(Buffer.from(chunk))
    const lines = (await readPdf(Buffer.concat(chunks))).flatMap((page) => page.lines)
    expect(lines[0]).toBe('Stundenzettel: Woche vom 16. Nov. 2026')
    expect(lines).toContain('ACME-7 · Mail server | 1:30 | 2:15 | 3:45')
    expect(lines).toContain('Status des Zeitraums: Genehmigt')
    expect(lines).toContain('Unterschrift Mitarbeiter/in | Datum | Unterschrift Genehmigung | Datum')
  })

  it('is refused where files cannot be saved, and a closed dialog writes nothing', async () => {
    const { core } = await coreWithAWeek()
    destination = undefined
    const noHost = await openTempCore()
    try {
      await expect(noHost.core.handlers['export.timesheetPdf']({ day: '2026-11-18', language: 'en' })).rejects.toBeInstanceOf(StintError)
    } finally {
      await noHost.dispose()
    }
    destination = saveDialogDestination({ dialog: dialogAnswering(null), window: () => null, downloadsFolder: () => dir })
    expect(await core.handlers['export.timesheetPdf']({ day: '2026-11-18', language: 'en' })).toEqual({ status: 'cancelled' })
    expect(readdirSync(dir)).toEqual([])
  })
})
