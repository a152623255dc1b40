// A page that re-renders keeps exactly one control; the control's buttons, the opt-in
// start and stop, and the fallback to stint:// links without the app.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { TicketTimer } from '@shared/extension-protocol'
import { redmineAdapter } from './adapters/redmine'
import { rtAdapter } from './adapters/rt'
import { CONTROL_TAG } from './control'
import { translatorFor } from './i18n'
import { startPageSession, stintLink, type Answer, type PageSession } from './page-session'

const URL_1 = new URL('https://redmine.example.com/issues/7')
const idle: TicketTimer = { ref: 'Redmine#7', url: 'https://redmine.example.com/issues/7', state: 'idle', slot: null, closedSeconds: 0, runningSince: null }

function issuePage(subject = 'Printer offline', closed = false): string {
  return `<div id="header"><h1>Acme</h1></div><div class="issue details${closed ? ' closed' : ''}"><div class="subject"><div><h3>${subject}</h3></div></div></div>`
}

function setUp(answers: (request: { type: string }) => Answer, choice = { autoStart: false, autoStop: false }) {
  document.body.className = 'controller-issues action-show'
  document.body.innerHTML = issuePage()
  const requests: { type: string; ref: string }[] = []
  const links: string[] = []
  const session = startPageSession({
    doc: document,
    location: () => URL_1,
    adapter: redmineAdapter,
    choice: () => choice,
    t: translatorFor('en'),
    now: () => 10_000,
    request: (request) => {
      requests.push(request)
      return Promise.resolve(answers(request))
    },
    openLink: (link) => links.push(link),
  })
  sessions.push(session)
  return { session, requests, links }
}
const sessions: PageSession[] = []
afterEach(() => {
  for (const s of sessions.splice(0)) s.stop()
  document.body.innerHTML = ''
})

const controls = () => document.querySelectorAll(CONTROL_TAG)
const shadow = () => controls()[0]?.shadowRoot
const button = (name: string) => Array.from(shadow()?.querySelectorAll('button') ?? []).find((b) => !b.hidden && b.getAttribute('aria-label') === name)
const settle = () => new Promise((resolve) => setTimeout(resolve, 120))

