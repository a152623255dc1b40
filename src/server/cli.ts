// `npm run server -- [command]`: runs the team server, or makes one admin change and
// exits. Secrets (tokens) and lists go to stdout, alone, so scripts can capture them;
// explanations go to stderr. Exit codes: 0 done, 1 refused or failed, 2 bad arguments.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { StintError } from '@shared/errors'
import { dayProblem, type PeriodRule } from '@shared/periods'
import { serverClock } from './clock'
import { defaultServerDataDir } from './data-dir'
import { openServerDatabase, ServerDatabaseError, type OpenedServerDatabase } from './db/open'
import { consoleLogger, type Logger } from './logger'
import type { Team, User } from './org/lookup'
import { OrgService } from './org/org-service'
import { DeviceTokens, type IssuedToken, type TokenInfo } from './org/tokens'
import { ReferenceService } from './reference/reference-service'
import { reopenPeriod, voidPeriod } from './periods/approvals'
import { periodOf } from './periods/period-store'
import { resolveUser } from './org/lookup'
import type { Principal } from './org/tokens'
import type { ServerDatabase } from './db/schema'
import type { DecisionResult } from '@shared/approvals'
import type { Kysely } from 'kysely'

export const DEFAULT_PORT = 8787
export const DEFAULT_HOST = '127.0.0.1'

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

export const processIo: CliIo = {
  env: process.env,
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  logger: consoleLogger,
  stopSignal: () =>
    new Promise((resolvePromise) => {
      process.once('SIGINT', () => resolvePromise())
      process.once('SIGTERM', () => resolvePromise())
    }),
}

type Values = Record<string, string | boolean | undefined>

interface OptionSpec {
  type: 'string' | 'boolean'
  /** What to write after the option in the usage text. */
  hint: string
  required?: boolean
}

interface Services {
  org: OrgService
  tokens: DeviceTokens
  reference: ReferenceService
  db: Kysely<ServerDatabase>
  io: CliIo
}

interface CommandSpec {
  words: readonly string[]
  summary: string
  options: Record<string, OptionSpec>
  run(services: Services, values: Values): Promise<void>
}

class UsageError extends Error {}

const text = (values: Values, name: string): string => {
  const value = values[name]
  return typeof value === 'string' ? value : ''
}

const when = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString())

function printUser(io: CliIo, user: User): void {
  io.out(`${user.email}\t${user.name}\t${user.role}${user.deactivatedAt === null ? '' : `\tdeactivated ${when(user.deactivatedAt)}`}`)
}

function printTeam(io: CliIo, team: Team): void {
  io.out(`${team.name}\tapproval: ${team.approvalPattern}`)
  io.out(`  members: ${team.members.map((m) => m.email).join(', ') || '(none)'}`)
  for (const level of [1, 2] as const) {
    const approvers = team.approvers.filter((a) => a.level === level).map((a) => a.user.email)
    io.out(`  level ${level} approvers: ${approvers.join(', ') || '(none)'}`)
  }
}

function printToken(io: CliIo, issued: IssuedToken, email: string): void {
  io.err(`Device token "${issued.label}" (id ${issued.id}) for ${email}. It is shown this once: paste it into Stint's settings on that device now.`)
  io.out(issued.token)
}

function printTokens(io: CliIo, tokens: readonly TokenInfo[]): void {
  if (tokens.length === 0) io.err('No tokens.')
  for (const t of tokens) io.out(`${t.id}\t${t.label}\tcreated ${when(t.createdAt)}\tlast used ${when(t.lastUsedAt)}\t${t.revokedAt === null ? 'active' : `revoked ${when(t.revokedAt)}`}`)
}

const json = { type: 'boolean', hint: '' } as const satisfies OptionSpec

const flagValue = (values: Values, name: string): boolean => values[name] === true

function hours(values: Values, name: string): number | null {
  const given = text(values, name)
  if (given === '') return null
  const value = Number(given.replace(',', '.'))
  if (!Number.isFinite(value)) throw new UsageError(`--${name} must be a number of hours such as 40 or 7.5, not "${given}".`)
  return value
}

