import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportPreview, ImportSummary } from '@shared/import/import-types'
import { refuse } from '@shared/errors'
import { ClientContext } from '../client-context'
import { scriptedHost, type ScriptedHandlers } from '../testing/scripted-host'
import { ImportSettings } from './ImportSettings'

afterEach(cleanup)

const LOCKED = { messageId: 'refusal.import.locked', values: { line: 3, day: '2026-11-17', lock: 'submitted' }, message: 'Line 3: …' }
const PREVIEW: ImportPreview = {
  fileName: 'toggl.csv',
  source: 'toggl',
  rows: [
    { line: 2, status: 'new', reason: null, day: '2026-11-16', start: '09:00', end: '10:30', seconds: 5400, description: 'Replaced toner', project: 'Printer fleet', client: 'Acme', task: '', billable: true, tags: [] },
    { line: 3, status: 'locked', reason: LOCKED, day: '2026-11-17', start: null, end: null, seconds: 1800, description: 'Call', project: 'Printer fleet', client: 'Acme', task: '', billable: true, tags: [] },
  ],
  projects: [{ key: 'Acme\u001fPrinter fleet', name: 'Printer fleet', client: 'Acme', rows: 2, workItemId: null }],
  clients: [{ name: 'Acme', rows: 2, customerId: 'c1' }],
  totals: { rows: 2, toImport: 1, toImportSeconds: 5400, refused: 1 },
}
const SUMMARY: ImportSummary = { source: 'toggl', imported: 1, importedSeconds: 5400, refused: [{ line: 3, status: 'locked', reason: LOCKED }], createdWorkItems: ['Printer fleet'], createdCustomers: [] }

function renderPanel(handlers: ScriptedHandlers) {
  const host = scriptedHost({
    'work.listItems': () => [{ id: 'w1', kind: 'ticket', reference: 'T-1', title: 'Printers', customerId: 'c1', customerName: 'Acme', contractId: null, billable: true, active: true, favourite: false, ticketUrl: null }],
    'work.listCustomers': () => [{ id: 'c1', name: 'Acme', organisation: null }],
    ...handlers,
  })
  render(
    <ClientContext.Provider value={host.client}>
      <ImportSettings />
    </ClientContext.Provider>,
  )
  return host
}

const chooseFile = (text: string) => fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [new File([text], 'toggl.csv', { type: 'text/csv' })] } })

describe('Settings → Import from another tracker', () => {
  it('previews a chosen file, maps its projects, imports and says what was refused and why', async () => {
    const host = renderPanel({ 'import.preview': () => PREVIEW, 'import.commit': () => SUMMARY })
    chooseFile('User,Email\n')
    expect(await screen.findByText('Toggl Track: 2 rows in toggl.csv. 1 would be imported (1 h 30 min); 1 refused.')).toBeTruthy()
    expect(host.requestsTo('import.preview')).toEqual([{ fileName: 'toggl.csv', text: 'User,Email\n' }])
    const table = screen.getByRole('table', { name: 'Rows of the file' })
    expect(within(table).getByText('Line 3: Tue 17 Nov is in a locked period, and nothing is ever booked there. This period has been submitted for approval, so it is read-only. Withdraw the submission to change it.')).toBeTruthy()

    const project = screen.getByRole('combobox', { name: 'Printer fleet (Acme), 2 rows' })
    expect((project as HTMLSelectElement).value).toBe('')
    await screen.findByRole('option', { name: 'T-1 · Printers (Acme)' })
    fireEvent.change(project, { target: { value: 'w1' } })
    await waitFor(() => expect(host.requestsTo('import.preview')).toHaveLength(2))
    const mapping = { projects: [{ key: 'Acme\u001fPrinter fleet', workItemId: 'w1' }], clients: [{ name: 'Acme', customerId: 'c1' }] }
    expect(host.requestsTo('import.preview')[1]).toEqual({ fileName: 'toggl.csv', text: 'User,Email\n', mapping })

    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 row' }))
    expect(await screen.findByText('Imported 1 row (1 h 30 min) as drafts; 1 refused.')).toBeTruthy()
    expect(host.requestsTo('import.commit')).toEqual([{ fileName: 'toggl.csv', text: 'User,Email\n', mapping }])
    expect(screen.getByText('Created: Printer fleet.')).toBeTruthy()
    expect(screen.getByRole('listitem').textContent).toMatch(/^Line 3: Tue 17 Nov is in a locked period/)
  })

  it('shows a refused file’s reason and lets the person pick the source', async () => {
    const host = renderPanel({
      'import.preview': ({ source }) => {
        if (!source) throw refuse('invalid_request', 'refusal.import.unknownSource')
        return PREVIEW
      },
    })
    chooseFile('A,B\n1,2\n')
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Stint does not recognise the columns of this file/)
    fireEvent.change(screen.getByRole('combobox', { name: 'Source' }), { target: { value: 'toggl' } })
    await screen.findByText(/^Toggl Track: 2 rows/)
    expect(host.requestsTo('import.preview').map((r) => (r as { source?: string }).source)).toEqual([undefined, 'toggl'])
  })
})
