import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallRequest } from '@shared/contract'
import { DEFAULT_SETTINGS } from '@shared/settings'
import { rowKeyId } from '@shared/timesheet'
import { ClientContext } from '../client-context'
import { row, timesheetHost, WEEK, WORK_ITEMS, type TimesheetHostOptions } from '../timesheet/timesheet-host'
import { createWorkStore } from '../work/work-store'
import { TimesheetView } from './TimesheetView'

afterEach(cleanup)

const TICKET = row('w1')
const SWITCH = row('w2')
const MEETING = row('w3', 'a1', false)

async function renderSheet(options: TimesheetHostOptions = {}) {
  const host = timesheetHost(options)
  const work = createWorkStore(host.client)
  await work.getState().load()
  const view = render(
    <ClientContext.Provider value={host.client}>
      <TimesheetView work={work} today="2026-11-18" />
    </ClientContext.Provider>,
  )
  const grid = await screen.findByRole('grid', { name: '16–22 Nov 2026' })
  /** The cell of body row `r` (0-based) on day `d` (0 = Monday). */
  const cell = (r: number, d: number) => {
    const found = grid.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${d + 1}"]`)
    if (!found) throw new Error(`no cell ${r}/${d}`)
    return found
  }
  const setCells = () => host.requestsTo('timesheet.setCells') as CallRequest<'timesheet.setCells'>[]
  return { host, grid, cell, setCells, ...view }
}

/** Types into a focused cell the way a person does: the first key opens the editor. */
function type(target: HTMLElement, text: string) {
  fireEvent.keyDown(target, { key: text[0] })
  const input = within(target).getByRole('textbox')
  fireEvent.change(input, { target: { value: text } })
  return input
}

/** Focus as a click or Tab gives it, with React's state caught up before the next key. */
function focus(target: HTMLElement) {
  act(() => target.focus())
}

/** Add row, then ArrowDown in its work-item picker: the list as offered with nothing typed. */
async function openAddRowList() {
  fireEvent.click(screen.getByRole('button', { name: 'Add row' }))
  const dialog = await screen.findByRole('dialog', { name: 'Add row' })
  fireEvent.keyDown(within(dialog).getByRole('combobox', { name: 'Work item' }), { key: 'ArrowDown' })
  return within(dialog).getByRole('listbox', { name: 'Work item' })
}

function groupNames(list: HTMLElement) {
  return within(list)
    .getAllByRole('group')
    .map((group) => document.getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent)
}

function paste(target: HTMLElement, text: string) {
  fireEvent.paste(target, { clipboardData: { getData: (kind: string) => (kind === 'text/plain' ? text : '') } })
}