const REFERENCE_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['customer', 'add'],
    summary: 'add a customer (devices pull it), in an organisation if given',
    options: { name: { type: 'string', hint: 'NAME', required: true }, organisation: { type: 'string', hint: 'NAME' } },
    run: async ({ reference, io }, values) => {
      const customer = await reference.addCustomer({ name: text(values, 'name'), organisation: text(values, 'organisation') || null })
      io.err(`Added the customer ${customer.name}${customer.organisation === null ? '' : ` (${customer.organisation})`}.`)
    },
  },
  {
    words: ['contract', 'add'],
    summary: "add a customer's contract, with the hours it includes",
    options: { customer: { type: 'string', hint: 'NAME', required: true }, name: { type: 'string', hint: 'NAME', required: true }, 'included-hours': { type: 'string', hint: 'HOURS' } },
    run: async ({ reference, io }, values) => {
      const contract = await reference.addContract({ customer: text(values, 'customer'), name: text(values, 'name'), includedHours: hours(values, 'included-hours') })
      io.err(`Added the contract ${contract.name} for ${contract.customer}.`)
    },
  },
  {
    words: ['work-item', 'add'],
    summary: 'add a work item (ticket, work order, task or general)',
    options: {
      kind: { type: 'string', hint: 'ticket|work_order|task|general', required: true },
      title: { type: 'string', hint: 'TITLE', required: true },
      reference: { type: 'string', hint: 'REF' },
      customer: { type: 'string', hint: 'NAME' },
      contract: { type: 'string', hint: 'NAME' },
      'non-billable': { type: 'boolean', hint: '' },
    },
    run: async ({ reference, io }, values) => {
      const item = await reference.addWorkItem({
        kind: text(values, 'kind') as 'ticket',
        title: text(values, 'title'),
        reference: text(values, 'reference') || null,
        customer: text(values, 'customer') || null,
        contract: text(values, 'contract') || null,
        billable: !flagValue(values, 'non-billable'),
      })
      io.err(`Added ${item.reference ? `${item.reference} ` : ''}"${item.title}".`)
    },
  },
  {
    words: ['activity', 'add'],
    summary: 'add an activity type (--default makes it the one new time gets)',
    options: { name: { type: 'string', hint: 'NAME', required: true }, default: { type: 'boolean', hint: '' } },
    run: async ({ reference, io }, values) => {
      const type = await reference.addActivityType({ name: text(values, 'name'), isDefault: flagValue(values, 'default') })
      io.err(`Added the activity type ${type.name}${type.isDefault ? ' (the default)' : ''}.`)
    },
  },
]

/** The admin a CLI decision is recorded under (`--as`), and the member's period that contains `--day`. */
async function periodForAdmin(db: Kysely<ServerDatabase>, values: Values): Promise<{ admin: Principal; periodId: string; label: string }> {
  const adminRow = await resolveUser(db, text(values, 'as'))
  if (adminRow.role !== 'admin' || adminRow.deactivated_at !== null) throw new StintError('forbidden', `${adminRow.email} is not an active admin; only an admin can do this. Nothing was changed.`)
  const member = await resolveUser(db, text(values, 'email'))
  const day = text(values, 'day')
  const problem = dayProblem(day)
  if (problem !== undefined) throw new UsageError(`--day: ${problem}.`)
  const period = await periodOf(db, day)
  const row = await db.selectFrom('periods').select('id').where('user_id', '=', member.id).where('start_day', '=', period.start).executeTakeFirst()
  if (!row) throw new StintError('not_found', `${member.email} has never submitted the period ${period.start} – ${period.end}. Nothing was changed.`)
  return { admin: { userId: adminRow.id, tokenId: 'cli', name: adminRow.name, email: adminRow.email, role: 'admin' }, periodId: row.id, label: `${member.email}, ${period.start} – ${period.end}` }
}

