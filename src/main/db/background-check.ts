// The full read of the database file (PRAGMA quick_check) off the start path: on its own
// read-only connection in a worker thread, so neither start-up nor the Electron main
// process waits for it (about a second per million entries). WAL keeps the connection's
// view consistent while the app goes on writing.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { refusalText, type Refusal } from '@shared/i18n/refusal-text'
import { ENGLISH } from '@shared/i18n/translator'

// Plain CommonJS for an eval worker; better-sqlite3 is loaded from the path the app resolved.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.sqliteModule)
let handle
try {
  handle = new Database(workerData.file, { readonly: true, fileMustExist: true })
  const lines = handle.pragma('quick_check', { simple: false }).map((row) => row.quick_check)
  parentPort.postMessage(lines.filter((line) => line !== 'ok'))
} catch (error) {
  parentPort.postMessage([String((error && error.message) || error)])
} finally {
  if (handle) handle.close()
}
`

/** What PRAGMA quick_check finds wrong with `file`, read in a worker thread; [] when the file is whole. */
export function checkFileInWorker(file: string): Promise<string[]> {
  const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3')
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqliteModule } })
    worker.once('message', (problems: string[]) => {
      resolve(problems)
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the background check of ${file} stopped (exit ${code})`))
    })
  })
}

/** How long after start-up the file is read through: start-up, the first grid and the first sync come first. */
export const FILE_CHECK_DELAY_MS = 60_000

export interface LaterCheckDeps {
  file: string
  check: () => Promise<string[]>
  scheduler: { setTimeout(callback: () => void, ms: number): unknown; clearTimeout(handle: unknown): void }
  /** Said to the user (the log, and whatever the host shows) when the file turns out damaged. */
  report: (message: string, refusal: Refusal) => void
  onError: (error: unknown) => void
}

/**
 * Schedules the full read of a file that was opened without one (after a clean close):
 * damage found then is reported in words. Returns a stop that cancels it or waits for it.
 */
export function scheduleLaterCheck(deps: LaterCheckDeps): { stop(): Promise<void> } {
  let running: Promise<void> | null = null
  let handle: unknown = deps.scheduler.setTimeout(() => {
    handle = null
    running = deps.check().then((problems) => {
      if (problems.length > 0) deps.report(damagedWhileOpenMessage(deps.file, problems), damagedWhileOpenRefusal(deps.file, problems))
    }, deps.onError)
  }, FILE_CHECK_DELAY_MS)
  return {
    stop: async () => {
      if (handle !== null) deps.scheduler.clearTimeout(handle)
      handle = null
      await running
    },
  }
}

/** What is said when the file turns out damaged while open, by id (SQLite's first three problems as they are). */
export function damagedWhileOpenRefusal(file: string, problems: readonly string[]): Refusal {
  return { id: 'refusal.file.damagedWhileOpen', values: { file, detail: problems.slice(0, 3).join('; ') } }
}

/** The same in English, as the log has it. */
export function damagedWhileOpenMessage(file: string, problems: readonly string[]): string {
  const { id, values } = damagedWhileOpenRefusal(file, problems)
  return refusalText(id, values, ENGLISH, 'log') ?? id
}
