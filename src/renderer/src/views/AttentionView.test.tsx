import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import type { SyncIssue, SyncStatus } from '@shared/sync'
import { ClientContext } from '../client-context'
import { ACTIVITY_TYPES, WORK_ITEMS } from '../timesheet/timesheet-host'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { createWorkStore } from '../work/work-store'
import { AttentionView } from './AttentionView'

afterEach(cleanup)

const entry = (patch: Record<string, unknown> = {}) => ({
  id: 'e1',
  day: '2026-11-17',
  workItemId: 'w1',
  activityTypeId: 'a1',
  billable: true,
  description: 'Replaced the fuser',
  source: 'grid',
  rawSeconds: 5400,
  roundedSeconds: 5400,
  updatedAt: Date.parse('2026-11-17T10:00:00'),
  deletedAt: null,
  ...patch,
})

const CONFLICT: SyncIssue = {
  id: 'i1',
  kind: 'conflict',
  entity: 'entry',
  entityId: 'e1',
  reason: 'The entry was changed on the server after your last sync.',
  mine: entry(),
  server: { ...entry({ roundedSeconds: 7200, rawSeconds: 7200, activityTypeId: 'a2', workItemId: 'w2', description: 'Replaced the fuser and the rollers' }), version: 4, status: 'draft' },
  createdAt: Date.parse('2026-11-17T11:00:00'),
}

const REFUSED: SyncIssue = {
  id: 'i2',
  kind: 'refused',
  entity: 'entry',
  entityId: 'e2',
  reason: 'The period of 9–15 Nov 2026 is approved, so its time is locked.',
  mine: entry({ id: 'e2', day: '2026-11-09', roundedSeconds: 1800, rawSeconds: 1740, billable: false, description: '' }),
  server: null,
  createdAt: Date.parse('2026-11-17T11:05:00'),
}

async function renderAttention(issues: SyncIssue[], extra: ScriptedHandlers = {}) {
  let open = [...issues]
  const host = scriptedHost({
    'work.listItems': () => WORK_ITEMS,
    'work.listActivityTypes': () => ACTIVITY_TYPES,
    'work.listCustomers': () => [],
    'sync.issues': () => [...open],
    'sync.resolveIssue': ({ id }) => {
      open = open.filter((i) => i.id !== id)
      return open
    },
    ...extra,
  })
  const work = createWorkStore(host.client)
  await work.getState().load()
  render(
    <ClientContext.Provider value={host.client}>
      <AttentionView work={work} />
    </ClientContext.Provider>,
  )
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull())
  return { host, add: (issue: SyncIssue) => open.push(issue) }
}

const card = (subject: string) => screen.getByRole('article', { name: subject })
const rowOf = (article: HTMLElement, field: string) => within(article).getByRole('rowheader', { name: new RegExp(`^${field}`) }).closest('tr') as HTMLElement
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent)

