// `npm run server -- [command]`: runs the team server, or makes one admin change and
// exits. Secrets (tokens) and lists go to stdout, alone, so scripts can capture them;
// explanations go to stderr. Exit codes: 0 done, 1 refused or failed, 2 bad arguments.
import { parseArgs } from 'node:util'
import { StintError } from '@shared/errors'
import { BACKUP_COMMANDS } from './cli/backup-commands'
import { BILLING_COMMANDS } from './cli/billing-commands'
import { ORG_COMMANDS } from './cli/org-commands'
import { PERIOD_COMMANDS } from './cli/period-commands'
import { REFERENCE_ADMIN_COMMANDS } from './cli/reference-admin-commands'
import { REFERENCE_COMMANDS } from './cli/reference-commands'
import { serve, SERVE_OPTIONS } from './cli/serve'
import { TICKET_COMMANDS } from './cli/ticket-commands'
import { serverClock } from './clock'
import { openDatabase, UsageError, type CliIo, type CommandSpec, type OptionSpec, type Values } from './cli/spec'
import { defaultServerDataDir } from './data-dir'
import { ServerDatabaseError } from './db/open'
import { createLogger, envLogLevel } from './logger'
import { OrgService } from './org/org-service'
import { DeviceTokens } from './org/tokens'
import { ReferenceAdmin } from './reference/reference-admin'
import { ReferenceService } from './reference/reference-service'

export type { CliIo } from './cli/spec'
export { DEFAULT_HOST, DEFAULT_PORT } from './cli/serve'

export const processIo: CliIo = {
  env: process.env,
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  logger: createLogger({ level: envLogLevel(process.env) }),
  stopSignal: () =>
    new Promise((resolvePromise) => {
      process.once('SIGINT', () => resolvePromise())
      process.once('SIGTERM', () => resolvePromise())
    }),
}

const COMMANDS: readonly CommandSpec[] = [...ORG_COMMANDS, ...REFERENCE_COMMANDS, ...REFERENCE_ADMIN_COMMANDS, ...PERIOD_COMMANDS, ...TICKET_COMMANDS, ...BACKUP_COMMANDS, ...BILLING_COMMANDS]

const COMMON: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', hint: 'PATH' },
  help: { type: 'boolean', hint: '' },
}

export function usage(env: NodeJS.ProcessEnv = process.env): string {
  const lines = [
    'Usage: npm run server -- [COMMAND] [OPTIONS]',
    '',
    `  serve (the default)  ${Object.entries(SERVE_OPTIONS).map(([name, spec]) => `[--${name} ${spec.hint}]`).join('\n                       ')}`,
    ...COMMANDS.map((command) => {
      const options = Object.entries(command.options)
        .map(([name, spec]) => {
          const option = spec.hint ? `--${name} ${spec.hint}` : `--${name}`
          return spec.required ? option : `[${option}]`
        })
        .join(' ')
      return `  ${command.words.join(' ').padEnd(19)}  ${command.summary}\n${' '.repeat(23)}${options}`
    }),
    '',
    `Every command takes --data-dir PATH: the folder of the SQLite database (default ${defaultServerDataDir(env)}).`,
    'With DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE set, every command uses that PostgreSQL database instead.',
    'Users are named by email, teams by name.',
  ]
  return lines.join('\n')
}

function parseCommand(argv: readonly string[]): { command: CommandSpec | 'serve'; values: Values } {
  const words: string[] = []
  for (const arg of argv) {
    if (arg.startsWith('-')) break
    words.push(arg)
  }
  const rest = argv.slice(words.length)
  const command = words.length === 0 || (words.length === 1 && words[0] === 'serve') ? 'serve' : COMMANDS.find((c) => c.words.join(' ') === words.join(' '))
  if (!command) throw new UsageError(`There is no command "${words.join(' ')}".`)
  const specific = command === 'serve' ? SERVE_OPTIONS : command.options
  const options = Object.fromEntries(Object.entries({ ...specific, ...COMMON }).map(([name, spec]) => [name, { type: spec.type }]))
  let values: Values
  try {
    values = parseArgs({ args: [...rest], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values['help'] === true) return { command, values }
  const missing = Object.entries(specific)
    .filter(([name, spec]) => spec.required && values[name] === undefined)
    .map(([name]) => `--${name}`)
  if (missing.length > 0) throw new UsageError(`${words.join(' ')} needs ${missing.join(', ')}.`)
  return { command, values }
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed: ReturnType<typeof parseCommand>
  try {
    parsed = parseCommand(argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`${error.message}\n\n${usage(io.env)}`)
    return 2
  }
  const { command, values } = parsed
  if (values['help'] === true) {
    io.out(usage(io.env))
    return 0
  }
  try {
    if (command === 'serve') {
      await serve(values, io)
      return 0
    }
    const opened = await openDatabase(values, io)
    try {
      // The clock `serve` runs on (moved only by the test variable), so what a command records is due when the server thinks it is.
      const clock = serverClock(io.env)
      await command.run({ org: new OrgService(opened.db, clock), tokens: new DeviceTokens(opened.db, clock), reference: new ReferenceService(opened.db, clock), referenceAdmin: new ReferenceAdmin(opened.db, clock), db: opened.db, io, clock }, values)
    } finally {
      await opened.close()
    }
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${usage(io.env)}`)
      return 2
    }
    if (error instanceof StintError || error instanceof ServerDatabaseError) {
      io.err(error.message)
      return 1
    }
    io.logger.error('the command failed', error)
    io.err(`The Stint server could not finish: ${(error as Error).message}`)
    return 1
  }
}
