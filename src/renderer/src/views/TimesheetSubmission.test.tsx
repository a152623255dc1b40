import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { rowKeyId } from '@shared/timesheet'
import { ClientContext } from '../client-context'
import { row, timesheetHost, WEEK, type TimesheetHostOptions } from '../timesheet/timesheet-host'
import { createWorkStore } from '../work/work-store'
import { TimesheetView } from './TimesheetView'

afterEach(cleanup)

const TICKET = row('w1')
const MEETING = row('w3', 'a1', false)
const H = 3600

async function renderSheet(options: TimesheetHostOptions = {}) {
  const host = timesheetHost({
    rows: [TICKET, MEETING],
    cells: { [`${rowKeyId(TICKET)}@${WEEK[0]}`]: { grid: 8 * H }, [`${rowKeyId(MEETING)}@${WEEK[1]}`]: { grid: 2 * H } },
    ...options,
  })
  const work = createWorkStore(host.client)
  await work.getState().load()
  render(
    <ClientContext.Provider value={host.client}>
      <TimesheetView work={work} today="2026-11-18" />
    </ClientContext.Provider>,
  )
  const grid = await screen.findByRole('grid', { name: '16–22 Nov 2026' })
  // The sync status decides what the banner offers; wait for it like the view does.
  await waitFor(() => expect(host.requestsTo('sync.status')).toHaveLength(1))
  return { host, grid }
}

const submitButton = () => screen.getByRole('button', { name: 'Submit period…' })

async function openSummary() {
  fireEvent.click(submitButton())
  const dialog = await screen.findByRole('dialog', { name: 'Submit 16–22 Nov 2026?' })
  await within(dialog).findByText('Total')
  return dialog
}

/** The summary's figures, as label → shown value. */
function figures(dialog: HTMLElement): Record<string, string | null> {
  const terms = within(dialog).getAllByRole('term')
  return Object.fromEntries(terms.map((t) => [t.textContent, t.nextElementSibling?.textContent ?? null]))
}

