import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApprovalDetail, DecisionResult } from '@shared/approvals'
import { StintError } from '@shared/errors'
import type { SyncStatus } from '@shared/sync'
import { QUEUE, tessDetail } from '../approvals/approvals-host'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { ApprovalsView } from './ApprovalsView'

// The queue's periods are in November 2026, and times of this year are shown without it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-24T10:00:00'))
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  window.location.hash = ''
})

const UNREACHABLE = 'The team server at https://ts.example.com cannot be reached (connect ECONNREFUSED). Check the address and your connection; nothing was changed.'
const SYNCED: SyncStatus = { state: 'synced', pending: 0, issues: 0, lastSyncedAt: null, nextAttemptAt: null, message: null }

function approvalsHost(extra: ScriptedHandlers = {}) {
  return scriptedHost({
    'settings.get': () => Promise.reject(new StintError('unavailable', 'No settings in this test.')),
    'approvals.queue': () => QUEUE,
    'approvals.detail': () => tessDetail(),
    ...extra,
  })
}

function renderApprovals(host: ReturnType<typeof approvalsHost>, periodId: string | null = null) {
  const view = render(
    <ClientContext.Provider value={host.client}>
      <ApprovalsView periodId={periodId} />
    </ClientContext.Provider>,
  )
  return {
    ...view,
    open: (next: string | null) =>
      view.rerender(
        <ClientContext.Provider value={host.client}>
          <ApprovalsView periodId={next} />
        </ClientContext.Provider>,
      ),
  }
}

const queueRow = (member: string) => screen.getByRole('rowheader', { name: new RegExp(`^${member}`) }).closest('tr') as HTMLElement
const cellTexts = (row: HTMLElement) => [...row.querySelectorAll('td')].map((c) => c.textContent)

