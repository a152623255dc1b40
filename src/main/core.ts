// Everything Stint does that is not Electron: the store, the services and the handler
// map. The Electron main process and the browser host both build exactly this.
import type { Handlers } from './api/invoke'
import type { Clock } from './clock'
import { openStore, type Store } from './db/store'
import { EventHub } from './events'
import type { Logger } from './logger'
import { TimerService } from './timers/timer-service'

export interface CoreOptions {
  dataDir: string
  clock: Clock
  logger: Logger
  host: 'electron' | 'web'
  version: string
}

export interface Core {
  readonly store: Store
  readonly events: EventHub
  readonly handlers: Handlers
  readonly timers: TimerService
  close(): Promise<void>
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, clock, logger } = options
  const store = await openStore({ dataDir, logger, now: () => clock.now() })
  const events = new EventHub()
  const timers = new TimerService({ db: store.db, clock, events })
  await timers.ensureSlots()

  const handlers: Handlers = {
    'app.info': () => ({ version: options.version, host: options.host, dataFile: store.file }),
    'timers.list': () => timers.list(),
    'timers.start': ({ slot }) => timers.start(slot),
    'timers.stop': ({ slot }) => timers.stop(slot),
  }
  return { store, events, handlers, timers, close: () => store.close() }
}
