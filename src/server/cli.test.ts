// The built team server as a real child process, as an admin uses it: init prints the
// first token, the other commands shape the organisation, bad arguments get the usage
// and exit code 2, DATABASE_URL switches every command to PostgreSQL, and `serve`
// answers HTTP. The bundle is built by the test from vite.server.config.ts, so this
// also proves the bundle runs (static migrations, external native modules).
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import SqliteDatabase from 'better-sqlite3'
import { build } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hasPostgres, postgresSuiteName } from '../../tests/support/postgres'
import { startPostgresBeforeAll, usePostgresCluster } from '../../tests/support/server-db'
import { runCli, type CliIo } from './cli'
import { SERVER_DATABASE_FILE_NAME, openServerDatabase } from './db/open'
import { buildServerApp } from './app'
import { silentLogger } from './logger'
import { hashToken } from './org/tokens'

const ROOT = join(import.meta.dirname, '..', '..')
// Inside the project, so the bundle finds fastify, pg and better-sqlite3 in node_modules.
const OUT_DIR = join(ROOT, 'node_modules', '.cache', `stint-server-cli-test-${process.pid}`)
const SERVER = join(OUT_DIR, 'server.js')
const TOKEN = /^stint_[A-Za-z0-9_-]{43}$/

beforeAll(async () => {
  await build({ configFile: join(ROOT, 'vite.server.config.ts'), logLevel: 'silent', build: { outDir: OUT_DIR, emptyOutDir: true } })
}, 60_000)
afterAll(() => rmSync(OUT_DIR, { recursive: true, force: true }))

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-server-cli-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** This process's environment, minus a DATABASE_URL the developer may have set. */
function environmentWithoutDatabase(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env['DATABASE_URL']
  return env
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
  lines: string[]
}

function server(args: string[], env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [SERVER, ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...environmentWithoutDatabase(), ...env },
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter(Boolean) }
}

const init = () => server(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'Ana@Example.com'])

// Every command is a fresh Node process (about 0.2 s each), so these take longer than unit tests.
describe('npm run server (SQLite)', { timeout: 30_000 }, () => {
  it('init prints the admin’s token alone on stdout, and token issue prints another; the database keeps only hashes', () => {
    const first = init()
    expect(first.stderr).toMatch(/Set up "Acme IT" with Ana Admin <ana@example.com>/)
    expect(first.status).toBe(0)
    expect(first.lines).toHaveLength(1)
    expect(first.lines[0]).toMatch(TOKEN)

    const issued = server(['token', 'issue', '--email', 'ana@example.com', '--label', 'Ana’s desktop'])
    expect(issued.status).toBe(0)
    expect(issued.lines).toHaveLength(1)
    expect(issued.lines[0]).toMatch(TOKEN)
    expect(issued.lines[0]).not.toBe(first.lines[0])
    expect(issued.stderr).toMatch(/shown this once/)

    const listed = server(['token', 'list', '--email', 'ana@example.com'])
    expect(listed.status).toBe(0)
    expect(listed.lines.map((line) => line.split('\t')[1])).toEqual(['Ana’s desktop', 'first admin token (init)'])
    for (const token of [first.lines[0] ?? '', issued.lines[0] ?? '']) expect(listed.stdout).not.toContain(token)

    const sqlite = new SqliteDatabase(join(dataDir, SERVER_DATABASE_FILE_NAME), { readonly: true })
    try {
      const hashes = sqlite.prepare('SELECT token_hash FROM device_tokens ORDER BY created_at').pluck().all()
      expect(hashes).toEqual([hashToken(first.lines[0] ?? ''), hashToken(issued.lines[0] ?? '')])
    } finally {
      sqlite.close()
    }
  })

  it('refuses a second init with exit code 1 and changes nothing', () => {
    init()
    const again = server(['init', '--org', 'Other', '--admin-name', 'Eve', '--admin-email', 'eve@example.com'])
    expect(again.status).toBe(1)
    expect(again.stdout).toBe('')
    expect(again.stderr).toMatch(/already set up for "Acme IT".*Nothing was changed/)
    expect(server(['user', 'list']).lines).toEqual(['ana@example.com\tAna Admin\tadmin'])
  })

  it('serves HTTP on 127.0.0.1, prints its URL first, logs JSON lines to stderr only, and stops cleanly on SIGTERM', async () => {
    const token = init().lines[0] ?? ''
    const child = spawn(process.execPath, [SERVER, '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env: environmentWithoutDatabase(), stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let stdout = ''
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve)
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(await (await fetch(`${url}/v1/health`)).json()).toEqual({ ok: true })
      expect((await fetch(`${url}/v1/me`)).status).toBe(401)
      const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ user: { email: 'ana@example.com', role: 'admin' } })
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(stderr).toMatch(/stopped/)
    // stdout carries the URL and nothing else; the request log is JSON on stderr, without the token.
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1)
    const logged = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>)
    // One line a request; the health probe logs at debug, below the default level.
    expect(logged.filter((line) => line['msg'] === 'request completed')).toHaveLength(2)
    expect(logged.every((line) => typeof line['time'] === 'string' && line['name'] === 'stint-server')).toBe(true)
    expect(stderr).not.toContain(token)
  })
})