function printDecision(io: CliIo, label: string, result: DecisionResult): void {
  const [first] = result.results
  if (!first?.ok) throw new StintError('conflict', first?.message ?? 'The server gave no answer.')
  io.err(`${label}: now ${first.period?.status ?? 'changed'}.`)
}

const periodOptions = {
  email: { type: 'string', hint: 'MEMBER_EMAIL', required: true },
  day: { type: 'string', hint: 'YYYY-MM-DD', required: true },
  reason: { type: 'string', hint: 'TEXT', required: true },
  as: { type: 'string', hint: 'ADMIN_EMAIL', required: true },
} as const satisfies Record<string, OptionSpec>

const PERIOD_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['period', 'reopen'],
    summary: "reopen a member's submitted or approved period (recorded under --as, with the reason)",
    options: periodOptions,
    run: async ({ db, io }, values) => {
      const { admin, periodId, label } = await periodForAdmin(db, values)
      printDecision(io, label, await reopenPeriod(db, admin, periodId, text(values, 'reason'), Date.now()))
    },
  },
  {
    words: ['period', 'void'],
    summary: "void a member's approved time and reopen the period (recorded under --as, with the reason)",
    options: periodOptions,
    run: async ({ db, io }, values) => {
      const { admin, periodId, label } = await periodForAdmin(db, values)
      printDecision(io, label, await voidPeriod(db, admin, periodId, text(values, 'reason'), Date.now()))
    },
  },
]

