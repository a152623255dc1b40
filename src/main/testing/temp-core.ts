// A core on a real SQLite file in a fresh temporary folder, on a fake clock: what
// service and transport tests run against.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeClock } from '../clock'
import { createCore, type Core } from '../core'
import { silentLogger } from '../logger'

export const T0 = Date.UTC(2026, 10, 16, 8, 0, 0) // Monday 16 November 2026, 08:00 UTC

export interface TempCore {
  core: Core
  clock: FakeClock
  dataDir: string
  /** Closes the core and opens a new one on the same file (a restart). */
  reopen(): Promise<Core>
  dispose(): Promise<void>
}

export async function openTempCore(clock = new FakeClock(T0, 'Europe/Berlin')): Promise<TempCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-core-'))
  const open = () => createCore({ dataDir, clock, logger: silentLogger, host: 'web', version: '0.0.0-test' })
  let core = await open()
  return {
    get core() {
      return core
    },
    clock,
    dataDir,
    async reopen() {
      await core.close()
      core = await open()
      return core
    },
    async dispose() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
