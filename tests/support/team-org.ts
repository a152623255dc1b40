// A team server for end-to-end journeys: the built bundle (out/server/server.js, made by
// `npm run build`), an organisation set up with its own admin CLI run as child
// processes — the way an administrator would — and then served on a free port.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerProcess, type ServerProcess } from './server-process'
import { ROOT } from './web-host'

export const SERVER_SCRIPT = join(ROOT, 'out', 'server', 'server.js')

/** Fails with what to do when the bundle is missing, instead of a spawn error. */
export function requireServerBundle(): string {
  if (!existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run \`npm run build\` first (it builds the team server bundle the journey runs).`)
  return SERVER_SCRIPT
}

/** Runs one admin command against `dataDir`; resolves with what it printed on stdout (a token, a list). */
export function serverCli(dataDir: string, args: readonly string[]): Promise<string> {
  const env = { ...process.env }
  delete env['DATABASE_URL'] // always the throwaway SQLite folder
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [requireServerBundle(), ...args, '--data-dir', dataDir], { cwd: ROOT, env, timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`\`${args.join(' ')}\` failed (${error.code ?? error.message}):\n${stderr}`))
      else resolve(stdout.trim())
    })
  })
}

export interface Person {
  name: string
  email: string
  role: 'member' | 'approver' | 'admin'
}

export interface TeamOrg {
  server: ServerProcess
  dataDir: string
  /** Device tokens by email, issued by the CLI. */
  tokens: Record<string, string>
  stop(): Promise<void>
}

export interface TeamOrgSetup {
  people: Person[]
  team: { name: string; pattern: 'none' | 'one' | 'two'; members: string[]; level1: string[]; level2?: string[] }
  /** Customers the admin sets up (organisation data: members' devices pull them, they cannot make them). */
  customers?: { name: string; organisation?: string }[]
  /** More environment for `serve` (e.g. the write-back worker's interval). */
  env?: NodeJS.ProcessEnv
}

export async function startTeamOrg(setup: TeamOrgSetup): Promise<TeamOrg> {
  requireServerBundle()
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-e2e-server-'))
  try {
    const tokens: Record<string, string> = {}
    tokens['ada@example.com'] = await serverCli(dataDir, ['init', '--org', 'Acme IT', '--admin-name', 'Ada Admin', '--admin-email', 'ada@example.com'])
    for (const person of setup.people) await serverCli(dataDir, ['user', 'add', '--name', person.name, '--email', person.email, '--role', person.role])
    const { team } = setup
    await serverCli(dataDir, ['team', 'add', '--name', team.name, '--pattern', team.pattern])
    for (const email of team.members) await serverCli(dataDir, ['team', 'member', 'add', '--team', team.name, '--email', email])
    await serverCli(dataDir, ['team', 'approvers', '--team', team.name, '--level', '1', '--users', team.level1.join(',')])
    if (team.level2) await serverCli(dataDir, ['team', 'approvers', '--team', team.name, '--level', '2', '--users', team.level2.join(',')])
    for (const customer of setup.customers ?? []) await serverCli(dataDir, ['customer', 'add', '--name', customer.name, ...(customer.organisation ? ['--organisation', customer.organisation] : [])])
    for (const person of setup.people) tokens[person.email] = await serverCli(dataDir, ['token', 'issue', '--email', person.email, '--label', `${person.name}’s browser`])
    const server = await startServerProcess(SERVER_SCRIPT, { dataDir, env: setup.env })
    return {
      server,
      dataDir,
      tokens,
      stop: async () => {
        await server.stop()
        rmSync(dataDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
}
