// What the Redmine and Request Tracker test harnesses share: a free loopback port, a
// server started in its own process group (so stop() ends it and every worker it forked),
// waiting until it answers HTTP, a template database built once per machine and version in
// a cache folder under os.tmpdir() (built beside, then renamed into place, so two test
// files racing build it twice at worst, never half), and the rule for a missing package:
// skip loudly on a developer's machine, fail under CI=true.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const onCi = process.env['CI'] === 'true' || process.env['CI'] === '1'

export const INSTALL_HINT = 'run scripts/ticket-systems/install-debian.sh as root (Debian: redmine redmine-sqlite request-tracker5 msmtp-mta)'

/**
 * Names a describe block for a real ticket system and says whether to skip it: skipped (with
 * a loud line in the name and on stderr) when the package is missing, except under CI=true,
 * where the suite runs and its start fails with what to install.
 */
export function ticketSystemSuite(name: string, system: string, installed: boolean): { name: string; skip: boolean } {
  if (installed) return { name, skip: false }
  if (onCi) return { name, skip: false }
  const line = '!'.repeat(78)
  console.warn(`\n${line}\n  ${system.toUpperCase()} TESTS SKIPPED: ${system} is not installed; ${INSTALL_HINT}.\n${line}`)
  return { name: `${name} — SKIPPED: ${system} is not installed (${INSTALL_HINT})`, skip: true }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export function cacheDir(): string {
  const dir = join(tmpdir(), 'stint-ticket-systems')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** The path of a cached template (a file or folder named `name`), built by `build(into)` when missing. */
export async function cachedTemplate(name: string, build: (into: string) => Promise<void>): Promise<string> {
  const target = join(cacheDir(), name)
  if (existsSync(target)) return target
  const work = mkdtempSync(join(cacheDir(), `${name}.building-`))
  try {
    await build(join(work, 'template'))
    try {
      renameSync(join(work, 'template'), target)
    } catch (error) {
      if (!existsSync(target)) throw error // another test file won the race: its template is as good
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return target
}

/** Runs a command to its end; rejects with its output when it fails. */
export function runToEnd(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`))))
  })
}

export interface ServerProcess {
  readonly child: ChildProcess
  output(): string
  stop(): Promise<void>
}

// Groups still running when the test process exits without stopping them (a crash, a
// forgotten afterAll) are killed then, so no server outlives its tests.
const running = new Set<number>()
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

/** Starts a server as the leader of its own process group; stop() ends the whole group (TERM, then KILL). */
export function startServer(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ServerProcess {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-20000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  if (child.pid) running.add(child.pid)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const signal = (name: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, name)
    } catch {
      // already gone
    }
  }
  let stopping: Promise<void> | null = null
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      signal('SIGTERM')
      const timer = setTimeout(() => signal('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    signal('SIGKILL') // workers the leader left behind
    if (child.pid) running.delete(child.pid)
  }
  return {
    child,
    output: () => output,
    stop: () => (stopping ??= stop()),
  }
}

/** Waits until `url` answers any HTTP status; fails with the server's output when it exits or takes too long. */
export async function waitForHttp(url: string, server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (server.child.exitCode !== null) throw new Error(`the server exited with ${server.child.exitCode} before answering:\n${server.output()}`)
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000), redirect: 'manual' })
      return
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url} after ${timeoutMs} ms:\n${server.output()}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix))
}
