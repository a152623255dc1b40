// One ticket page's life with Stint: find the ticket (the system's adapter), keep exactly
// one control beside its title while the page re-renders (a MutationObserver re-reads the
// page; mounting is idempotent), keep the control's state current, carry out its buttons,
// and, where the user opted in for this system, start the timer when the page opens and
// stop it when the page shows the ticket closed. Without the desktop app's channel, start
// and stop go through stint:// links and the state is shown as unknown.
import { timerOfTicket, type ExtensionRequest, type TicketTimer } from '@shared/extension-protocol'
import type { SiteAdapter, TicketPage } from './adapters/types'
import { CONTROL_TAG, mountControl, type Control, type ControlAction, type ControlState } from './control'
import type { T } from './i18n'
import type { SystemChoice } from './settings'

type Request = ExtensionRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never
export type Answer = { ok: true; timer: TicketTimer } | { ok: false; error: { code: string; message: string } }

export interface PageSessionOptions {
  doc: Document
  location: () => URL
  adapter: SiteAdapter
  /** The user's opt-ins for this system, as they are now (the options page may change them while the page is open). */
  choice: () => SystemChoice
  t: T
  now: () => number
  request: (request: Request) => Promise<Answer>
  /** Opens a stint:// link (the fallback without the channel). */
  openLink: (link: string) => void
}

export interface PageSession {
  /** Every running or paused ticket timer, pushed by the app. */
  tickets(timers: readonly TicketTimer[]): void
  /** The app went away. */
  offline(): void
  /** Reads the page again now (tests; the observer does it on every change). */
  rescan(): void
  stop(): void
}

/** A ticket link for the fallback, as src/shared/ticket-link.ts reads them. */
export function stintLink(action: 'start' | 'stop', page: Pick<TicketPage, 'ref' | 'title' | 'customer'>): string {
  const params = new URLSearchParams({ ref: page.ref })
  if (action === 'start') {
    if (page.title !== '') params.set('title', page.title)
    if (page.customer !== null) params.set('customer', page.customer)
  }
  return `stint://timer/${action}?${params.toString()}`
}

export function startPageSession(options: PageSessionOptions): PageSession {
  const { doc, adapter, choice, t } = options
  let page: TicketPage | null = null
  let control: Control | null = null
  let state: ControlState = { kind: 'unknown' }
  let seenRef: string | null = null
  let autoStopped: string | null = null

  const show = (next: ControlState) => {
    state = next
    control?.set(state)
    maybeAutoStop()
  }
  const known = (timer: TicketTimer): ControlState => ({ kind: 'known', timer })

  const act = async (action: ControlAction | 'state', auto = false): Promise<void> => {
    const current = page
    if (!current) return
    const request: Request =
      action === 'start'
        ? { type: 'start', ref: current.ref, url: current.url, title: current.title, ...(current.customer === null ? {} : { customer: current.customer }) }
        : { type: action, ref: current.ref, url: current.url }
    const answer = await options.request(request)
    if (page?.ref !== current.ref) return
    if (answer.ok) {
      control?.showError(null)
      show(known(answer.timer))
      if (action === 'state' && !auto) maybeAutoStart()
      return
    }
    if (answer.error.code === 'unavailable') {
      show({ kind: 'unknown' })
      if ((action === 'start' || action === 'stop') && !auto) options.openLink(stintLink(action, current))
      return
    }
    control?.showError(answer.error.message)
  }

  const maybeAutoStart = () => {
    if (!choice().autoStart || !page || page.closed || state.kind !== 'known' || state.timer.state === 'running') return
    void act('start', true)
  }
  const maybeAutoStop = () => {
    if (!choice().autoStop || !page?.closed || state.kind !== 'known' || state.timer.state === 'idle' || autoStopped === page.ref) return
    autoStopped = page.ref
    void act('stop', true)
  }

  const scan = () => {
    page = adapter.read(doc, options.location())
    if (!page) {
      for (const stale of Array.from(doc.querySelectorAll(CONTROL_TAG))) stale.remove()
      control = null
      return
    }
    control = mountControl(doc, page, { t, now: options.now, onAction: (action) => void act(action) })
    control.set(state)
    if (page.ref !== seenRef) {
      seenRef = page.ref
      state = { kind: 'unknown' }
      control.set(state)
      void act('state')
    }
    maybeAutoStop()
  }

  let scheduled = false
  const observer = new MutationObserver(() => {
    if (scheduled) return
    scheduled = true
    // One read per burst of changes: frameworks re-render in many small steps.
    setTimeout(() => {
      scheduled = false
      scan()
    }, 50)
  })
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['class', 'value'] })
  const view = doc.defaultView
  view?.addEventListener('hashchange', scan)
  view?.addEventListener('popstate', scan)
  scan()

  return {
    tickets: (timers) => {
      if (!page) return
      // Pages are stored in the URL parser's spelling.
      const url = new URL(page.url).href
      const timer = timerOfTicket(timers, { ref: page.ref, url })
      show(known(timer ?? { ref: page.ref, url, state: 'idle', slot: null, closedSeconds: 0, runningSince: null }))
    },
    offline: () => show({ kind: 'unknown' }),
    rescan: scan,
    stop: () => {
      observer.disconnect()
      view?.removeEventListener('hashchange', scan)
      view?.removeEventListener('popstate', scan)
    },
  }
}