describe('Timesheet grid, from the keyboard', () => {
  it('shows the period: rows named by work item and activity, day headers, totals and expected hours', async () => {
    const { grid } = await renderSheet({ rows: [TICKET, MEETING], cells: { [`${rowKeyId(TICKET)}@${WEEK[0]}`]: { grid: 5400 } } })
    expect(grid.getAttribute('aria-rowcount')).toBe('6')
    expect(grid.getAttribute('aria-colcount')).toBe('10')
    // Names read as words to a screen reader: commas between the parts, not "TICKET-1001Printer…".
    expect(within(grid).getByRole('rowheader', { name: 'TICKET-1001, Printer on 2nd floor, Remote support' })).toBeTruthy()
    expect(within(grid).getByRole('row', { name: /^TICKET-1001, Printer on 2nd floor, Remote support / })).toBeTruthy()
    expect(within(grid).getByRole('rowheader', { name: /^Team meeting, .*, Non-billable$/ })).toBeTruthy()
    expect(within(grid).getByRole('columnheader', { name: /Wed\s*18 Nov.*today/ })).toBeTruthy()
    const difference = within(grid).getByRole('row', { name: /^Difference/ })
    // 1:30 booked of 40:00 expected: 38:30 under, with a sign and a word, not colour alone.
    expect(within(difference).getAllByRole('gridcell').at(-2)?.textContent).toContain('−38:30 under')
    expect(screen.getByRole('button', { name: 'Remove row Team meeting, Remote support, non-billable' })).toBeTruthy()
    const periods = screen.getByRole('navigation', { name: 'Periods' })
    expect(within(periods).getAllByRole('button').map((b) => b.textContent)).toEqual(['‹ Previous period', 'Today', 'Next period ›'])
    expect(within(periods).getByRole('button', { name: 'Next period' })).toBeTruthy()
  })

  it('typing 1:30 and Enter saves 5400 seconds for that day and row, then moves down', async () => {
    const { cell, setCells } = await renderSheet()
    const target = cell(0, 2)
    focus(target)
    const input = type(target, '1:30')
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(setCells()).toEqual([{ changes: [{ day: '2026-11-18', row: TICKET, totalSeconds: 5400 }] }]))
    await waitFor(() => expect(cell(0, 2)?.textContent).toContain('1:30'))
    expect(document.activeElement).toBe(cell(1, 2))
    expect(await screen.findByText('All changes saved')).toBeTruthy()
  })

  it('Tab saves and moves right, and wraps to the next row after the last day', async () => {
    const { cell, setCells } = await renderSheet()
    focus(cell(0, 6))
    fireEvent.keyDown(type(cell(0, 6), '2'), { key: 'Tab' })
    await waitFor(() => expect(setCells()).toHaveLength(1))
    expect(document.activeElement).toBe(cell(1, 0))
    fireEvent.keyDown(cell(1, 0), { key: 'Tab', shiftKey: true })
    expect(document.activeElement).toBe(cell(0, 6))
  })

  it('keeps the editor open with the reason when 1:75 is typed, and sends nothing', async () => {
    const { cell, setCells } = await renderSheet()
    focus(cell(0, 0))
    const input = type(cell(0, 0), '1:75')
    fireEvent.keyDown(input, { key: 'Enter' })
    const alert = await within(cell(0, 0)).findByRole('alert')
    expect(alert?.textContent).toContain('Minutes must be 0–59 in 1:75')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe(alert.id)
    expect(document.activeElement).toBe(input)
    expect(setCells()).toEqual([])
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(within(cell(0, 0)).queryByRole('textbox')).toBeNull()
    expect(document.activeElement).toBe(cell(0, 0))
  })

  it('a kept short run shows its seconds in the cell and the totals, not 0:00', async () => {
    const { cell, grid } = await renderSheet({ rows: [TICKET], cells: { [`${rowKeyId(TICKET)}@${WEEK[1]}`]: { fixed: 12 } } })
    expect(cell(0, 1).textContent).toBe('12 s, of which 12 s from timers')
    expect(within(grid).getByRole('gridcell', { name: '12 s, of which 12 s from timers' })).toBe(cell(0, 1))
    expect(within(within(grid).getByRole('row', { name: /^Total/ })).getAllByRole('gridcell')[1]?.textContent).toBe('12 s')
  })

  it('Delete clears only the typed part: timer time stays', async () => {
    const { cell, setCells } = await renderSheet({ cells: { [`${rowKeyId(TICKET)}@${WEEK[1]}`]: { fixed: 1200, grid: 1800 } } })
    expect(cell(0, 1)?.textContent).toContain('0:50')
    expect(cell(0, 1)?.textContent).toBe('0:50, of which 0:20 from timers')
    focus(cell(0, 1))
    fireEvent.keyDown(cell(0, 1), { key: 'Delete' })
    await waitFor(() => expect(setCells()).toEqual([{ changes: [{ day: '2026-11-17', row: TICKET, totalSeconds: 1200 }] }]))
    await waitFor(() => expect(cell(0, 1)?.textContent).toContain('0:20'))
  })

  it('+0:30 adds to the total, -0:15 takes away', async () => {
    const { cell, setCells } = await renderSheet({ cells: { [`${rowKeyId(SWITCH)}@${WEEK[3]}`]: { grid: 3600 } } })
    focus(cell(1, 3))
    fireEvent.keyDown(type(cell(1, 3), '+0:30'), { key: 'Enter' })
    await waitFor(() => expect(setCells().at(-1)).toEqual({ changes: [{ day: '2026-11-19', row: SWITCH, totalSeconds: 5400 }] }))
    await waitFor(() => expect(cell(1, 3)?.textContent).toContain('1:30'))
    focus(cell(1, 3))
    fireEvent.keyDown(type(cell(1, 3), '-0:15'), { key: 'Enter' })
    await waitFor(() => expect(setCells().at(-1)?.changes[0]?.totalSeconds).toBe(4500))
  })

  it('Ctrl+Z sends the previous total back', async () => {
    const { cell, setCells } = await renderSheet({ cells: { [`${rowKeyId(TICKET)}@${WEEK[0]}`]: { grid: 3600 } } })
    focus(cell(0, 0))
    fireEvent.keyDown(type(cell(0, 0), '2:15'), { key: 'Enter' })
    await waitFor(() => expect(cell(0, 0)?.textContent).toContain('2:15'))
    fireEvent.keyDown(cell(1, 0), { key: 'z', ctrlKey: true })
    await waitFor(() => expect(setCells()).toHaveLength(2))
    expect(setCells()[1]).toEqual({ changes: [{ day: '2026-11-16', row: TICKET, totalSeconds: 3600 }] })
    await waitFor(() => expect(cell(0, 0)?.textContent).toContain('1:00'))
    expect(await screen.findByText('Undone: the cell is back to its previous time.')).toBeTruthy()
  })

  it('pastes a 2×3 block from a spreadsheet as one setCells call with 6 changes', async () => {
    const { cell, setCells } = await renderSheet()
    focus(cell(0, 1))
    paste(cell(0, 1), '1:00\t2:30\t0:45\r\n8\t1.5h\t\r\n')
    await waitFor(() => expect(setCells()).toHaveLength(1))
    expect(setCells()[0]?.changes).toEqual([
      { day: '2026-11-17', row: TICKET, totalSeconds: 3600 },
      { day: '2026-11-18', row: TICKET, totalSeconds: 9000 },
      { day: '2026-11-19', row: TICKET, totalSeconds: 2700 },
      { day: '2026-11-17', row: SWITCH, totalSeconds: 28800 },
      { day: '2026-11-18', row: SWITCH, totalSeconds: 5400 },
      { day: '2026-11-19', row: SWITCH, totalSeconds: 0 },
    ])
    await waitFor(() => expect(cell(1, 1)?.textContent).toContain('8:00'))
  })

  it('refuses a paste with text in it, or one that overflows the grid, and says why', async () => {
    const { cell, setCells } = await renderSheet()
    focus(cell(0, 1))
    paste(cell(0, 1), '1:00\tlunch\n2:00\t3:00')
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing was pasted. Row 1, column 2 of the pasted block: "lunch" is not a duration')
    paste(cell(0, 1), '1\t1\t1\t1\t1\t1\t1')
    expect((await screen.findByRole('alert')).textContent).toContain('the block is 7 columns wide, but only 6 days are left from Tue 17 Nov')
    paste(cell(0, 1), '1\n1\n1')
    expect((await screen.findByRole('alert')).textContent).toContain('the block has 3 rows, but only 2 rows are left from here')
    expect(setCells()).toEqual([])
  })

  it('a refused edit keeps the editor open with what was typed and the reason beside it, like a value that does not parse', async () => {
    const { cell, setCells } = await renderSheet({ cells: { [`${rowKeyId(TICKET)}@${WEEK[2]}`]: { fixed: 3600 } } })
    focus(cell(0, 2))
    fireEvent.keyDown(type(cell(0, 2), '0:30'), { key: 'Enter' })
    await waitFor(() => expect(setCells()).toHaveLength(1))
    const input = await within(cell(0, 2)).findByRole('textbox')
    const alert = within(cell(0, 2)).getByRole('alert')
    expect(alert.textContent).toBe('That is less than the time recorded by timers in that cell on Wed 18 Nov. Nothing was changed.')
    expect((input as HTMLInputElement).value).toBe('0:30')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe(alert.id)
    await waitFor(() => expect(document.activeElement).toBe(input))
    // Nothing was changed, so nothing claims it was lost, and the banner does not repeat the reason.
    expect(screen.queryByText('Not saved')).toBeNull()
    expect(screen.getAllByRole('alert')).toHaveLength(1)

    fireEvent.change(input, { target: { value: '1:30' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(setCells().at(-1)).toEqual({ changes: [{ day: '2026-11-18', row: TICKET, totalSeconds: 5400 }] }))
    await waitFor(() => expect(cell(0, 2)?.textContent).toContain('1:30'))
    expect(within(cell(0, 2)).queryByRole('textbox')).toBeNull()
    expect(await screen.findByText('All changes saved')).toBeTruthy()
  })

  it('a refused edit left by clicking elsewhere is explained in the banner; the cell keeps its stored value', async () => {
    const { cell, setCells } = await renderSheet({ cells: { [`${rowKeyId(TICKET)}@${WEEK[2]}`]: { fixed: 3600 } } })
    focus(cell(0, 2))
    fireEvent.blur(type(cell(0, 2), '0:30'))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('That is less than the time recorded by timers in that cell on Wed 18 Nov. Nothing was changed.')
    expect(setCells()).toHaveLength(1)
    expect(cell(0, 2)?.textContent).toContain('1:00')
    expect(cell(0, 2).getAttribute('aria-describedby')).toBe(alert.id)
    expect(screen.queryByText('Not saved')).toBeNull()
  })

  it('a submitted period is read-only: a banner with the reason, and edits are explained, not sent', async () => {
    const { grid, cell, setCells } = await renderSheet({ status: 'submitted', cells: { [`${rowKeyId(TICKET)}@${WEEK[0]}`]: { grid: 3600 } } })
    expect(screen.getByRole('note', { name: 'Read-only period' })?.textContent).toContain('This period has been submitted for approval, so it is read-only.')
    expect(grid.getAttribute('aria-readonly')).toBe('true')
    expect(cell(0, 0).getAttribute('aria-readonly')).toBe('true')
    focus(cell(0, 0))
    fireEvent.keyDown(cell(0, 0), { key: '2' })
    expect(within(cell(0, 0)).queryByRole('textbox')).toBeNull()
    expect(screen.getByRole('alert')?.textContent).toContain('Withdraw the submission to change it. Cells cannot be changed.')
    fireEvent.keyDown(cell(0, 0), { key: 'Delete' })
    paste(cell(0, 0), '1:00')
    expect(setCells()).toEqual([])
    expect(cell(0, 0)?.textContent).toContain('1:00')
  })

  it('arrows, Home and End move the single tab stop', async () => {
    const { grid, cell } = await renderSheet()
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1)
    focus(cell(0, 0))
    fireEvent.keyDown(cell(0, 0), { key: 'ArrowRight' })
    expect(document.activeElement).toBe(cell(0, 1))
    fireEvent.keyDown(cell(0, 1), { key: 'ArrowDown' })
    expect(document.activeElement).toBe(cell(1, 1))
    fireEvent.keyDown(cell(1, 1), { key: 'End' })
    expect(document.activeElement).toBe(cell(1, 6))
    fireEvent.keyDown(cell(1, 6), { key: 'Home' })
    expect(document.activeElement).toBe(cell(1, 0))
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1)
    expect(cell(1, 0).getAttribute('tabindex')).toBe('0')
  })

  it('adds a row from the keyboard: type, Enter takes the match, Enter again adds', async () => {
    const { host, grid } = await renderSheet({ rows: [] })
    fireEvent.click(screen.getByRole('button', { name: 'Add row' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add row' })
    const search = within(dialog).getByRole('combobox', { name: 'Work item' })
    fireEvent.change(search, { target: { value: 'meeting' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    expect(within(dialog).getByRole<HTMLInputElement>('checkbox', { name: 'Billable' }).checked).toBe(false)
    fireEvent.submit(search.closest('form') as HTMLFormElement)
    await waitFor(() => expect(host.requestsTo('timesheet.addRow')).toEqual([{ day: '2026-11-16', row: MEETING }]))
    expect(await within(grid).findByRole('rowheader', { name: /Team meeting/ })).toBeTruthy()
  })

  it('offers items in this period first, then recently used ones, then the rest by name', async () => {
    await renderSheet({ rows: [row('w2')], recentIds: ['w3', 'w2'] })
    const list = await openAddRowList()
    await waitFor(() => expect(groupNames(list)).toEqual(['In this period', 'Recently used', 'Other work items']))
    expect(within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.textContent)).toEqual([
      'WO-77 · Install new switch',
      'Team meeting',
      'TICKET-1001 · Printer on 2nd floor',
      'No work item (general time)',
    ])
  })

  it('puts favourites before recently used items', async () => {
    await renderSheet({
      rows: [],
      recentIds: ['w3'],
      extra: { 'work.listItems': () => WORK_ITEMS.map((w) => (w.id === 'w2' ? { ...w, favourite: true } : w)) },
    })
    const list = await openAddRowList()
    await waitFor(() => expect(groupNames(list)).toEqual(['Favourites', 'Recently used', 'Other work items']))
    expect(within(list).getAllByRole('option')[0]?.getAttribute('aria-label')).toBe('WO-77 · Install new switch, favourite')
  })

  it('keeps 600 rows smooth: only a screenful is in the page', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => row(`w${i}`, 'a1'))
    const { grid } = await renderSheet({ rows })
    expect(grid.getAttribute('aria-rowcount')).toBe('604')
    const rendered = within(grid).getAllByRole('row').length
    expect(rendered).toBeLessThan(60)
    await act(async () => {})
  })
})

describe('Timesheet display unit', () => {
  it('shows cells and totals in the unit of the settings, while the editor still opens with h:mm', async () => {
    const { host, grid, cell, setCells } = await renderSheet({ rows: [TICKET], cells: { [`${rowKeyId(TICKET)}@${WEEK[0]}`]: { grid: 5400 } } })
    expect(cell(0, 0).textContent).toContain('1:30')
    act(() => host.emit('settings.changed', { settings: { ...DEFAULT_SETTINGS, timesheet: { ...DEFAULT_SETTINGS.timesheet, unit: 'decimal' } } }))
    await waitFor(() => expect(cell(0, 0).textContent).toContain('1.50'))
    expect(cell(0, 0).textContent).not.toContain('1:30')
    const total = within(grid).getByRole('row', { name: /^Total/ })
    expect(within(total).getAllByRole('gridcell').at(-2)?.textContent).toBe('1.50')
    const difference = within(grid).getByRole('row', { name: /^Difference/ })
    expect(within(difference).getAllByRole('gridcell').at(-2)?.textContent).toContain('−38.50 under')

    // Typed and pasted values stay unambiguous: the editor starts from h:mm, not '1.50'.
    focus(cell(0, 0))
    fireEvent.keyDown(cell(0, 0), { key: 'F2' })
    const input = within(cell(0, 0)).getByRole<HTMLInputElement>('textbox')
    expect(input.value).toBe('1:30')
    fireEvent.keyDown(input, { key: 'Escape' })
    expect(setCells()).toEqual([])
  })
})

describe('Print timesheet (PDF)', () => {
  it('asks for the shown period in the window’s language and says what became of it; a refusal is shown', async () => {
    let answer: 'saved' | 'refused' = 'saved'
    const { host } = await renderSheet({
      extra: {
        'export.timesheetPdf': () => {
          if (answer === 'refused') throw Object.assign(new Error('The disk is full.'), { code: 'unavailable' })
          return { status: 'saved', path: '/home/ana/week.pdf', rows: 2, bytes: 1234 }
        },
      },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Print timesheet (PDF)' }))
    await waitFor(() => expect(screen.getAllByRole('status').some((status) => status.textContent === 'The timesheet was saved as /home/ana/week.pdf')).toBe(true))
    expect(host.requestsTo('export.timesheetPdf')).toEqual([{ day: '2026-11-16', language: 'en' }])
    answer = 'refused'
    fireEvent.click(screen.getByRole('button', { name: 'Print timesheet (PDF)' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/The export failed.*The disk is full\./)
  })
})
