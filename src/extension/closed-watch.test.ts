// The service worker's watch for tickets closed in the ticket system, with a fake chrome
// (storage, alarms firing on a fake clock, permissions), a fake ticket system and a fake app.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TicketTimer } from '@shared/extension-protocol'
import { createClosedWatch, STATUS_ALARM, type ClosedWatch } from './closed-watch'
import type { Answer } from './page-session'

const PAGE = 'https://pm.example.com/issues/7'
const RT_PAGE = 'https://rt.example.com/Ticket/Display.html?id=9'
const running: TicketTimer = { ref: 'Redmine#7', url: PAGE, state: 'running', slot: 1, closedSeconds: 0, runningSince: 1 }
const idle: TicketTimer = { ...running, state: 'idle', slot: null, runningSince: null }
const issuePage = (closed: boolean) =>
  `<body class="controller-issues action-show"><h2 class="inline-flex">Bug #7</h2><div class="issue tracker-1 status-1${closed ? ' closed' : ''} details"></div></body>`

function area(): chrome.storage.Area & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {}
  return {
    data,
    get: (keys) => Promise.resolve(Object.fromEntries((keys === null ? Object.keys(data) : [keys].flat()).filter((k) => k in data).map((k) => [k, structuredClone(data[k])]))),
    set: (items) => Promise.resolve(void Object.assign(data, structuredClone(items))),
  }
}

/** chrome.alarms on the fake clock: a periodic alarm fires every period while it is set. */
function fakeAlarms(onFire: () => void) {
  const set = new Map<string, { timer: ReturnType<typeof setTimeout>; alarm: chrome.alarms.Alarm }>()
  const clear = (name: string) => {
    const had = set.get(name)
    if (had) clearTimeout(had.timer)
    set.delete(name)
    return had !== undefined
  }
  return {
    set,
    api: {
      create: (name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) => {
        clear(name)
        const period = (info.periodInMinutes ?? 1) * 60_000
        const schedule = (delay: number) => {
          const alarm = { name, scheduledTime: Date.now() + delay, periodInMinutes: info.periodInMinutes }
          set.set(name, { alarm, timer: setTimeout(() => (schedule(period), onFire()), delay) })
        }
        schedule((info.delayInMinutes ?? 1) * 60_000)
        return Promise.resolve()
      },
      get: (name: string) => Promise.resolve(set.get(name)?.alarm),
      clear: (name: string) => Promise.resolve(clear(name)),
    },
  }
}

let watch: ClosedWatch
let options: Parameters<typeof createClosedWatch>[0]
let local: ReturnType<typeof area>
let alarms: ReturnType<typeof fakeAlarms>
let granted: string[]
let ticketClosed: boolean
let ticketAnswer: () => Promise<Response>
let app: { timer: TicketTimer; reachable: boolean; requests: string[] }
let fetched: string[]

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-12-04T09:00:00Z'))
  local = area()
  local.data['selfHosted'] = [
    { origin: 'https://pm.example.com', kind: 'redmine', autoStart: false, autoStop: true },
    { origin: 'https://rt.example.com', kind: 'rt', autoStart: false, autoStop: false },
  ]
  granted = ['https://pm.example.com/*', 'https://rt.example.com/*']
  ticketClosed = false
  ticketAnswer = () => Promise.resolve(new Response(issuePage(ticketClosed)))
  app = { timer: running, reachable: true, requests: [] }
  fetched = []
  alarms = fakeAlarms(() => void watch.tick())
  vi.stubGlobal('chrome', {
    storage: { local, session: area() },
    alarms: alarms.api,
    permissions: { contains: ({ origins = [] }: { origins?: string[] }) => Promise.resolve(origins.every((o) => granted.includes(o))) },
  })
  options = {
    ask: (request) => {
      app.requests.push(request.type)
      if (!app.reachable) return Promise.resolve<Answer>({ ok: false, error: { code: 'unavailable', message: 'Stint is not running' } })
      if (request.type === 'stop') app.timer = { ...idle, closedSeconds: 1800 }
      return Promise.resolve<Answer>({ ok: true, timer: app.timer })
    },
    fetch: (input, init) => {
      fetched.push(`${input instanceof Request ? input.url : input.toString()} ${init?.credentials ?? ''}`)
      return ticketAnswer()
    },
  }
  watch = createClosedWatch(options)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** Lets the fake clock run `minutes`, the rounds it starts included. */
async function minutes(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await vi.advanceTimersByTimeAsync(60_000)
    for (let j = 0; j < 20; j++) await Promise.resolve()
  }
}

