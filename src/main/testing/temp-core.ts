// A core on a real SQLite file in a fresh temporary folder, on a fake clock: what
// service and transport tests run against.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FakeClock } from '../clock'
import { createCore, type Core, type CoreOptions } from '../core'
import { silentLogger } from '../logger'
import { MemorySettingsStore } from '../settings/settings-store'
import { ManualScheduler } from '../timers/scheduler'

export const T0 = Date.UTC(2026, 10, 16, 8, 0, 0) // Monday 16 November 2026, 08:00 UTC

export interface TempCore {
  core: Core
  clock: FakeClock
  settings: MemorySettingsStore
  scheduler: ManualScheduler
  dataDir: string
  /** Opens a new core on the same file (a restart); by default without a clean shutdown first, as after a crash. */
  reopen(options?: { alreadyClosed?: boolean; clean?: boolean }): Promise<Core>
  dispose(): Promise<void>
}

/** `extra`: more of the core's options (a test's ticket connectors, secrets). */
export async function openTempCore(clock = new FakeClock(T0, 'Europe/Berlin'), extra: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-core-'))
  const settings = new MemorySettingsStore()
  const scheduler = new ManualScheduler(() => clock.now())
  const open = () => createCore({ dataDir, clock, logger: silentLogger, settings, scheduler, host: 'web', version: '0.0.0-test', ...extra })
  let core = await open()
  return {
    get core() {
      return core
    },
    clock,
    settings,
    scheduler,
    dataDir,
    async reopen({ alreadyClosed = false, clean = false } = {}) {
      // A crash leaves no shutdown record: close the database file without telling the engine.
      if (!alreadyClosed) {
        if (clean) await core.close({ keepRunning: false })
        else await core.store.close()
      }
      core = await open()
      return core
    },
    async dispose() {
      await core.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
