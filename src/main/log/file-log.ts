// The log file in the data folder (stint.log), so that "the details are in the log" is
// true for the desktop app and the browser host alike: one line per message with its
// time and level, the error's stack beside it. It never grows past its cap: the full
// file becomes stint.1.log (and so on), and only the newest few are kept. Secrets never
// reach it: device tokens, Authorization values and the secrets it is given (the browser
// host's launch secret) are replaced with [hidden] before a line is written. Writes are
// synchronous and small, so the last lines before a crash are on disk; a log that cannot
// be written never stops the app (the console still gets every line).
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { formatWithOptions } from 'node:util'
import type { Logger } from '../logger'

export const LOG_FILE_NAME = 'stint.log'
export const DEFAULT_LOG_MAX_BYTES = 1024 * 1024
export const DEFAULT_LOG_FILES_KEPT = 3

export interface FileLogOptions {
  dataDir: string
  /** Also given every line (the console); a file that cannot be written is reported here once. */
  also?: Logger
  now?: () => number
  maxBytes?: number
  /** How many files in all: stint.log and stint.1.log … stint.(kept-1).log. */
  kept?: number
  /** Exact strings to hide wherever they appear. */
  secrets?: readonly string[]
}

const HIDDEN = '[hidden]'
/** A device token: `stint_` and 43 base64url characters (src/server/org/tokens.ts). */
const DEVICE_TOKEN = /stint_[A-Za-z0-9_-]{20,}/g
/** Whatever follows "Bearer" (an Authorization value). */
const BEARER = /(Bearer\s+)\S+/gi

export function withoutSecrets(text: string, secrets: readonly string[] = []): string {
  let clean = text
  for (const secret of secrets) if (secret.length >= 8) clean = clean.split(secret).join(HIDDEN)
  return clean.replace(DEVICE_TOKEN, HIDDEN).replace(BEARER, `$1${HIDDEN}`)
}

export function rotatedName(index: number): string {
  return index === 0 ? LOG_FILE_NAME : `stint.${index}.log`
}

export class FileLog implements Logger {
  private readonly dir: string
  private readonly maxBytes: number
  private readonly kept: number
  private readonly secrets: readonly string[]
  private readonly now: () => number
  private size: number
  private broken = false

  constructor(private readonly options: FileLogOptions) {
    this.dir = options.dataDir
    this.maxBytes = options.maxBytes ?? DEFAULT_LOG_MAX_BYTES
    this.kept = Math.max(1, options.kept ?? DEFAULT_LOG_FILES_KEPT)
    this.secrets = options.secrets ?? []
    this.now = options.now ?? Date.now
    const file = join(this.dir, LOG_FILE_NAME)
    this.size = existsSync(file) ? statSync(file).size : 0
  }

  info(message: string, ...details: unknown[]): void {
    this.options.also?.info(message, ...details)
    this.write('INFO', message, details)
  }

  warn(message: string, ...details: unknown[]): void {
    this.options.also?.warn(message, ...details)
    this.write('WARN', message, details)
  }

  error(message: string, ...details: unknown[]): void {
    this.options.also?.error(message, ...details)
    this.write('ERROR', message, details)
  }

  private write(level: string, message: string, details: readonly unknown[]): void {
    if (this.broken) return
    const text = formatWithOptions({ colors: false, depth: 4, breakLength: Infinity }, message, ...details)
    const line = Buffer.from(`${new Date(this.now()).toISOString()} ${level} ${withoutSecrets(text, this.secrets)}\n`)
    try {
      if (this.size > 0 && this.size + line.length > this.maxBytes) this.rotate()
      const file = join(this.dir, LOG_FILE_NAME)
      if (this.size === 0) mkdirSync(this.dir, { recursive: true, mode: 0o700 })
      appendFileSync(file, line, { mode: 0o600 })
      if (this.size === 0) chmodSync(file, 0o600)
      this.size += line.length
    } catch (error) {
      // The app goes on without its log file; say so once, where the console shows it.
      this.broken = true
      this.options.also?.warn(`the log file in ${this.dir} cannot be written; logging to the console only`, error)
    }
  }

  /** stint.log → stint.1.log → … ; the oldest beyond `kept` is removed. */
  private rotate(): void {
    rmSync(join(this.dir, rotatedName(this.kept - 1)), { force: true })
    for (let index = this.kept - 2; index >= 0; index--) {
      const from = join(this.dir, rotatedName(index))
      if (existsSync(from)) renameSync(from, join(this.dir, rotatedName(index + 1)))
    }
    this.size = 0
  }
}