describe('the control on a ticket page', () => {
  it('sits after the title, and stays one control however often the page re-renders', async () => {
    setUp(() => ({ ok: true, timer: idle }))
    await settle()
    expect(controls()).toHaveLength(1)
    expect(document.querySelector('.subject h3')?.nextElementSibling?.localName).toBe(CONTROL_TAG)
    // A framework re-renders the title area three times, and the body once.
    for (let i = 0; i < 3; i++) {
      const subject = document.querySelector('.subject div')
      if (subject) subject.innerHTML = `<h3>Printer offline ${i}</h3>`
      await settle()
      expect(controls()).toHaveLength(1)
    }
    document.body.innerHTML = issuePage('Printer offline again')
    await settle()
    expect(controls()).toHaveLength(1)
    expect(document.querySelector('.subject h3')?.nextElementSibling?.localName).toBe(CONTROL_TAG)
  })

  it('shows the state, and its buttons have names in words', async () => {
    const { requests } = setUp((r) => ({ ok: true, timer: r.type === 'start' ? { ...idle, state: 'running', slot: 1, closedSeconds: 60, runningSince: 5_000 } : idle }))
    await settle()
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('Not running')
    button('Start the Stint timer for Redmine#7')?.click()
    await settle()
    expect(requests.at(-1)).toMatchObject({ type: 'start', ref: 'Redmine#7', url: 'https://redmine.example.com/issues/7', title: 'Printer offline', customer: 'Acme' })
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('Running 0:01:05')
    expect(button('Pause the Stint timer for Redmine#7')).toBeDefined()
    expect(button('Stop the Stint timer for Redmine#7 and book the time')).toBeDefined()
  })

  it('follows the timer events the app pushes', async () => {
    const { session } = setUp(() => ({ ok: true, timer: idle }))
    await settle()
    session.tickets([{ ...idle, url: 'https://redmine.example.com/issues/8', state: 'running', slot: 2, runningSince: 1 }, { ...idle, ref: 'redmine#7', state: 'paused', slot: 3, closedSeconds: 3661 }])
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('Paused at 1:01:01')
    expect(button('Resume the Stint timer for Redmine#7')).toBeDefined()
    session.tickets([])
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('Not running')
    // A timer a plain link started (its item has no page yet) is found by the reference.
    session.tickets([{ ...idle, ref: 'REDMINE#7', url: null, state: 'running', slot: 1, runningSince: 10_000 }])
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('Running 0:00:00')
  })

  it('without the app, says the state is unknown and starts and stops by stint:// link', async () => {
    const { links, session } = setUp(() => ({ ok: false, error: { code: 'unavailable', message: 'no host' } }))
    await settle()
    expect(shadow()?.querySelector('[role="status"]')?.textContent).toBe('State unknown: Stint is not connected')
    button('Start the Stint timer for Redmine#7')?.click()
    await settle()
    button('Stop the Stint timer for Redmine#7 and book the time')?.click()
    await settle()
    expect(links).toEqual(['stint://timer/start?ref=Redmine%237&title=Printer+offline&customer=Acme', 'stint://timer/stop?ref=Redmine%237'])
    session.offline()
    expect(button('Pause the Stint timer for Redmine#7')).toBeUndefined()
  })

  it('starts on open and stops when the page shows the ticket closed, only when opted in', async () => {
    let state: TicketTimer = idle
    const { requests } = setUp(
      (r) => {
        if (r.type === 'start') state = { ...idle, state: 'running', slot: 1, runningSince: 1 }
        if (r.type === 'stop') state = idle
        return { ok: true, timer: state }
      },
      { autoStart: true, autoStop: true },
    )
    await settle()
    expect(requests.map((r) => r.type)).toEqual(['state', 'start'])
    document.body.innerHTML = issuePage('Printer offline', true)
    await settle()
    await settle()
    expect(requests.map((r) => r.type)).toEqual(['state', 'start', 'stop'])
  })

  it('does neither by default', async () => {
    const { requests } = setUp(() => ({ ok: true, timer: { ...idle, state: 'running', slot: 1, runningSince: 1 } }))
    await settle()
    document.body.innerHTML = issuePage('Printer offline', true)
    await settle()
    expect(requests.map((r) => r.type)).toEqual(['state'])
  })

  it('removes the control when the page stops being a ticket', async () => {
    setUp(() => ({ ok: true, timer: idle }))
    await settle()
    document.body.innerHTML = '<p>Issues</p>'
    await settle()
    expect(controls()).toHaveLength(0)
  })
})

describe('the control on a Request Tracker ticket', () => {
  it("goes inside the title, where RT's page menu makes room for it, and stays one control", async () => {
    document.body.id = 'comp-Ticket-Display'
    document.body.innerHTML = '<div id="header"><h1>#7: VPN drops</h1></div><div class="ticket-info-basics"><div class="status"><span class="current-value">open</span></div></div>'
    const resizes = vi.fn()
    window.addEventListener('resize', resizes)
    const requests: { type: string; title?: string }[] = []
    const url = new URL('http://rt.example.com/Ticket/Display.html?id=7')
    const rtIdle: TicketTimer = { ...idle, ref: 'RT#7', url: url.href }
    sessions.push(
      startPageSession({
        doc: document,
        location: () => url,
        adapter: rtAdapter,
        choice: () => ({ autoStart: false, autoStop: false }),
        t: translatorFor('en'),
        now: () => 10_000,
        request: (request) => {
          requests.push(request)
          return Promise.resolve({ ok: true, timer: rtIdle })
        },
        openLink: () => undefined,
      }),
    )
    await settle()
    window.removeEventListener('resize', resizes)
    document.body.id = ''
    expect(controls()).toHaveLength(1)
    expect(document.querySelector('#header h1')?.lastElementChild?.localName).toBe(CONTROL_TAG)
    // RT lays its menu out again on a resize; the title still reads as the ticket's.
    expect(resizes).toHaveBeenCalled()
    button('Start the Stint timer for RT#7')?.click()
    await settle()
    expect(requests.at(-1)).toMatchObject({ type: 'start', ref: 'RT#7', title: 'VPN drops' })
    expect(controls()).toHaveLength(1)
  })
})

describe('stint links', () => {
  it('carry the ticket as a link does', () => {
    expect(stintLink('start', { ref: 'OPS-12', title: 'Ä & b', customer: null })).toBe('stint://timer/start?ref=OPS-12&title=%C3%84+%26+b')
  })
})
vi.useRealTimers()
