// Write-back from the command line: the ticket systems (credentials from a JSON file or
// STINT_TICKET_CREDENTIALS, never an option, since options show in `ps`), their mappings,
// and the outbox of writes with a retry. The same service as the admin API.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { z } from 'zod'
import { defaultServerDataDir } from '../data-dir'
import { InputError, parseInput } from '../errors'
import { listWrites, retryWrites, WriteFilterSchema } from '../writeback/ticket-writes'
import { SecretBox } from '../writeback/secrets'
import { AddSystemInput, MapActivityInput, MapUserInput, SystemOnlyInput, TicketSystems, UpdateSystemInput, type TicketSystemListing } from '../writeback/ticket-systems'
import { json, text, UsageError, when, type CliIo, type CommandSpec, type Services, type Values } from './spec'

export const CREDENTIALS_VARIABLE = 'STINT_TICKET_CREDENTIALS'

/** Bad input is a usage error (exit 2), with what was wrong. */
function parsed<S extends z.ZodType>(schema: S, input: unknown, action: string): z.output<S> {
  try {
    return parseInput(schema, input, action)
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message)
    throw error
  }
}

function systemsOf({ db, io, clock }: Services, values: Values): TicketSystems {
  const dataDir = resolve(text(values, 'data-dir') || defaultServerDataDir(io.env))
  return new TicketSystems(db, clock, SecretBox.open(io.env, dataDir))
}

/** The credentials: --credentials-file (JSON), else STINT_TICKET_CREDENTIALS (JSON); undefined when neither is given. */
function credentialsOf(values: Values, io: CliIo): unknown {
  const file = text(values, 'credentials-file')
  const raw = file ? readFileSync(resolve(file), 'utf8') : io.env[CREDENTIALS_VARIABLE]
  if (raw === undefined || raw === '') return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new UsageError(`${file ? '--credentials-file' : CREDENTIALS_VARIABLE} must hold a JSON object such as {"apiKey": "…"}.`)
  }
}

function printSystem(io: CliIo, s: TicketSystemListing): void {
  io.out(`${s.name}\t${s.kind}\t${s.baseUrl}\t${s.active ? 'active' : 'off'}\tcredentials: ${s.credentialNames.join(', ') || '-'}`)
  for (const a of s.activityMap) io.out(`  activity ${a.activityType} → ${a.activity}`)
  for (const u of s.userMap) io.out(`  user ${u.email} → ${u.user}`)
}

const systemOption = { type: 'string', hint: 'NAME', required: true } as const
const credentialsFile = { type: 'string', hint: `PATH (JSON such as {"apiKey": "…"}; or env ${CREDENTIALS_VARIABLE})` } as const
const filterOptions = {
  state: { type: 'string', hint: 'waiting|written|failed|reverse_waiting|reverse_failed|reversed|cancelled' },
  system: { type: 'string', hint: 'NAME' },
  email: { type: 'string', hint: 'MEMBER_EMAIL' },
  from: { type: 'string', hint: 'YYYY-MM-DD' },
  to: { type: 'string', hint: 'YYYY-MM-DD' },
} as const
const filterOf = (values: Values) =>
  parsed(WriteFilterSchema, Object.fromEntries(['state', 'system', 'email', 'from', 'to', 'id'].flatMap((name) => (text(values, name) ? [[name, text(values, name)]] : []))), 'The filter')
/** `-` removes a mapping. */
const mapped = (given: string) => (given === '-' ? null : given)