describe('Approvals queue', () => {
  it('lists what waits: member, period, level, when submitted, total, billable share, over or under, resubmitted', async () => {
    const host = approvalsHost()
    renderApprovals(host)
    await screen.findByRole('table', { name: /Periods waiting for your approval/ })
    expect(screen.getByRole('heading', { level: 1, name: 'Approvals' })).toBe(document.activeElement)
    expect(within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['', 'Member', 'Period', 'Level', 'Submitted', 'Total', 'Billable', 'vs expected', 'Review'])

    const tess = queueRow('Tess Tech')
    expect(tess.querySelector('th')?.textContent).toBe('Tess TechField')
    expect(cellTexts(tess).slice(1, 8)).toEqual(['16–22 Nov 2026Resubmitted', 'Level 1', 'Mon 23 Nov, 09:05', '42:00', '36:00 · 86%', '+2:00 over', 'Review Tess Tech’s period 16–22 Nov 2026'])
    const olaf = queueRow('Olaf Onsite')
    expect(olaf.querySelector('th')?.textContent).toBe('Olaf OnsiteField, Workshop')
    expect(cellTexts(olaf).slice(1, 8)).toEqual(['16–22 Nov 2026', 'Level 2', 'Mon 23 Nov, 10:30', '30:00', '0:00 · 0%', '\u221210:00 under', 'Review Olaf Onsite’s period 16–22 Nov 2026'])
    expect(within(olaf).queryByText('Resubmitted')).toBeNull()
    expect(within(tess).getByRole('link', { name: 'Review Tess Tech’s period 16–22 Nov 2026' }).getAttribute('href')).toBe('#approvals/p-tess')
    expect(screen.getByText('2 periods waiting')).toBeTruthy()
    expect(host.requestsTo('approvals.queue')).toEqual([{}])
  })

  it('when the team server cannot be reached it shows the host’s sentence and Try again — never an empty queue', async () => {
    let reachable = false
    const host = approvalsHost({
      'approvals.queue': () => {
        if (!reachable) throw new StintError('unavailable', UNREACHABLE)
        return QUEUE
      },
    })
    renderApprovals(host)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(`The approvals queue could not be loaded. ${UNREACHABLE}Try again`)
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.queryByText(/Nothing waits/)).toBeNull()
    expect(screen.queryByText(/Nothing waiting/)).toBeNull()

    reachable = true
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('table', { name: /Periods waiting/ })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(host.requestsTo('approvals.queue')).toHaveLength(2)

    // A later refresh that fails takes the queue away again, rather than show it as current.
    reachable = false
    act(() => host.emit('sync.changed', { status: { ...SYNCED, state: 'offline', message: UNREACHABLE } }))
    await screen.findByRole('alert')
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('an empty queue says that nothing waits; a finished sync round asks the server again', async () => {
    let items = [] as typeof QUEUE
    const host = approvalsHost({ 'approvals.queue': () => items })
    renderApprovals(host)
    await screen.findByText('Nothing waits for your approval. Periods your teams submit show up here.')
    items = QUEUE
    act(() => host.emit('sync.changed', { status: { ...SYNCED, state: 'syncing' } }))
    await act(async () => {})
    expect(host.requestsTo('approvals.queue')).toHaveLength(1)
    act(() => host.emit('sync.changed', { status: SYNCED }))
    await screen.findByRole('table', { name: /Periods waiting/ })
    expect(host.requestsTo('approvals.queue')).toHaveLength(2)
  })

  it('approves several at once and reports each period on its own', async () => {
    let items = QUEUE
    const host = approvalsHost({
      'approvals.queue': () => items,
      'approvals.approve': ({ periodIds }): DecisionResult => {
        items = []
        return {
          results: periodIds.map((periodId) =>
            periodId === 'p-tess'
              ? { periodId, ok: true, message: 'Approved Tess Tech’s period 2026-11-16 – 2026-11-22 at level 1; it now waits for a level 2 approver.', period: null }
              : { periodId, ok: false, message: 'This period waits for a level 2 approver of its team, and you are not one. Nothing was changed.', period: null },
          ),
        }
      },
    })
    renderApprovals(host)
    await screen.findByRole('table', { name: /Periods waiting/ })

    // Nothing ticked: the button says what to do, and nothing is sent.
    const approve = screen.getByRole('button', { name: 'Approve selected' })
    expect(approve.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(approve)
    expect(screen.getByRole('alert').textContent).toBe('Select the periods to approve first: tick their boxes in the first column.')
    expect(host.requestsTo('approvals.approve')).toEqual([])

    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all periods' }))
    expect(screen.getAllByRole<HTMLInputElement>('checkbox').every((box) => box.checked)).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Olaf Onsite’s period 16–22 Nov 2026' }))
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all periods' }).indeterminate).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Olaf Onsite’s period 16–22 Nov 2026' }))
    fireEvent.click(screen.getByRole('button', { name: 'Approve 2 periods' }))

    const outcome = await screen.findByText('Approved 1 of 2 periods.')
    const report = outcome.closest('[role="status"]') as HTMLElement
    expect(within(report).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      // An older server's sentence without its id: its days as the window writes them.
      '✓Approved Tess Tech’s period Mon 16 Nov – Sun 22 Nov at level 1; it now waits for a level 2 approver.',
      '✕Refused: This period waits for a level 2 approver of its team, and you are not one. Nothing was changed.',
    ])
    expect(host.requestsTo('approvals.approve')).toEqual([{ periodIds: ['p-tess', 'p-olaf'] }])
    await screen.findByText(/Nothing waits for your approval/)
    expect(host.requestsTo('approvals.queue')).toHaveLength(2)
  })

  it('a batch the host cannot send at all is reported, and the queue stays', async () => {
    const host = approvalsHost({
      'approvals.approve': () => {
        throw new StintError('unavailable', UNREACHABLE)
      },
    })
    renderApprovals(host)
    await screen.findByRole('table', { name: /Periods waiting/ })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Tess Tech’s period 16–22 Nov 2026' }))
    fireEvent.click(screen.getByRole('button', { name: 'Approve 1 period' }))
    expect((await screen.findByRole('alert')).textContent).toBe(`Nothing was approved: ${UNREACHABLE}`)
    expect(screen.getByRole('table', { name: /Periods waiting/ })).toBeTruthy()
  })
})

