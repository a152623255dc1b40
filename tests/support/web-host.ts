// Starts the built browser host as a real child process (node out/web/host.js) and
// reads its first stdout line, the URL with this launch's token.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export const ROOT = join(import.meta.dirname, '..', '..')
export const HOST_SCRIPT = join(ROOT, 'out', 'web', 'host.js')

export interface RunningHost {
  /** The URL printed by the host, with ?token=… */
  url: string
  origin: string
  token: string
  process: ChildProcess
  stderr(): string
  /** Stops the host: SIGTERM lets it close cleanly, SIGKILL simulates a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>
}

export async function startHost(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [HOST_SCRIPT, '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let errors = ''
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    errors += chunk
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => resolve(line))
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}: ${errors}`)))
  })
  const url = new URL(firstLine)
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    process: child,
    stderr: () => errors,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