describe('Submitting a period', () => {
  it('the summary adds the period up, lists the days without time and the timers still counting, and says a standalone submit approves at once', async () => {
    const { host } = await renderSheet({ activeTimers: [{ slot: 3, label: 'Printer visit', state: 'running' }] })
    const dialog = await openSummary()
    expect(host.requestsTo('timesheet.summary')).toEqual([{ day: '2026-11-16' }])
    expect(figures(dialog)).toEqual({ Total: '10:00', Billable: '8:00 · 80%', Expected: '40:00', Difference: '\u221230:00 under' })
    expect(within(within(dialog).getByRole('list', { name: 'Days with no time' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Wed 18 Nov', 'Thu 19 Nov', 'Fri 20 Nov'])
    expect(within(dialog).getByRole('list', { name: 'Timers still running or paused' }).textContent).toBe('Printer visit Running')
    expect(dialog.textContent).toContain('Without a team server, submitting approves and locks this period at once.')
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(dialog.textContent).not.toContain('ran at once')

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(host.requestsTo('timesheet.submit')).toEqual([])
  })

  it('says how long billable timers overlapped, and that the time stays as booked', async () => {
    await renderSheet({ overlappedSeconds: 45 * 60 })
    const dialog = await openSummary()
    expect(dialog.textContent).toContain('For 0:45 of this period, two or more billable timers ran at once. Your time is kept as booked;')
  })

  it('confirming approves and locks the period: the banner says so, the grid is read-only, Submit explains why it does nothing', async () => {
    const { host, grid } = await renderSheet()
    const dialog = await openSummary()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit and lock' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('timesheet.submit')).toEqual([{ day: '2026-11-16' }])
    const banner = screen.getByRole('note', { name: 'Read-only period' })
    expect(banner.textContent).toContain('Approved and locked by you')
    expect(banner.textContent).toContain('reopen it yourself from the Timesheet, with a reason')
    expect(within(banner).getByRole('button', { name: 'Reopen…' })).toBeTruthy()
    expect(grid.getAttribute('aria-readonly')).toBe('true')
    expect(screen.getByText('Submitted: the period is approved and locked.')).toBeTruthy()

    expect(submitButton().getAttribute('aria-disabled')).toBe('true')
    expect(document.getElementById(submitButton().getAttribute('aria-describedby') ?? '')?.textContent).toContain('approved and locked')
    fireEvent.click(submitButton())
    expect(screen.getByRole('alert').textContent).toContain('This period is already approved and locked.')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(host.requestsTo('timesheet.summary')).toHaveLength(1)

    const history = screen.getByText('History (1)').closest('details') as HTMLElement
    const rows = within(history).getAllByRole('row')
    expect(rows[1]?.textContent).toMatch(/You.*Open.*to.*Approved/)
  })

  it('a refused submission stays in the dialog with the host’s reason', async () => {
    const { host } = await renderSheet({
      extra: {
        'timesheet.submit': () => {
          throw new StintError('conflict', 'This period is already approved. Nothing was changed.')
        },
      },
    })
    const dialog = await openSummary()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit and lock' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('This period is already approved. Nothing was changed.')
    expect(host.requestsTo('timesheet.submit')).toHaveLength(1)
    expect(screen.getByRole('dialog')).toBeTruthy()
  })

  it('with a team server that cannot be reached, it goes for approval queued, and can be withdrawn', async () => {
    const { host, grid } = await renderSheet({ mode: 'server', syncState: 'offline' })
    const dialog = await openSummary()
    expect(dialog.textContent).toContain('The period is sent for approval')
    expect(dialog.textContent).toContain('the submission is queued and sent when the server can be reached')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit for approval' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    const banner = screen.getByRole('note', { name: 'Read-only period' })
    expect(banner.textContent).toContain('Submitted — waiting for level 1 approval')
    expect(within(banner).getByText('Queued — not sent yet')).toBeTruthy()
    expect(grid.getAttribute('aria-readonly')).toBe('true')
    expect(within(banner).queryByRole('button', { name: 'Reopen…' })).toBeNull()

    fireEvent.click(within(banner).getByRole('button', { name: 'Withdraw submission' }))
    await waitFor(() => expect(screen.queryByRole('note', { name: 'Read-only period' })).toBeNull())
    expect(host.requestsTo('timesheet.withdraw')).toEqual([{ day: '2026-11-16' }])
    expect(grid.getAttribute('aria-readonly')).toBeNull()
    expect(screen.getByText('Submission withdrawn: the period is open again.')).toBeTruthy()
  })

  it('submitted and synced: no queue note; past level 1 there is nothing to withdraw', async () => {
    await renderSheet({ mode: 'server', status: 'submitted', level: 2 })
    const banner = screen.getByRole('note', { name: 'Read-only period' })
    expect(banner.textContent).toContain('waiting for level 2 approval')
    expect(within(banner).queryByText('Queued — not sent yet')).toBeNull()
    expect(within(banner).queryByRole('button')).toBeNull()
  })

  it('shows the host’s refusal when a withdrawal is not possible', async () => {
    const refusal = 'Without a team server a submitted period is approved at once, so there is nothing to withdraw. Reopen it to change it.'
    const { host } = await renderSheet({ mode: 'standalone', status: 'submitted', level: 1 })
    fireEvent.click(within(screen.getByRole('note', { name: 'Read-only period' })).getByRole('button', { name: 'Withdraw submission' }))
    expect((await screen.findByRole('alert')).textContent).toContain(refusal)
    expect(host.requestsTo('timesheet.withdraw')).toHaveLength(1)
  })

  it('a rejected period shows the approver’s reason prominently, stays editable and can be submitted again', async () => {
    const reason = 'Tuesday’s meeting belongs to WO-77.'
    const { grid } = await renderSheet({
      mode: 'server',
      status: 'rejected',
      reason,
      history: [
        { id: 'h1', at: Date.parse('2026-11-20T17:00:00'), actor: 'Ana Lima', from: 'open', to: 'submitted', reason: null },
        { id: 'h2', at: Date.parse('2026-11-21T09:15:00'), actor: 'Ben Ortiz', from: 'submitted', to: 'rejected', reason },
      ],
    })
    const banner = screen.getByRole('note', { name: 'Rejected period' })
    expect(banner.textContent).toContain('Rejected by Ben Ortiz')
    expect(within(banner).getByText(reason).tagName).toBe('BLOCKQUOTE')
    expect(banner.textContent).toContain('The period is open again')
    expect(grid.getAttribute('aria-readonly')).toBeNull()
    expect(submitButton().getAttribute('aria-disabled')).toBeNull()
    expect(screen.getByText('History (2)')).toBeTruthy()
    const dialog = await openSummary()
    expect(within(dialog).getByRole('button', { name: 'Submit for approval' })).toBeTruthy()
  })

  it('reopens an approved period standalone, only with a reason, and the grid can be edited again', async () => {
    const { host, grid } = await renderSheet({ status: 'approved' })
    fireEvent.click(within(screen.getByRole('note', { name: 'Read-only period' })).getByRole('button', { name: 'Reopen…' }))
    const dialog = screen.getByRole('dialog', { name: 'Reopen 16–22 Nov 2026?' })
    const reason = within(dialog).getByLabelText('Reason')
    expect(document.activeElement).toBe(reason)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen period' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Give a reason: it goes into the period’s history.')
    expect(host.requestsTo('timesheet.reopen')).toEqual([])

    fireEvent.change(reason, { target: { value: '  Forgot the on-call Sunday ' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen period' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('timesheet.reopen')).toEqual([{ day: '2026-11-16', reason: 'Forgot the on-call Sunday' }])
    const banner = screen.getByRole('note', { name: 'Reopened period' })
    expect(banner.textContent).toContain('Reopened by you')
    expect(within(banner).getByText('Forgot the on-call Sunday')).toBeTruthy()
    expect(grid.getAttribute('aria-readonly')).toBeNull()
    expect(submitButton().getAttribute('aria-disabled')).toBeNull()
  })

  it('with a team server an approved period is reopened by an administrator there, not here', async () => {
    await renderSheet({ mode: 'server', status: 'approved' })
    const banner = screen.getByRole('note', { name: 'Read-only period' })
    expect(within(banner).queryByRole('button', { name: 'Reopen…' })).toBeNull()
    expect(banner.textContent).toContain('Only an administrator can reopen it, on the team server.')
  })
})