describe('watching a running ticket timer for its ticket being closed', () => {
  it('asks the ticket system every minute with the browser session, and stops and books once it is closed', async () => {
    await watch.sawAll([running])
    expect(alarms.set.has(STATUS_ALARM)).toBe(true)
    await minutes(1)
    expect(fetched).toEqual(['https://pm.example.com/issues/7 include'])
    expect(app.requests).toEqual(['state'])
    await minutes(2)
    expect(fetched).toHaveLength(3)
    ticketClosed = true
    await minutes(1)
    expect(app.requests).toEqual(['state', 'state', 'state', 'state', 'stop'])
    // Nothing left to watch: the alarm is gone and nobody is asked again.
    expect(alarms.set.has(STATUS_ALARM)).toBe(false)
    await minutes(3)
    expect(fetched).toHaveLength(4)
  })

  it('also stops a paused timer', async () => {
    app.timer = { ...running, state: 'paused', runningSince: null }
    ticketClosed = true
    await watch.sawOne(app.timer)
    await minutes(1)
    expect(app.requests).toEqual(['state', 'stop'])
  })

  it('never stops on an answer it does not understand, a refusal or no network, and keeps asking', async () => {
    await watch.sawAll([running])
    const answers = [
      () => Promise.resolve(new Response('<html><body class="controller-account action-login">Sign in</body></html>')),
      () => Promise.resolve(new Response('Unauthorized', { status: 401 })),
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => Promise.resolve(new Response(issuePage(true), { status: 503 })),
    ]
    for (const answer of answers) {
      ticketAnswer = answer
      await minutes(1)
    }
    expect(app.requests).not.toContain('stop')
    expect(fetched).toHaveLength(4)
    expect(alarms.set.has(STATUS_ALARM)).toBe(true)
    ticketAnswer = () => Promise.resolve(new Response(issuePage(true)))
    await minutes(1)
    expect(app.requests.at(-1)).toBe('stop')
  })

  it('does not ask the ticket system while the app cannot be reached, and asks again once it can', async () => {
    ticketClosed = true
    app.reachable = false
    await watch.sawAll([running])
    await minutes(2)
    expect(fetched).toEqual([])
    app.reachable = true
    await minutes(1)
    expect(app.requests.at(-1)).toBe('stop')
  })

  it('lets go of a timer stopped elsewhere meanwhile', async () => {
    await watch.sawAll([running])
    app.timer = idle
    await minutes(1)
    expect(fetched).toEqual([])
    expect(alarms.set.has(STATUS_ALARM)).toBe(false)
  })

  it('sets no alarm where "stop when closed" is off, the system cannot be asked, or the timer has no page', async () => {
    await watch.sawAll([{ ...running, ref: 'RT#9', url: RT_PAGE }, { ...running, ref: 'Redmine#8', url: null }])
    expect(alarms.set.has(STATUS_ALARM)).toBe(false)
    local.data['selfHosted'] = [{ origin: 'https://rt.example.com', kind: 'glpi', autoStart: false, autoStop: true }]
    await watch.rearm()
    expect(alarms.set.has(STATUS_ALARM)).toBe(false)
    // Turned on later, for a system that can be asked: watched from then on.
    local.data['selfHosted'] = [{ origin: 'https://rt.example.com', kind: 'rt', autoStart: false, autoStop: true }]
    await watch.rearm()
    expect(alarms.set.has(STATUS_ALARM)).toBe(true)
  })

  it('does not ask an origin the extension has no permission for', async () => {
    granted = []
    ticketClosed = true
    await watch.sawAll([running])
    await minutes(2)
    expect(fetched).toEqual([])
    expect(app.requests).not.toContain('stop')
  })

  it('keeps its list while the service worker sleeps (session storage): the alarm wakes a new one that still knows the timer', async () => {
    await watch.sawAll([running])
    // The browser ends the idle worker; the alarm starts a new one, with nothing in memory.
    watch = createClosedWatch(options)
    ticketClosed = true
    await minutes(1)
    expect(app.requests).toEqual(['state', 'stop'])
  })

  it('one more timer event does not put the next round off', async () => {
    await watch.sawAll([running])
    await vi.advanceTimersByTimeAsync(45_000)
    await watch.sawOne(running)
    await vi.advanceTimersByTimeAsync(15_000)
    for (let j = 0; j < 20; j++) await Promise.resolve()
    expect(fetched).toHaveLength(1)
  })
})
