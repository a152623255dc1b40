// The server's CLI run in this process with its output captured: quicker than a process
// per command, with the same exit codes and streams. `serving` starts `serve` and hands
// back its URL, and stops it when asked, as SIGTERM would.
import { runCli, type CliIo } from '../../src/server/cli'
import { silentLogger } from '../../src/server/logger'

export interface CliRun {
  status: number
  stdout: string
  stderr: string
  lines: string[]
}

function captured(env: NodeJS.ProcessEnv, stopSignal: () => Promise<void>) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = { env, out: (line) => out.push(line), err: (line) => err.push(line), logger: silentLogger, stopSignal }
  const result = (status: number): CliRun => {
    const stdout = out.map((line) => `${line}\n`).join('')
    return { status, stdout, stderr: err.join('\n'), lines: stdout.split('\n').filter(Boolean) }
  }
  return { io, out, result }
}

/** Runs one command against the SQLite folder `dataDir`. */
export async function cliIn(dataDir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const { io, result } = captured({ HOME: dataDir, ...env }, () => Promise.reject(new Error('this command does not serve')))
  return result(await runCli([...args, '--data-dir', dataDir], io))
}

export interface Serving {
  url: string
  stop(): Promise<CliRun>
}

/** Starts `serve --port 0 …args` on `dataDir`; resolves once it listens. */
export async function serveIn(dataDir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Serving> {
  let stop = () => {}
  const stopped = new Promise<void>((resolve) => (stop = resolve))
  const { io, out, result } = captured({ HOME: dataDir, ...env }, () => stopped)
  const running = runCli(['serve', '--port', '0', ...args, '--data-dir', dataDir], io)
  for (let waited = 0; out.length === 0; waited += 20) {
    const early = await Promise.race([running, new Promise<null>((resolve) => setTimeout(() => resolve(null), 20))])
    if (early !== null) throw new Error(`serve ended with ${early} before listening: ${result(early).stderr}`)
    if (waited > 20_000) throw new Error('serve did not listen within 20 s')
  }
  return {
    url: out[0] ?? '',
    stop: async () => {
      stop()
      return result(await running)
    },
  }
}