describe('Needs attention', () => {
  it('shows a conflict with both versions side by side, work items and activities by name, and marks what differs', async () => {
    await renderAttention([CONFLICT])
    const article = card('Entry on Tue 17 Nov 2026')
    expect(within(article).getByText('Conflict')).toBeTruthy()
    expect(article.textContent).toContain('The entry was changed on the server after your last sync.')
    expect(within(article).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Field', 'Your version', 'Server’s version'])
    expect(cellsOf(rowOf(article, 'Day'))).toEqual(['Tue 17 Nov 2026', 'Tue 17 Nov 2026'])
    expect(cellsOf(rowOf(article, 'Duration'))).toEqual(['1:30', '2:00'])
    expect(cellsOf(rowOf(article, 'Work item'))).toEqual(['TICKET-1001 · Printer on 2nd floor', 'WO-77 · Install new switch'])
    expect(cellsOf(rowOf(article, 'Activity'))).toEqual(['Remote support', 'On-site'])
    expect(cellsOf(rowOf(article, 'Description'))).toEqual(['Replaced the fuser', 'Replaced the fuser and the rollers'])
    expect(rowOf(article, 'Duration').textContent).toContain('differs')
    expect(rowOf(article, 'Day').textContent).not.toContain('differs')
    expect(rowOf(article, 'Billable').className).not.toContain('is-different')
  })

  it('"Keep mine" and "Use the server’s" send that choice, and the settled issue leaves the list', async () => {
    const { host } = await renderAttention([CONFLICT, { ...CONFLICT, id: 'i3', mine: entry({ day: '2026-11-18' }) }])
    fireEvent.click(within(card('Entry on Tue 17 Nov 2026')).getByRole('button', { name: 'Keep mine' }))
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Entry on Tue 17 Nov 2026' })).toBeNull())
    expect(host.requestsTo('sync.resolveIssue')).toEqual([{ id: 'i1', choice: 'mine' }])
    expect(screen.getByText('Kept your version; it goes to the server with the next sync. 1 issue left.')).toBeTruthy()

    fireEvent.click(within(card('Entry on Wed 18 Nov 2026')).getByRole('button', { name: 'Use the server’s' }))
    await screen.findByText(/Nothing needs your attention\. Your changes reach/)
    expect(host.requestsTo('sync.resolveIssue')).toEqual([
      { id: 'i1', choice: 'mine' },
      { id: 'i3', choice: 'server' },
    ])
  })

  it('a refusal shows my change alone, offers "Discard my change" and says that fixing the row sends it again', async () => {
    const { host } = await renderAttention([REFUSED])
    const article = card('Entry on Mon 9 Nov 2026')
    expect(within(article).getByText('Refused')).toBeTruthy()
    expect(within(article).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Field', 'Your change'])
    expect(cellsOf(rowOf(article, 'Duration'))).toEqual(['0:30 (0:29 recorded)'])
    expect(cellsOf(rowOf(article, 'Billable'))).toEqual(['Non-billable'])
    expect(cellsOf(rowOf(article, 'Description'))).toEqual(['(none)'])
    expect(within(article).queryByRole('button', { name: 'Keep mine' })).toBeNull()
    expect(article.textContent).toContain('Or fix the row in the timesheet: the corrected change is sent again.')
    expect(within(article).getByRole('link', { name: 'timesheet' }).getAttribute('href')).toBe('#timesheet')
    fireEvent.click(within(article).getByRole('button', { name: 'Discard my change' }))
    await waitFor(() => expect(host.requestsTo('sync.resolveIssue')).toEqual([{ id: 'i2', choice: 'discard' }]))
    expect(await screen.findByText('Discarded your change. Nothing else needs your attention.')).toBeTruthy()
  })

  it('a refusal can be sent again as it is, once its reason is gone (a server that failed on it, a period reopened)', async () => {
    const failed: SyncIssue = { ...REFUSED, reason: 'The team server could not take this change (HTTP 500: The server could not complete this request). It was set aside so that your other changes could sync.' }
    const { host } = await renderAttention([failed])
    const article = card('Entry on Mon 9 Nov 2026')
    expect(article.textContent).toContain('It was set aside so that your other changes could sync.')
    fireEvent.click(within(article).getByRole('button', { name: 'Send again' }))
    await waitFor(() => expect(host.requestsTo('sync.resolveIssue')).toEqual([{ id: 'i2', choice: 'mine' }]))
    expect(await screen.findByText('Your change goes to the server again with the next sync. Nothing else needs your attention.')).toBeTruthy()
  })

  it('keeps the issue and shows the host’s refusal on it', async () => {
    await renderAttention([CONFLICT], {
      'sync.resolveIssue': () => {
        throw new StintError('not_found', 'That issue is already settled.')
      },
    })
    fireEvent.click(within(card('Entry on Tue 17 Nov 2026')).getByRole('button', { name: 'Keep mine' }))
    expect((await within(card('Entry on Tue 17 Nov 2026')).findByRole('alert')).textContent).toBe('That issue is already settled.')
  })

  it('reloads when a sync round brings a new issue', async () => {
    const { host, add } = await renderAttention([])
    expect(screen.getByText(/Nothing needs your attention/)).toBeTruthy()
    add(REFUSED)
    const pushed: SyncStatus = { state: 'attention', pending: 0, issues: 1, lastSyncedAt: null, nextAttemptAt: null, message: null }
    act(() => host.emit('sync.changed', { status: pushed }))
    expect(await screen.findByRole('article', { name: 'Entry on Mon 9 Nov 2026' })).toBeTruthy()
    expect(host.requestsTo('sync.issues')).toHaveLength(2)
    // The same count again: nothing to reload.
    act(() => host.emit('sync.changed', { status: pushed }))
    expect(host.requestsTo('sync.issues')).toHaveLength(2)
  })
})
