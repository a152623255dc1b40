// The team server as a real child process (the built bundle), for tests that kill it
// with SIGKILL or run two of them on one PostgreSQL. The bundle is built once per test
// file into node_modules/.cache, where it finds fastify, pg and better-sqlite3.
import { spawn, type ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

const ROOT = join(import.meta.dirname, '..', '..')

export async function buildServerBundle(): Promise<{ entry: string; remove(): void }> {
  const outDir = join(ROOT, 'node_modules', '.cache', `stint-server-process-${process.pid}-${Math.random().toString(36).slice(2)}`)
  await build({ configFile: join(ROOT, 'vite.server.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  return { entry: join(outDir, 'server.js'), remove: () => rmSync(outDir, { recursive: true, force: true }) }
}

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  /** SIGKILL: no shutdown of any kind, as when the machine loses power. */
  kill(): Promise<void>
  stop(): Promise<void>
}

export async function startServerProcess(entry: string, options: { dataDir: string; port?: number; databaseUrl?: string; env?: NodeJS.ProcessEnv }): Promise<ServerProcess> {
  const env = { ...process.env, ...options.env }
  delete env['DATABASE_URL']
  if (options.databaseUrl) env['DATABASE_URL'] = options.databaseUrl
  const child = spawn(process.execPath, [entry, 'serve', '--data-dir', options.dataDir, '--port', String(options.port ?? 0), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    let stderr = ''
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s:\n${stderr}`)), 20_000)
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      const match = /listening on (http:\/\/\S+?) with/.exec(stderr)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before listening:\n${stderr}`))
    })
  })
  return {
    url,
    child,
    kill: async () => {
      child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
    },
  }
}