describe.skipIf(!hasPostgres())(postgresSuiteName('npm run server with DATABASE_URL'), { timeout: 30_000 }, () => {
  const postgres = usePostgresCluster()
  startPostgresBeforeAll(postgres)

  it('keeps everything in PostgreSQL and nothing in the data folder', async () => {
    const url = await (await postgres.cluster()).createDatabase()
    const first = server(['init', '--org', 'Acme IT', '--admin-name', 'Ana', '--admin-email', 'ana@example.com'], { DATABASE_URL: url })
    expect(first.status, first.stderr).toBe(0)
    expect(first.lines[0]).toMatch(TOKEN)
    const issued = server(['token', 'issue', '--email', 'ana@example.com', '--label', 'laptop'], { DATABASE_URL: url })
    expect(issued.status, issued.stderr).toBe(0)
    expect(issued.lines[0]).toMatch(TOKEN)
    expect(server(['token', 'list', '--email', 'ana@example.com'], { DATABASE_URL: url }).lines).toHaveLength(2)
    expect(spawnSync('ls', ['-A', dataDir], { encoding: 'utf8' }).stdout).toBe('')
  })

  it('says which PostgreSQL it could not reach, without the password', () => {
    const run = server(['user', 'list'], { DATABASE_URL: 'postgres://stint:hunter2@127.0.0.1:1/stint' })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/could not reach PostgreSQL at 127\.0\.0\.1:1\/stint/)
    expect(run.stderr).not.toContain('hunter2')
  })
})