const COMMANDS: readonly CommandSpec[] = [
  {
    words: ['init'],
    summary: "set up the organisation and its first admin; prints the admin's token",
    options: { org: { type: 'string', hint: 'NAME', required: true }, 'admin-name': { type: 'string', hint: 'NAME', required: true }, 'admin-email': { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { organisation, admin, token } = await org.initOrganisation({ name: text(values, 'org'), adminName: text(values, 'admin-name'), adminEmail: text(values, 'admin-email') })
      io.err(`Set up "${organisation.name}" with ${admin.name} <${admin.email}> as its admin.`)
      printToken(io, token, admin.email)
    },
  },
  {
    words: ['user', 'add'],
    summary: 'add a person',
    options: { name: { type: 'string', hint: 'NAME', required: true }, email: { type: 'string', hint: 'EMAIL', required: true }, role: { type: 'string', hint: 'member|approver|admin', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.addUser({ name: text(values, 'name'), email: text(values, 'email'), role: text(values, 'role') })
      io.err(`Added ${user.name} <${user.email}> as ${user.role}. \`token issue --email ${user.email} --label …\` gives them a device token.`)
    },
  },
  {
    words: ['user', 'role'],
    summary: "change a person's role",
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, role: { type: 'string', hint: 'member|approver|admin', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.setRole({ user: text(values, 'email'), role: text(values, 'role') })
      io.err(`${user.email} is now ${user.role}.`)
    },
  },
  {
    words: ['user', 'deactivate'],
    summary: 'stop a person signing in (their time and history are kept)',
    options: { email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.deactivateUser({ user: text(values, 'email') })
      io.err(`${user.email} is deactivated: none of their tokens is accepted any more.`)
    },
  },
  {
    words: ['user', 'list'],
    summary: 'list everyone',
    options: { json },
    run: async ({ org, io }, values) => {
      const users = await org.listUsers()
      if (values['json'] === true) return io.out(JSON.stringify(users, null, 2))
      for (const user of users) printUser(io, user)
    },
  },
  {
    words: ['team', 'add'],
    summary: 'add a team',
    options: { name: { type: 'string', hint: 'NAME', required: true }, pattern: { type: 'string', hint: 'none|one|two (default one)' } },
    run: async ({ org, io }, values) => {
      const team = await org.addTeam({ name: text(values, 'name'), pattern: typeof values['pattern'] === 'string' ? values['pattern'] : undefined })
      io.err(`Added the team "${team.name}" (approval: ${team.approvalPattern}).`)
    },
  },
  {
    words: ['team', 'member', 'add'],
    summary: 'put a person in a team',
    options: { team: { type: 'string', hint: 'TEAM', required: true }, email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { team, added } = await org.addMember({ team: text(values, 'team'), user: text(values, 'email') })
      io.err(added ? `${text(values, 'email')} is now a member of "${team.name}".` : `${text(values, 'email')} already was a member of "${team.name}"; nothing was changed.`)
    },
  },
  {
    words: ['team', 'member', 'remove'],
    summary: 'take a person out of a team',
    options: { team: { type: 'string', hint: 'TEAM', required: true }, email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { team, removed } = await org.removeMember({ team: text(values, 'team'), user: text(values, 'email') })
      io.err(removed ? `${text(values, 'email')} is no longer a member of "${team.name}".` : `${text(values, 'email')} was not a member of "${team.name}"; nothing was changed.`)
    },
  },
  {
    words: ['team', 'approvers'],
    summary: "set a team's approvers at one level (an empty list clears it)",
    options: { team: { type: 'string', hint: 'TEAM', required: true }, level: { type: 'string', hint: '1|2', required: true }, users: { type: 'string', hint: 'EMAIL,EMAIL…', required: true } },
    run: async ({ org, io }, values) => {
      const users = text(values, 'users')
        .split(',')
        .map((email) => email.trim())
        .filter(Boolean)
      const team = await org.setApprovers({ team: text(values, 'team'), level: Number(text(values, 'level')), users })
      io.err(`Level ${text(values, 'level')} approvers of "${team.name}": ${users.join(', ') || '(none)'}.`)
      if (team.approvalPattern === 'none' || (team.approvalPattern === 'one' && text(values, 'level') === '2')) {
        io.err(`Note: "${team.name}" uses approval pattern "${team.approvalPattern}", so these approvers are not asked yet (\`team pattern\`).`)
      }
    },
  },
  {
    words: ['team', 'pattern'],
    summary: "set how many approvals a team's timesheets need",
    options: { team: { type: 'string', hint: 'TEAM', required: true }, pattern: { type: 'string', hint: 'none|one|two', required: true } },
    run: async ({ org, io }, values) => {
      const team = await org.setApprovalPattern({ team: text(values, 'team'), pattern: text(values, 'pattern') })
      io.err(`"${team.name}" now uses approval pattern "${team.approvalPattern}".`)
    },
  },
  {
    words: ['team', 'list'],
    summary: 'list the teams with members and approvers',
    options: { json },
    run: async ({ org, io }, values) => {
      const teams = await org.listTeams()
      if (values['json'] === true) return io.out(JSON.stringify(teams, null, 2))
      for (const team of teams) printTeam(io, team)
    },
  },
  {
    words: ['period-rule'],
    summary: 'set the timesheet period for everyone',
    options: {
      kind: { type: 'string', hint: 'weekly|biweekly|semimonthly|monthly', required: true },
      'week-starts-on': { type: 'string', hint: '0-6 (0 = Sunday; weekly, biweekly)' },
      anchor: { type: 'string', hint: 'YYYY-MM-DD (biweekly: first day of any one period)' },
    },
    run: async ({ org, io }, values) => {
      const rule: Record<string, unknown> = { kind: text(values, 'kind') }
      if (typeof values['week-starts-on'] === 'string') rule['weekStartsOn'] = Number(values['week-starts-on'])
      if (typeof values['anchor'] === 'string') rule['anchor'] = values['anchor']
      const saved: PeriodRule = await org.setPeriodRule(rule)
      io.err(`Timesheet periods are now: ${JSON.stringify(saved)}.`)
    },
  },
  {
    words: ['token', 'issue'],
    summary: 'make a device token for a person; prints it once',
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, label: { type: 'string', hint: 'LABEL (such as "Ana\'s laptop")', required: true } },
    run: async ({ tokens, io }, values) => {
      const issued = await tokens.issueToken({ user: text(values, 'email'), label: text(values, 'label') })
      printToken(io, issued, text(values, 'email').toLowerCase())
    },
  },
  {
    words: ['token', 'revoke'],
    summary: 'stop a device token working',
    options: { id: { type: 'string', hint: 'TOKEN-ID (from token list)', required: true } },
    run: async ({ tokens, io }, values) => {
      const revoked = await tokens.revokeToken({ id: text(values, 'id') })
      io.err(`Revoked the token "${revoked.label}" (${revoked.id}).`)
    },
  },
  {
    words: ['token', 'list'],
    summary: "list a person's tokens (never the tokens themselves)",
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, json },
    run: async ({ tokens, io }, values) => {
      const list = await tokens.listTokens({ user: text(values, 'email') })
      if (values['json'] === true) return io.out(JSON.stringify(list, null, 2))
      printTokens(io, list)
    },
  },
  ...REFERENCE_COMMANDS,
  ...PERIOD_COMMANDS,
]

