// CSV files of reports and entries: rows become RFC 4180 records (a header row, CRLF
// line ends, UTF-8, a byte-order mark on request) in chunks of about 64 KB, so an
// export of any size holds one chunk and one page of rows at a time. A file export is
// written beside its target and renamed into place only once complete and on disk: a
// failed export leaves no file behind and never harms the one already there.
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { csvChunks, type CsvColumn, type CsvOptions as CsvTextOptions, type CsvRows } from '@shared/csv-writer'
import { refusalText, type Refusal } from '@shared/i18n/refusal-text'
import { ENGLISH } from '@shared/i18n/translator'
import { storageProblemOf } from '../files/storage-errors'

export { csvChunks, type CsvColumn, type CsvRow, type CsvRows } from '@shared/csv-writer'

export interface CsvOptions extends CsvTextOptions {
  /** Stops the export between rows; a stopped file export leaves nothing behind. */
  readonly signal?: AbortSignal
}

export interface CsvExportResult {
  /** The absolute path of the finished file. */
  readonly path: string
  /** Data rows written (the header not counted). */
  readonly rows: number
  readonly bytes: number
}

/** An export that did not finish. Nothing was written to `path`; a file already there is untouched. */
export class CsvExportError extends Error {
  /** What the message says, by id: the window says it in its language. */
  readonly refusal: Refusal | undefined
  constructor(
    readonly path: string,
    message: string,
    options?: { cause?: unknown; refusal?: Refusal },
  ) {
    super(message, options)
    this.name = 'CsvExportError'
    this.refusal = options?.refusal
  }
}

const WRITE_BUFFER = 1024 * 1024

/**
 * The CSV as a byte stream, for an HTTP download. Pipe it with stream.pipeline: if a
 * row fails the stream errors and pipeline destroys the response, so the browser
 * reports a failed download instead of saving a cut-off file as if it were complete;
 * if the client goes away the row source is closed (its `finally` runs).
 */
export function csvStream<K extends string>(columns: readonly CsvColumn<K>[], rows: CsvRows<K>, options: CsvOptions = {}): Readable {
  return Readable.from(csvChunks(columns, rows, options), { objectMode: false })
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isFile(),
    () => false,
  )
}

/** Makes the rename itself durable: without this a crash could bring back the old directory entry. Best effort; Windows cannot open a folder. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * What went wrong and what to do, in words. `ofFile` tells the file's own errors from a
 * row source's, which may carry an fs code about some other file.
 */
type StopReason = 'cancelled' | 'diskFull' | 'readOnly' | 'noPermission' | 'noFolder' | 'isFolder' | 'other'

/** Why an export stopped, by name (refusal.export.stopped words it, with its advice); `detail` is the system's words for any other failure. */
function reasonOf(error: unknown, ofFile: boolean): { why: StopReason; detail: string } {
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof Error && error.name === 'AbortError') return { why: 'cancelled', detail }
  // A full or read-only disk is told apart in one place (storage-errors.ts) for every writer.
  switch (ofFile ? storageProblemOf(error) : null) {
    case 'disk-full':
      return { why: 'diskFull', detail }
    case 'read-only':
      return { why: 'readOnly', detail }
    case 'no-permission':
      return { why: 'noPermission', detail }
    case null:
      break
  }
  switch (ofFile ? (error as NodeJS.ErrnoException).code : undefined) {
    case 'ENOENT':
      return { why: 'noFolder', detail }
    case 'EISDIR':
      return { why: 'isFolder', detail }
    default:
      return { why: 'other', detail }
  }
}

/**
 * Writes `rows` as CSV to `target.path`. The text goes to a private (0600) temporary
 * file in the same folder, which is flushed to disk (fsync) after the last row and only
 * then renamed over the target, so the target is either the complete new file or
 * whatever was there before. On any failure, including a row source that throws, the
 * temporary file is removed and a CsvExportError says that nothing was written.
 */
export async function exportCsv<K extends string>(target: { readonly path: string }, columns: readonly CsvColumn<K>[], rows: CsvRows<K>, options: CsvOptions = {}): Promise<CsvExportResult> {
  const written = { rows: 0 }
  return writeAtomically(target.path, csvChunks(columns, rows, options, written), () => written.rows, options.signal)
}

/**
 * Counts the records of CSV bytes as they pass: a line feed outside double quotes ends
 * one. RFC 4180 doubles a quote inside a quoted field, which toggles twice and so
 * leaves the state as it was. The header is a record too, hence `rows` is one less.
 */
export class CsvRecordCounter {
  #records = 0
  #quoted = false
  add(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === 0x22) this.#quoted = !this.#quoted
      else if (byte === 0x0a && !this.#quoted) this.#records++
    }
  }
  /** Data rows seen so far (the header not counted). */
  get rows(): number {
    return Math.max(0, this.#records - 1)
  }
}

/**
 * Writes CSV that arrives already made (the team server's stream) to `target.path`,
 * exactly as exportCsv writes its own: a temporary file, fsync, rename; on any failure
 * (the connection drops, the disk is full) no file and no temporary file is left.
 */
export async function exportBytes(target: { readonly path: string }, chunks: AsyncIterable<Uint8Array | string>, options: { readonly signal?: AbortSignal } = {}): Promise<CsvExportResult> {
  const counter = new CsvRecordCounter()
  async function* counted(): AsyncGenerator<Uint8Array, void, undefined> {
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
      counter.add(bytes)
      yield bytes
    }
  }
  return writeAtomically(target.path, counted(), () => counter.rows, options.signal)
}

/** Which kind of file the refusal names, by the target's extension: a workbook or a PDF is not called a CSV export. */
function fileKindOf(path: string): 'xlsx' | 'pdf' | 'csv' {
  const extension = extname(path).toLowerCase()
  return extension === '.xlsx' ? 'xlsx' : extension === '.pdf' ? 'pdf' : 'csv'
}

/** Writes `chunks` to `target` through a private temporary file (fsync, rename); on any failure no file is left and a CsvExportError says so. */
export async function writeAtomically(target: string, chunks: AsyncIterable<string | Uint8Array>, rows: () => number, signal: AbortSignal | undefined): Promise<CsvExportResult> {
  const path = resolve(target)
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.part`)
  const fileErrors = new WeakSet<object>()
  const file = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: WRITE_BUFFER })
  file.on('error', (error) => fileErrors.add(error))
  try {
    // A stream rather than one awaited write per chunk: the next rows are read and
    // encoded while the last chunk is on its way to disk. `flush` fsyncs before close.
    await pipeline(Readable.from(chunks), file, { signal })
    await rename(temp, path).catch((error: unknown) => {
      if (typeof error === 'object' && error !== null) fileErrors.add(error)
      throw error
    })
  } catch (error) {
    if (!file.closed) await once(file, 'close').catch(() => undefined) // Windows cannot remove an open file
    await rm(temp, { force: true }).catch(() => undefined)
    const ofFile = typeof error === 'object' && error !== null && fileErrors.has(error)
    const refusal: Refusal = {
      id: 'refusal.export.stopped',
      values: { file: fileKindOf(path), rows: rows(), ...reasonOf(error, ofFile), folder: dirname(path), path, fileKept: (await isFile(path)) ? 'yes' : 'no' },
    }
    throw new CsvExportError(path, refusalText(refusal.id, refusal.values, ENGLISH, 'log') ?? refusal.id, { cause: error, refusal })
  }
  await syncFolder(dirname(path)).catch(() => undefined)
  return { path, rows: rows(), bytes: file.bytesWritten }
}