// The same commands called in this process (runCli with captured output): quicker than a
// process per command, and the exit codes and streams are the same.
describe('the admin commands', () => {
  async function cli(args: string[]): Promise<Run> {
    const out: string[] = []
    const err: string[] = []
    const io: CliIo = {
      env: { HOME: dataDir },
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      logger: silentLogger,
      stopSignal: () => Promise.reject(new Error('these tests do not serve')),
    }
    const status = await runCli([...args, '--data-dir', dataDir], io)
    const stdout = out.map((line) => `${line}\n`).join('')
    return { status, stdout, stderr: err.join('\n'), lines: stdout.split('\n').filter(Boolean) }
  }

  it('manages reference data: customers, contracts with hours, work items, activity types', async () => {
    await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])
    const run = async (args: string[]) => cli(args)
    expect((await run(['customer', 'add', '--name', 'Harbour Dental'])).status).toBe(0)
    expect((await run(['customer', 'add', '--name', 'Acme Berlin', '--organisation', 'Acme Group'])).stderr).toBe('Added the customer Acme Berlin (Acme Group).')
    expect((await run(['contract', 'add', '--customer', 'Harbour Dental', '--name', 'Managed IT', '--included-hours', '7,5'])).stderr).toBe('Added the contract Managed IT for Harbour Dental.')
    const item = await run(['work-item', 'add', '--kind', 'ticket', '--title', 'Printer offline', '--reference', 'HD-7', '--customer', 'Harbour Dental', '--contract', 'Managed IT', '--non-billable'])
    expect([item.status, item.stderr]).toEqual([0, 'Added HD-7 "Printer offline".'])
    expect((await run(['activity', 'add', '--name', 'Travel', '--default'])).stderr).toBe('Added the activity type Travel (the default).')
    // Every organisation starts with On-site: a look-alike is refused, naming it.
    expect((await run(['activity', 'add', '--name', 'on-SITE'])).stderr).toMatch(/^An activity type called "On-site" already exists/)
    const bad = await run(['contract', 'add', '--customer', 'Harbour Dental', '--name', 'X', '--included-hours', 'lots'])
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('--included-hours must be a number of hours such as 40 or 7.5, not "lots".') as string])
    const missing = await run(['work-item', 'add', '--kind', 'ticket', '--title', 'X', '--contract', 'Managed IT'])
    expect([missing.status, missing.stderr]).toEqual([1, expect.stringContaining('A contract belongs to a customer: give --customer too. Nothing was changed.') as string])
    // A ticket's page, for the write-back: checked like everywhere else.
    expect((await run(['work-item', 'add', '--kind', 'ticket', '--title', 'VPN down', '--reference', '#42', '--ticket-url', 'HTTPS://Redmine.example.com/issues/42'])).status).toBe(0)
    const badPage = await run(['work-item', 'add', '--kind', 'ticket', '--title', 'Y', '--ticket-url', 'ftp://x.example/1'])
    expect([badPage.status, badPage.stderr]).toEqual([1, expect.stringContaining('A ticket page address must start with https:// or http://, not ftp://.') as string])
  })

  it('an admin voids approved time or reopens a period from the command line, with the reason recorded', async () => {
    const admin = (await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])).lines[0] ?? ''
    await cli(['user', 'add', '--name', 'Bo Tech', '--email', 'bo@example.com', '--role', 'member'])
    await cli(['team', 'add', '--name', 'Back office', '--pattern', 'none'])
    await cli(['team', 'member', 'add', '--team', 'Back office', '--email', 'bo@example.com'])
    const token = (await cli(['token', 'issue', '--email', 'bo@example.com', '--label', 'laptop'])).lines[0] ?? ''
    const opened = await openServerDatabase({ dataDir })
    try {
      const app = buildServerApp({ db: opened.db, clock: Date.now, logger: silentLogger })
      const push = (mutations: unknown[]) => app.inject({ method: 'POST', url: '/v1/sync/push', headers: { authorization: `Bearer ${token}` }, payload: { deviceId: 'd', mutations } })
      await push([
        { id: '0190a000-0000-7000-8000-0000000000c1', type: 'entry.put', baseVersion: null, entry: { id: 'e1', day: '2026-11-17', workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: 3600, roundedSeconds: 3600, updatedAt: 1, deletedAt: null } },
        { id: '0190a000-0000-7000-8000-0000000000c2', type: 'period.submit', start: '2026-11-16', end: '2026-11-22' },
      ])
      await app.close()
      expect(admin).toMatch(TOKEN)
      const notAdmin = await cli(['period', 'void', '--email', 'bo@example.com', '--day', '2026-11-18', '--reason', 'x', '--as', 'bo@example.com'])
      expect([notAdmin.status, notAdmin.stderr]).toEqual([1, expect.stringContaining('bo@example.com is not an active admin') as string])
      const voided = await cli(['period', 'void', '--email', 'bo@example.com', '--day', '2026-11-18', '--reason', 'Booked on the wrong customer', '--as', 'ana@example.com'])
      expect([voided.status, voided.stderr]).toEqual([0, 'bo@example.com, 2026-11-16 – 2026-11-22: now open.'])
      expect(await opened.db.selectFrom('time_entries').select('status').execute()).toEqual([{ status: 'voided' }])
      const event = await opened.db.selectFrom('period_events').select(['to_status', 'reason']).orderBy('at', 'desc').executeTakeFirstOrThrow()
      expect(event).toEqual({ to_status: 'open', reason: 'Voided: Booked on the wrong customer' })
      const again = await cli(['period', 'reopen', '--email', 'bo@example.com', '--day', '2026-11-18', '--reason', 'again', '--as', 'ana@example.com'])
      expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('this one is open') as string])
      const never = await cli(['period', 'reopen', '--email', 'bo@example.com', '--day', '2026-10-01', '--reason', 'r', '--as', 'ana@example.com'])
      expect(never.stderr).toContain('has never submitted the period 2026-09-28 – 2026-10-04')
    } finally {
      await opened.close()
    }
  })

  it('shapes the organisation: people, roles, teams, members, approvers, pattern, period rule, tokens', async () => {
    await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'Ana@Example.com'])
    const ok = async (args: string[]) => {
      const run = await cli(args)
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0)
      return run
    }
    await ok(['user', 'add', '--name', 'Bo Tech', '--email', 'bo@example.com', '--role', 'member'])
    await ok(['user', 'add', '--name', 'Cy Lead', '--email', 'cy@example.com', '--role', 'member'])
    await ok(['user', 'role', '--email', 'cy@example.com', '--role', 'approver'])
    await ok(['team', 'add', '--name', 'Field Service'])
    await ok(['team', 'member', 'add', '--team', 'field service', '--email', 'bo@example.com'])
    await ok(['team', 'approvers', '--team', 'Field Service', '--level', '1', '--users', 'cy@example.com, ana@example.com'])
    await ok(['team', 'pattern', '--team', 'Field Service', '--pattern', 'two'])
    await ok(['period-rule', '--kind', 'biweekly', '--week-starts-on', '1', '--anchor', '2026-03-02'])
    const teams = JSON.parse((await ok(['team', 'list', '--json'])).stdout) as unknown
    expect(teams).toMatchObject([
      {
        name: 'Field Service',
        approvalPattern: 'two',
        members: [{ email: 'bo@example.com' }],
        approvers: [
          { level: 1, user: { email: 'ana@example.com' } },
          { level: 1, user: { email: 'cy@example.com' } },
        ],
      },
    ])
    const token = (await ok(['token', 'issue', '--email', 'bo@example.com', '--label', 'laptop'])).lines[0]
    expect(token).toMatch(TOKEN)
    const [tokenInfo] = JSON.parse((await ok(['token', 'list', '--email', 'bo@example.com', '--json'])).stdout) as { id: string; revokedAt: number | null }[]
    await ok(['token', 'revoke', '--id', tokenInfo?.id ?? ''])
    expect((JSON.parse((await ok(['token', 'list', '--email', 'bo@example.com', '--json'])).stdout) as { revokedAt: number | null }[])[0]?.revokedAt).toEqual(expect.any(Number))
    await ok(['user', 'deactivate', '--email', 'bo@example.com'])
    expect((await ok(['user', 'list'])).lines).toEqual([
      'ana@example.com\tAna Admin\tadmin',
      expect.stringMatching(/^bo@example.com\tBo Tech\tmember\tdeactivated \d{4}-/) as unknown,
      'cy@example.com\tCy Lead\tapprover',
    ])
  })

  it('answers bad arguments with the reason, the usage and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /There is no command "frobnicate"/],
      [['user', 'add', '--name', 'Bo'], /user add needs --email, --role/],
      [['token', 'list', '--email', 'a@b.c', '--colour', 'red'], /Unknown option '--colour'/],
      [['--port', 'eighty'], /--port must be a whole number from 0 to 65535, not "eighty"/],
      [['serve', '--port', '70000'], /--port must be a whole number/],
    ]
    for (const [args, reason] of cases) {
      const run = await cli(args)
      expect(run.status, args.join(' ')).toBe(2)
      expect(run.stderr).toMatch(reason)
      expect(run.stderr).toMatch(/Usage: npm run server -- \[COMMAND\] \[OPTIONS\]/)
      expect(run.stdout).toBe('')
    }
    const help = await cli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/token issue\s+make a device token/)
  })

  it('refuses a wrong value with exit code 1 and the field that was wrong', async () => {
    await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])
    const run = await cli(['user', 'add', '--name', 'Bo', '--email', 'bo@example.com', '--role', 'boss'])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/Adding the user was refused, nothing was changed: role: the role must be member, approver or admin/)
  })
})
