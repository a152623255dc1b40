// The control beside a ticket's title: its own shadow root (the page's styles and scripts
// do not reach into it), the state of this ticket's timer and the buttons for it. Mounting
// is idempotent: a page that re-renders gets its control back after the (new) title, and
// never a second one. Elapsed time counts on from the timer's start instant, and only
// while the tab is visible.
import type { TicketTimer } from '@shared/extension-protocol'
import type { TicketPage } from './adapters/types'
import { clockText, type T } from './i18n'

export const CONTROL_TAG = 'stint-ticket-control'

/** `unknown` when the desktop app cannot be reached: start and stop then go by stint:// link. */
export type ControlState = { kind: 'unknown' } | { kind: 'known'; timer: TicketTimer }
export type ControlAction = 'start' | 'pause' | 'stop'

export interface ControlOptions {
  t: T
  now: () => number
  onAction: (action: ControlAction) => void
}

const STYLE = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin-inline-start: .75em; }
.box { display: inline-flex; align-items: center; gap: .4em; font: 13px/1.3 system-ui, sans-serif; color: #1f2328;
  background: #f6f8fa; border: 1px solid #8c959f; border-radius: 6px; padding: 2px 4px 2px 8px; }
.state { min-width: 8.5em; font-variant-numeric: tabular-nums; }
.state.running { color: #1a7f37; font-weight: 600; }
button { font: inherit; color: #1f2328; background: #fff; border: 1px solid #6e7781; border-radius: 4px; padding: 1px 8px; cursor: pointer; }
button:hover { background: #eaeef2; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.error { color: #b3261e; max-width: 24em; }
`

export interface Control {
  readonly element: HTMLElement
  set(state: ControlState): void
  showError(message: string | null): void
}

interface Mounted extends HTMLElement {
  stintControl?: Control
}

/** The control for `page`: the existing one when it still sits at its place by the title, else a new one there (any other is removed). */
export function mountControl(doc: Document, page: TicketPage, options: ControlOptions): Control {
  const inside = page.placement === 'inside'
  const next = (inside ? page.titleElement.lastElementChild : page.titleElement.nextElementSibling) as Mounted | null
  if (next?.localName === CONTROL_TAG && next.dataset['ref'] === page.ref && next.stintControl) return next.stintControl
  for (const stale of Array.from(doc.querySelectorAll(CONTROL_TAG))) stale.remove()
  const host = doc.createElement(CONTROL_TAG) as Mounted
  host.dataset['ref'] = page.ref
  if (inside) page.titleElement.append(host)
  else page.titleElement.after(host)
  const control = buildControl(doc, host, page.ref, options)
  host.stintControl = control
  // The page measures its title again (its layout script listens for resizes).
  if (inside) doc.defaultView?.dispatchEvent(new Event('resize'))
  return control
}

function buildControl(doc: Document, host: HTMLElement, ref: string, { t, now, onAction }: ControlOptions): Control {
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(STYLE)
  root.adoptedStyleSheets = [sheet]
  const box = doc.createElement('div')
  box.className = 'box'
  box.setAttribute('role', 'group')
  box.setAttribute('aria-label', t('extension.control.group', { ref }))
  const state = doc.createElement('span')
  state.className = 'state'
  state.setAttribute('role', 'status')
  const error = doc.createElement('span')
  error.className = 'error'
  error.setAttribute('role', 'alert')
  error.hidden = true
  const button = (action: ControlAction) => {
    const b = doc.createElement('button')
    b.type = 'button'
    b.addEventListener('click', () => onAction(action))
    return b
  }
  const primary = button('start')
  const pause = button('pause')
  const stop = button('stop')
  box.append(state, primary, pause, stop, error)
  root.append(box)

  let current: ControlState = { kind: 'unknown' }
  let ticker: number | null = null

  const label = (b: HTMLButtonElement, text: string, accessible: string) => {
    b.textContent = text
    b.setAttribute('aria-label', accessible)
  }
  const render = () => {
    const view = doc.defaultView
    if (current.kind === 'unknown') {
      state.className = 'state'
      state.textContent = t('extension.control.unknown')
      state.title = t('extension.control.unknownHint')
      label(primary, t('extension.control.start'), t('extension.control.startLabel', { ref }))
      primary.dataset['action'] = 'start'
      pause.hidden = true
      stop.hidden = false
    } else {
      const { timer } = current
      const seconds = timer.closedSeconds + (timer.runningSince === null ? 0 : Math.max(0, Math.floor((now() - timer.runningSince) / 1000)))
      state.className = `state ${timer.state}`
      state.removeAttribute('title')
      state.textContent =
        timer.state === 'running' ? t('extension.control.running', { duration: clockText(seconds) }) : timer.state === 'paused' ? t('extension.control.paused', { duration: clockText(seconds) }) : t('extension.control.idle')
      const resume = timer.state === 'paused'
      label(primary, t(resume ? 'extension.control.resume' : 'extension.control.start'), t(resume ? 'extension.control.resumeLabel' : 'extension.control.startLabel', { ref }))
      primary.hidden = timer.state === 'running'
      pause.hidden = timer.state !== 'running'
      stop.hidden = timer.state === 'idle'
    }
    label(pause, t('extension.control.pause'), t('extension.control.pauseLabel', { ref }))
    label(stop, t('extension.control.stop'), t('extension.control.stopLabel', { ref }))
    const running = current.kind === 'known' && current.timer.state === 'running'
    const tick = running && doc.visibilityState === 'visible'
    if (tick && ticker === null && view) ticker = view.setInterval(render, 1000)
    if (!tick && ticker !== null) {
      view?.clearInterval(ticker)
      ticker = null
    }
  }
  doc.addEventListener('visibilitychange', render)
  render()
  return {
    element: host,
    set: (next) => {
      current = next
      render()
    },
    showError: (message) => {
      error.hidden = message === null
      error.textContent = message === null ? '' : t('extension.control.failed', { reason: message })
    },
  }
}