describe('Reviewing one period', () => {
  async function openTess(extra: ScriptedHandlers = {}, detail?: () => ApprovalDetail) {
    const host = approvalsHost({ ...(detail ? { 'approvals.detail': detail } : {}), ...extra })
    const view = renderApprovals(host)
    await screen.findByRole('table', { name: /Periods waiting/ })
    view.open('p-tess')
    const grid = await screen.findByRole('table', { name: /^Time booked by Tess Tech/ })
    return { host, grid, ...view }
  }

  it('shows the period read-only: rows by work item · activity · billable, sums per day, totals, voided time struck through', async () => {
    const { host, grid } = await openTess()
    expect(host.requestsTo('approvals.detail')).toEqual([{ periodId: 'p-tess' }])
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tess Tech · 16–22 Nov 2026')
    expect(screen.getByRole('heading', { level: 1 })).toBe(document.activeElement)
    expect(screen.getByText('Submitted — waiting for level 1 approval')).toBeTruthy()

    const headers = within(grid)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toEqual(['Work item · activity', 'Mon16 Nov', 'Tue17 Nov', 'Wed18 Nov', 'Thu19 Nov', 'Fri20 Nov', 'Sat21 Nov', 'Sun22 Nov', 'Total'])
    const body = within(grid).getAllByRole('row').slice(1)
    expect(body.map((r) => r.querySelector('th')?.textContent)).toEqual(['TICKET-1001Printer on 2nd floorRemote support', 'Team meetingMeetingNon-billable', 'Total'])

    const ticket = body[0] as HTMLElement
    const ticketCells = [...ticket.querySelectorAll('td')]
    expect(ticketCells[0]?.textContent).toBe('8:00') // 5:00 + 3:00 in one cell
    expect(ticketCells[2]?.querySelector('del')?.textContent).toBe('voided: 2:00')
    expect(ticketCells[7]?.textContent).toBe('16:00voided: 2:00') // the voided 2:00 is not counted
    const totals = [...(body[2] as HTMLElement).querySelectorAll('td')].map((c) => c.textContent)
    expect(totals).toEqual(['8:00', '8:00', '6:00', '0:00', '0:00', '0:00', '0:00', '22:00'])

    const stats = [...document.querySelectorAll('.approvals__stats dd')].map((d) => d.textContent)
    expect(stats).toEqual(['22:00', '16:00 · 73%', '40:00', '\u221218:00 under'])
    expect(screen.getByText(/Voided by an administrator/).textContent).toContain('1 entry, 2:00')
  })

  it('marks what changed since the rejection and lists what was removed', async () => {
    const { grid } = await openTess()
    const changed = [...grid.querySelectorAll('td.is-changed')]
    expect(changed).toHaveLength(2)
    expect(changed[0]?.textContent).toBe('8:00, changed since the rejection')
    expect(changed[1]?.textContent).toBe('none, changed since the rejection')
    const section = screen.getByRole('region', { name: 'Changed since the rejection' })
    expect(section.textContent).toContain('Rejected by Abe Approver, Sun 22 Nov, 08:00: Tuesday is missing the on-site visit.')
    expect(section.textContent).toContain('2 cells changed, marked in the table · 1 entry removed.')
    expect(within(section).getByRole('list', { name: 'Entries removed since the rejection' }).textContent).toBe('Thu 19 Nov TICKET-1001 · Printer on 2nd floor, Remote support · 1:30 — Duplicate')
    expect(screen.getAllByText('Resubmitted').length).toBeGreaterThan(0)

    const history = screen.getByText('History (3)').closest('details') as HTMLDetailsElement
    expect(history.open).toBe(true)
    expect(within(history).getAllByRole('row').map((r) => r.querySelectorAll('td')[3]?.textContent)).toEqual([undefined, '—', 'Tuesday is missing the on-site visit.', '—'])
  })

  it('Approve decides this period and goes back to the queue with the server’s answer', async () => {
    const { host } = await openTess({
      'approvals.approve': ({ periodIds }) => ({ results: periodIds.map((periodId) => ({ periodId, ok: true, message: 'Approved Tess Tech’s period 2026-11-16 – 2026-11-22 at level 1; it now waits for a level 2 approver.', period: null })) }),
    })
    fireEvent.click(screen.getByRole('button', { name: 'Approve level 1' }))
    await waitFor(() => expect(window.location.hash).toBe('#approvals'))
    expect(host.requestsTo('approvals.approve')).toEqual([{ periodIds: ['p-tess'] }])
    expect(host.requestsTo('approvals.queue')).toHaveLength(2)
  })

  it('an approval the server refuses stays on the page with its reason, and the period is read again', async () => {
    const { host } = await openTess({
      'approvals.approve': ({ periodIds }) => ({ results: periodIds.map((periodId) => ({ periodId, ok: false, message: 'Only a submitted period can be approved; this one is open. Nothing was changed.', period: null })) }),
    })
    fireEvent.click(screen.getByRole('button', { name: 'Approve level 1' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Only a submitted period can be approved; this one is open. Nothing was changed.')
    expect(window.location.hash).toBe('')
    await waitFor(() => expect(host.requestsTo('approvals.detail')).toHaveLength(2))
  })

  it('Reject asks for a reason, sends it, and shows the server’s refusal in the dialog', async () => {
    let refuse = true
    const { host } = await openTess({
      'approvals.reject': ({ periodId }) => ({
        results: [refuse ? { periodId, ok: false, message: 'This period waits for a level 2 approver of its team, and you are not one. Nothing was changed.', period: null } : { periodId, ok: true, message: 'Rejected Tess Tech’s period; it went back to Tess Tech with your reason.', period: null }],
      }),
    })
    fireEvent.click(screen.getByRole('button', { name: 'Reject…' }))
    const dialog = screen.getByRole('dialog', { name: 'Reject Tess Tech’s period 16–22 Nov 2026?' })
    const reason = within(dialog).getByLabelText('Reason')
    expect(document.activeElement).toBe(reason)

    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject period' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Give a reason: Tess Tech sees it on the period and needs it to know what to fix.')
    expect(host.requestsTo('approvals.reject')).toEqual([])

    fireEvent.change(reason, { target: { value: '  Wednesday is missing.  ' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject period' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This period waits for a level 2 approver of its team, and you are not one. Nothing was changed.')
    expect(host.requestsTo('approvals.reject')).toEqual([{ periodId: 'p-tess', reason: 'Wednesday is missing.' }])

    refuse = false
    fireEvent.keyDown(reason, { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(window.location.hash).toBe('#approvals')
    expect(host.requestsTo('approvals.reject')).toHaveLength(2)
  })

  it('a rejection the host cannot send says so in the dialog', async () => {
    await openTess({
      'approvals.reject': () => {
        throw new StintError('unavailable', UNREACHABLE)
      },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Reject…' }))
    const dialog = screen.getByRole('dialog')
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Wrong week' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject period' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe(`Nothing was rejected: ${UNREACHABLE}`)
  })

  it('a period the caller cannot decide is shown read-only, with the reason', async () => {
    await openTess({}, () => tessDetail({ canDecide: false, period: { ...tessDetail().period, level: 2 } }))
    expect(screen.queryByRole('button', { name: /Approve/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Reject…' })).toBeNull()
    expect(screen.getByText(/This period waits for a level 2 approver, and you do not approve at that level/)).toBeTruthy()
  })

  it('a period that cannot be loaded shows the host’s sentence and Try again', async () => {
    let reachable = false
    const host = approvalsHost({
      'approvals.detail': () => {
        if (!reachable) throw new StintError('unavailable', UNREACHABLE)
        return tessDetail()
      },
    })
    renderApprovals(host, 'p-tess')
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain(`The period could not be opened. ${UNREACHABLE}`)
    expect(screen.getByRole('link', { name: /Approvals/ }).getAttribute('href')).toBe('#approvals')
    reachable = true
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('table', { name: /^Time booked by Tess Tech/ })
    // Opened straight from its address, the queue is not needed for the period itself.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tess Tech · 16–22 Nov 2026')
  })
})