const SERVE: Record<string, OptionSpec> = {
  port: { type: 'string', hint: `N (default ${DEFAULT_PORT}; 0 = any free port)` },
  host: { type: 'string', hint: `ADDRESS (default ${DEFAULT_HOST}; anything else is reachable from the network)` },
  'trust-proxy': { type: 'string', hint: 'ADDRESS (of your reverse proxy, so limits apply per client)' },
}
const COMMON: Record<string, OptionSpec> = {
  'data-dir': { type: 'string', hint: 'PATH' },
  help: { type: 'boolean', hint: '' },
}

export function usage(env: NodeJS.ProcessEnv = process.env): string {
  const lines = [
    'Usage: npm run server -- [COMMAND] [OPTIONS]',
    '',
    `  serve (the default)  ${Object.entries(SERVE).map(([name, spec]) => `[--${name} ${spec.hint}]`).join('\n                       ')}`,
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
  const specific = command === 'serve' ? SERVE : command.options
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

function portOf(values: Values): number {
  const given = values['port']
  if (given === undefined) return DEFAULT_PORT
  const port = Number(given)
  if (typeof given !== 'string' || !/^\d+$/.test(given) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(given)}".`)
  return port
}

async function openDatabase(values: Values, io: CliIo): Promise<OpenedServerDatabase> {
  const dataDir = resolve(text(values, 'data-dir') || defaultServerDataDir(io.env))
  return openServerDatabase({ url: io.env['DATABASE_URL'], dataDir, logger: io.logger })
}

async function serve(values: Values, io: CliIo): Promise<void> {
  const port = portOf(values)
  const host = text(values, 'host') || DEFAULT_HOST
  const trustProxy = text(values, 'trust-proxy') || undefined
  const opened = await openDatabase(values, io)
  // Loaded here, not at the top: the admin commands start faster without the HTTP stack.
  const { buildServerApp } = await import('./app')
  const app = buildServerApp({ db: opened.db, clock: serverClock(io.env), logger: io.logger, trustProxy })
  try {
    await app.listen({ port, host })
  } catch (error) {
    await app.close()
    await opened.close()
    throw new StintError('unavailable', `The Stint server could not listen on ${host}:${port}: ${(error as Error).message}. Nothing was changed.`)
  }
  const address = app.server.address()
  const boundPort = typeof address === 'object' && address ? address.port : port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`
  io.out(url)
  io.err(`The Stint team server is listening on ${url} with data in ${opened.location}. Ctrl+C stops it.`)
  if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') {
    io.err(`Warning: ${host} is reachable from the network and this server speaks plain HTTP. Put a reverse proxy with TLS in front of it (see README, "Team server").`)
  }
  const organisation = await new OrgService(opened.db, Date.now).organisation()
  if (!organisation) io.err('Warning: no organisation yet, so no one can sign in. Run `npm run server -- init --org NAME --admin-name NAME --admin-email EMAIL`.')
  await io.stopSignal()
  await app.close()
  await opened.close()
  io.err('The Stint team server stopped.')
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
      await command.run({ org: new OrgService(opened.db, Date.now), tokens: new DeviceTokens(opened.db, Date.now), reference: new ReferenceService(opened.db, Date.now), db: opened.db, io }, values)
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
