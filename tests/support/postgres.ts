// A throwaway PostgreSQL cluster for tests: initdb into a temp folder, start it on a
// free loopback port with durability off (speed over safety: it is deleted after; a
// benchmark asks for `durable`, PostgreSQL's own defaults, to measure what production pays),
// and stop it with `pg_ctl stop -m immediate`. PostgreSQL refuses to run as root, so
// under root the cluster belongs to an unprivileged system user (postgres or nobody).
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import pg from 'pg'

export interface RunningPostgres {
  /** URL of the database made at start (`stint`). */
  url: string
  /**
   * Another database on this cluster, a copy of `template` (default: an empty one); its URL.
   * One spare copy per template is made ahead, so a test rarely waits for CREATE DATABASE.
   */
  createDatabase(template?: string): Promise<string>
  stop(): Promise<void>
}

const SUPERUSER = 'stint'
const WHY_MISSING = 'no PostgreSQL server binaries found (initdb, pg_ctl): install PostgreSQL or set STINT_PG_BIN to their folder'

/** The folder holding initdb and pg_ctl, or null: STINT_PG_BIN, Debian's layout (newest version first), then PATH. */
export function postgresBinDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates: string[] = []
  if (env['STINT_PG_BIN']) candidates.push(env['STINT_PG_BIN'])
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))
    candidates.push(...versions.map((version) => join(debian, version, 'bin')))
  }
  candidates.push(...(env['PATH'] ?? '').split(delimiter).filter(Boolean))
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null
}

export function hasPostgres(): boolean {
  return postgresBinDir() !== null
}

/** Names a describe block so a skipped PostgreSQL suite says why in the report. */
export function postgresSuiteName(name: string): string {
  return hasPostgres() ? name : `${name} — SKIPPED: ${WHY_MISSING}`
}

interface Account {
  uid: number
  gid: number
}

/** Who runs the cluster: this process, unless it is root (then an unprivileged system account). */
function clusterAccount(): Account | null {
  if (process.getuid?.() !== 0) return null
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((line) => line.split(':'))
  for (const name of [process.env['STINT_PG_USER'], 'postgres', 'nobody']) {
    const entry = passwd.find((fields) => fields[0] === name)
    if (name && entry) return { uid: Number(entry[2]), gid: Number(entry[3]) }
  }
  throw new Error('Tests run as root, and PostgreSQL refuses root: create an unprivileged user (useradd postgres) or set STINT_PG_USER to one.')
}

function run(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface StartPostgresOptions {
  /** fsync, synchronous_commit and full_page_writes on, as a production server runs. */
  durable?: boolean
}

export async function startPostgres({ durable = false }: StartPostgresOptions = {}): Promise<RunningPostgres> {
  const bin = postgresBinDir()
  if (!bin) throw new Error(`Cannot start PostgreSQL: ${WHY_MISSING}.`)
  const account = clusterAccount()
  const root = mkdtempSync(join(tmpdir(), 'stint-pg-'))
  if (account) chownSync(root, account.uid, account.gid)
  const dataDir = join(root, 'data')
  const spawnOptions: SpawnOptions = {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: root, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    ...(account ?? {}),
  }
  const pgCtl = join(bin, 'pg_ctl')
  let started = false
  const stopNow = () => {
    if (started) spawnSync(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], { ...spawnOptions, stdio: 'ignore' })
    started = false
  }
  // A test run that dies must not leave a postgres behind.
  process.once('exit', stopNow)

  try {
    await run(join(bin, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], spawnOptions)
    let port = 0
    for (let attempt = 1; ; attempt++) {
      port = await freePort()
      // No shell quoting needed: mkdtemp paths have no spaces.
      const durability = durable ? '-c fsync=on -c synchronous_commit=on -c full_page_writes=on' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off'
      const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} ${durability}`
      try {
        await run(pgCtl, ['start', '-D', dataDir, '-w', '-t', '30', '-l', join(root, 'postgres.log'), '-o', options], spawnOptions)
        started = true
        break
      } catch (error) {
        // Another process may have taken the port between probing and binding.
        if (attempt >= 3) throw error
      }
    }
    const urlOf = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`
    let databases = 0
    const makeDatabase = async (template: string): Promise<string> => {
      const name = `stint_${++databases}`
      const client = new pg.Client({ connectionString: urlOf('postgres') })
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`)
      } finally {
        await client.end()
      }
      return urlOf(name)
    }
    const spares = new Map<string, Promise<string>>()
    const createDatabase = (template = 'template1'): Promise<string> => {
      const ready = spares.get(template) ?? makeDatabase(template)
      const spare = makeDatabase(template)
      spare.catch(() => undefined) // a spare nobody takes may fail at stop; that is fine
      spares.set(template, spare)
      return ready
    }
    const url = await makeDatabase('template1')
    return {
      url,
      createDatabase,
      stop: async () => {
        await Promise.allSettled(spares.values())
        if (started) await run(pgCtl, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], spawnOptions)
        started = false
        process.removeListener('exit', stopNow)
        rmSync(root, { recursive: true, force: true })
      },
    }
  } catch (error) {
    stopNow()
    process.removeListener('exit', stopNow)
    rmSync(root, { recursive: true, force: true })
    throw error
  }
}
