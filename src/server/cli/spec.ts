// What every admin command is made of: its words, options and run function, the services
// it gets, and the small readers of option values. Commands live in files by subject
// (org-commands, reference-commands, period-commands); cli.ts parses and runs them.
import { resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock'
import { defaultServerDataDir } from '../data-dir'
import { openServerDatabase, type OpenedServerDatabase } from '../db/open'
import type { ServerDatabase } from '../db/schema'
import type { Logger } from '../logger'
import type { OrgService } from '../org/org-service'
import type { DeviceTokens } from '../org/tokens'
import type { ReferenceAdmin } from '../reference/reference-admin'
import type { ReferenceService } from '../reference/reference-service'

export interface CliIo {
  env: NodeJS.ProcessEnv
  /** What the user asked for (a token, a list): one line at a time. */
  out(line: string): void
  /** Explanations, warnings and refusals. */
  err(line: string): void
  logger: Logger
  /** Resolves when the server should stop (SIGINT or SIGTERM for the real process). */
  stopSignal(): Promise<void>
}

export type Values = Record<string, string | boolean | undefined>

export interface OptionSpec {
  type: 'string' | 'boolean'
  /** What to write after the option in the usage text. */
  hint: string
  required?: boolean
}

export interface Services {
  org: OrgService
  tokens: DeviceTokens
  reference: ReferenceService
  referenceAdmin: ReferenceAdmin
  db: Kysely<ServerDatabase>
  io: CliIo
  /** The server's clock (serverClock): what commands record is dated by it. */
  clock: Clock
}

export interface CommandSpec {
  words: readonly string[]
  summary: string
  options: Record<string, OptionSpec>
  run(services: Services, values: Values): Promise<void>
}

/** Bad arguments: answered with the usage and exit code 2. */
export class UsageError extends Error {}

export const text = (values: Values, name: string): string => {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

export const when = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString())

export const json = { type: 'boolean', hint: '' } as const satisfies OptionSpec

export const flagValue = (values: Values, name: string): boolean => values[name] === true

export function hours(values: Values, name: string): number | null {
  const given = text(values, name)
  if (given === '') return null
  const value = Number(given.replace(',', '.'))
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number of hours such as 40 or 7.5, not "${given}".`)
  return value
}

export async function openDatabase(values: Values, io: CliIo): Promise<OpenedServerDatabase> {
  const dataDir = resolve(text(values, 'data-dir') || defaultServerDataDir(io.env))
  return openServerDatabase({ url: io.env['DATABASE_URL'], dataDir, logger: io.logger })
}