export const TICKET_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['ticket-system', 'add'],
    summary: 'add a ticket system approved time is written back to',
    options: { kind: { type: 'string', hint: 'redmine|rt|zammad|jira|glpi|freshdesk', required: true }, name: systemOption, url: { type: 'string', hint: 'BASE_URL', required: true }, 'credentials-file': credentialsFile },
    run: async (services, values) => {
      const input = parsed(AddSystemInput, { kind: text(values, 'kind'), name: text(values, 'name'), baseUrl: text(values, 'url'), credentials: credentialsOf(values, services.io) ?? {} }, 'Adding the ticket system')
      const system = await systemsOf(services, values).add(input)
      services.io.err(`Added ${system.name} (${system.kind}, ${system.baseUrl}); approved time on its tickets is written back from now on.`)
    },
  },
  {
    words: ['ticket-system', 'update'],
    summary: 'change a ticket system: name, address, credentials, or switch it on or off',
    options: { system: systemOption, name: { type: 'string', hint: 'NEW_NAME' }, url: { type: 'string', hint: 'BASE_URL' }, 'credentials-file': credentialsFile, active: { type: 'string', hint: 'yes|no' } },
    run: async (services, values) => {
      const active = text(values, 'active')
      if (active !== '' && active !== 'yes' && active !== 'no') throw new UsageError(`--active must be yes or no, not "${active}".`)
      const input = parsed(
        UpdateSystemInput,
        {
          system: text(values, 'system'),
          ...(text(values, 'name') ? { name: text(values, 'name') } : {}),
          ...(text(values, 'url') ? { baseUrl: text(values, 'url') } : {}),
          ...(text(values, 'credentials-file') || services.io.env[CREDENTIALS_VARIABLE] ? { credentials: credentialsOf(values, services.io) } : {}),
          ...(active ? { active: active === 'yes' } : {}),
        },
        'Changing the ticket system',
      )
      printSystem(services.io, await systemsOf(services, values).update(input))
    },
  },
  {
    words: ['ticket-system', 'list'],
    summary: 'list the ticket systems and their mappings (never their credentials)',
    options: { json },
    run: async (services, values) => {
      const systems = await systemsOf(services, values).list()
      if (values['json'] === true) return services.io.out(JSON.stringify(systems, null, 2))
      if (systems.length === 0) services.io.err('No ticket systems.')
      for (const system of systems) printSystem(services.io, system)
    },
  },
  {
    words: ['ticket-system', 'map-activity'],
    summary: "map a Stint activity type to the system's activity id (- removes: then by equal name)",
    options: { system: systemOption, 'activity-type': { type: 'string', hint: 'NAME', required: true }, activity: { type: 'string', hint: 'ID|-', required: true } },
    run: async (services, values) => {
      const input = parsed(MapActivityInput, { system: text(values, 'system'), activityType: text(values, 'activity-type'), activity: mapped(text(values, 'activity')) }, 'Mapping the activity type')
      printSystem(services.io, await systemsOf(services, values).mapActivity(input))
    },
  },
  {
    words: ['ticket-system', 'map-user'],
    summary: "map a person to the system's user id (- removes: then by email)",
    options: { system: systemOption, email: { type: 'string', hint: 'MEMBER_EMAIL', required: true }, user: { type: 'string', hint: 'ID|-', required: true } },
    run: async (services, values) => {
      const input = parsed(MapUserInput, { system: text(values, 'system'), email: text(values, 'email'), user: mapped(text(values, 'user')) }, 'Mapping the user')
      printSystem(services.io, await systemsOf(services, values).mapUser(input))
    },
  },
  {
    words: ['ticket-system', 'remove'],
    summary: 'remove a ticket system nothing was written to (else: update --active no)',
    options: { system: systemOption },
    run: async (services, values) => {
      const { name } = await systemsOf(services, values).remove(parsed(SystemOnlyInput, { system: text(values, 'system') }, 'Removing the ticket system'))
      services.io.err(`Removed ${name}.`)
    },
  },
  {
    words: ['ticket-writes', 'list'],
    summary: 'list the write-back outbox: each entry written, waiting, failed (with the reason) or taken back',
    options: { ...filterOptions, json },
    run: async ({ db, io }, values) => {
      const writes = await listWrites(db, filterOf(values))
      if (values['json'] === true) return io.out(JSON.stringify(writes, null, 2))
      if (writes.length === 0) io.err('No ticket writes.')
      for (const w of writes) io.out(`${w.id}\t${w.day}\t${w.email}\t${w.system} #${w.ticketId ?? '?'}\t${w.seconds / 3600} h\t${w.state}\t${w.url ?? w.lastError ?? '-'}\t${when(w.updatedAt)}`)
    },
  },
  {
    words: ['ticket-writes', 'retry'],
    summary: 'send failed (or waiting) writes again now, all or those the filter picks',
    options: { ...filterOptions, id: { type: 'string', hint: 'WRITE_ID' } },
    run: async ({ db, io, clock }, values) => {
      const { retried } = await retryWrites(db, filterOf(values), clock)
      io.err(retried === 1 ? 'One write goes out again now.' : `${retried} writes go out again now.`)
    },
  },
]
