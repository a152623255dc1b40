// "Stop and book when the ticket is closed", seen from the ticket system: the service worker
// keeps the ticket timers that run or are paused (from the app's `tickets` events and its
// answers to pages) in chrome.storage.session, and while one of them belongs to a system
// whose "stop when closed" is on and that can be asked (adapters/status.ts), an alarm wakes
// it every minute (MV3 service workers sleep; an alarm wakes them). Each round asks the app
// whether the timer still runs, then the ticket system, with the user's browser session,
// whether the ticket is closed; a closed ticket's timer is stopped and booked through the
// app, as the page's Stop button does, whether its tab is open, closed or elsewhere. An
// answer not understood, a refusal or no network never stops a timer: the next round asks again.
import type { TicketTimer } from '@shared/extension-protocol'
import { askTicketStatus, statusQueryOf } from './adapters/status'
import type { Answer } from './page-session'
import { readSettings, systemOfPage, type ExtensionSettings } from './settings'

export const STATUS_ALARM = 'stint-ticket-status'
const WATCHED_KEY = 'watchedTimers'

export interface WatchedTimer {
  ref: string
  url: string
}

type Request = { type: 'state' | 'stop'; ref: string; url: string }

export interface ClosedWatchOptions {
  /** Asks the app through the native host; "unavailable" when it cannot be reached. */
  ask(request: Request): Promise<Answer>
  fetch: typeof fetch
}

export interface ClosedWatch {
  /** Every running or paused ticket timer (the app's `tickets` event). */
  sawAll(timers: readonly TicketTimer[]): Promise<void>
  /** One ticket's timer, from an answer to a page. */
  sawOne(timer: TicketTimer): Promise<void>
  /** Sets the alarm when a watched timer can be asked about, clears it otherwise (also after the options change). */
  rearm(): Promise<void>
  /** One round (the alarm's). */
  tick(): Promise<void>
}

const isWatched = (value: unknown): value is WatchedTimer =>
  typeof value === 'object' && value !== null && typeof (value as WatchedTimer).ref === 'string' && typeof (value as WatchedTimer).url === 'string'

async function loadWatched(): Promise<WatchedTimer[]> {
  const stored = (await chrome.storage.session.get(WATCHED_KEY))[WATCHED_KEY]
  return Array.isArray(stored) ? stored.filter(isWatched).slice(0, 9) : []
}

const saveWatched = (watched: readonly WatchedTimer[]) => chrome.storage.session.set({ [WATCHED_KEY]: watched })

const loadSettings = async (): Promise<ExtensionSettings> => readSettings(await chrome.storage.local.get(['selfHosted', 'cloud']))

/** The query for a watched timer, when its system's "stop when closed" is on and the system can be asked. */
function queryFor(settings: ExtensionSettings, timer: WatchedTimer) {
  const system = systemOfPage(settings, timer.url)
  if (!system?.choice.autoStop) return null
  const query = statusQueryOf(system.kind, timer.url)
  return query ? { query, origin: system.origin } : null
}

export function createClosedWatch(options: ClosedWatchOptions): ClosedWatch {
  // One change of the stored list at a time (events, answers and rounds come in any order).
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }
  const drop = (timer: WatchedTimer) =>
    serial(async () => {
      await saveWatched((await loadWatched()).filter((w) => w.url !== timer.url))
    })

  const rearm = async () => {
    const [settings, watched] = await Promise.all([loadSettings(), loadWatched()])
    const wanted = watched.some((timer) => queryFor(settings, timer) !== null)
    const set = await chrome.alarms.get(STATUS_ALARM)
    // An alarm already set keeps its time: creating it again would put the next round off.
    if (wanted && !set) await chrome.alarms.create(STATUS_ALARM, { delayInMinutes: 1, periodInMinutes: 1 })
    if (!wanted && set) await chrome.alarms.clear(STATUS_ALARM)
  }

  const round = async () => {
    const settings = await loadSettings()
    for (const timer of await loadWatched()) {
      const asked = queryFor(settings, timer)
      if (!asked) continue
      // The app first: a timer stopped meanwhile is no longer watched, and without the app nothing could be booked.
      const now = await options.ask({ type: 'state', ref: timer.ref, url: timer.url })
      if (!now.ok) continue
      if (now.timer.state === 'idle') {
        await drop(timer)
        continue
      }
      if (!(await chrome.permissions.contains({ origins: [`${asked.origin}/*`] }).catch(() => false))) continue
      if ((await askTicketStatus(asked.query, options.fetch)) !== 'closed') continue
      const stopped = await options.ask({ type: 'stop', ref: timer.ref, url: timer.url })
      if (stopped.ok && stopped.timer.state === 'idle') await drop(timer)
    }
    await rearm()
  }

  let running: Promise<void> | null = null
  return {
    sawAll: (timers) =>
      serial(async () => {
        await saveWatched(timers.flatMap((t) => (t.state !== 'idle' && t.url !== null ? [{ ref: t.ref, url: t.url }] : [])))
        await rearm()
      }),
    sawOne: (timer) =>
      serial(async () => {
        if (timer.url === null) return
        const url = timer.url
        const others = (await loadWatched()).filter((w) => w.url !== url)
        const watched = timer.state === 'idle' ? others : [...others, { ref: timer.ref, url }]
        await saveWatched(watched)
        await rearm()
      }),
    rearm,
    tick: () => {
      // A round still asking (a slow system) is not started twice.
      running ??= round().finally(() => {
        running = null
      })
      return running
    },
  }
}
