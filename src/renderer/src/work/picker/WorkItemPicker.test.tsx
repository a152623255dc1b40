import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { ClientContext } from '../../client-context'
import { scriptedHost } from '../../testing/scripted-host'
import { workItem } from '../../testing/work-items'
import { WorkItemPicker, type WorkItemPickerProps } from './WorkItemPicker'

afterEach(cleanup)

const item = workItem

const ITEMS = [
  item('w1', 'TICKET-1234', 'Printer on 2nd floor jams', { customerName: 'Müller Druck GmbH' }),
  item('w2', 'WO-77', 'Install new switch', { customerName: 'Acme, Inc.', favourite: true }),
  item('w3', null, 'Team meeting', { kind: 'general' }),
  item('w4', 'TICKET-0001', 'Old printer', { active: false }),
]

/** The picker in a page of its own, keeping what is chosen, as a dialog would. */
function renderPicker(props: Partial<WorkItemPickerProps> = {}, recentIds: string[] = ['w3']) {
  const host = scriptedHost({ 'work.recentItems': () => recentIds })
  const chosen: (string | null)[] = []
  function Page() {
    const [value, setValue] = useState<string | null>(props.value ?? null)
    return (
      <WorkItemPicker
        label="Work item"
        items={ITEMS}
        {...props}
        value={value}
        onChange={(next) => {
          chosen.push(next)
          setValue(next)
        }}
      />
    )
  }
  render(
    <ClientContext.Provider value={host.client}>
      <Page />
    </ClientContext.Provider>,
  )
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: 'Work item' })
  const key = (name: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(input, { key: name, ...init })
  const active = () => {
    const id = input.getAttribute('aria-activedescendant')
    return id ? document.getElementById(id)?.getAttribute('aria-label') ?? document.getElementById(id)?.textContent : null
  }
  return { input, key, active, chosen }
}

describe('the work-item picker', () => {
  it('is a combobox that controls a listbox, closed until asked', () => {
    const { input } = renderPicker()
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(input.getAttribute('aria-autocomplete')).toBe('list')
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '')
    expect(list?.getAttribute('role')).toBe('listbox')
    expect(input.hasAttribute('aria-activedescendant')).toBe(false)
  })

  it('with nothing typed offers favourites, then recently used, then the rest; each option says reference, title and customer', async () => {
    const { input, key } = renderPicker({ allowNone: true })
    await act(async () => {})
    key('ArrowDown')
    expect(input.getAttribute('aria-expanded')).toBe('true')
    const list = screen.getByRole('listbox', { name: 'Work item' })
    const groupNames = () => within(list).getAllByRole('group').map((g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent)
    await waitFor(() => expect(groupNames()).toEqual(['Favourites', 'Recently used', 'Other work items']))
    expect(within(list).getAllByRole('option').map((o) => o.getAttribute('aria-label') ?? o.textContent)).toEqual([
      'WO-77 · Install new switch, Acme, Inc., favourite',
      'Team meeting',
      'TICKET-1234 · Printer on 2nd floor jams, Müller Druck GmbH',
      'No work item',
    ])
  })

  it('typing filters on every word, ignoring accents, and highlights the first match; Enter takes it', () => {
    const { input, key, active, chosen } = renderPicker()
    fireEvent.change(input, { target: { value: 'muller print' } })
    expect(active()).toBe('TICKET-1234 · Printer on 2nd floor jams, Müller Druck GmbH')
    key('Enter')
    expect(chosen).toEqual(['w1'])
    expect(input.value).toBe('TICKET-1234 · Printer on 2nd floor jams')
    expect(input.getAttribute('aria-expanded')).toBe('false')
  })

  it('arrows move the highlight and wrap; Home and End go to the ends', async () => {
    const { key, active } = renderPicker()
    await act(async () => {})
    key('ArrowDown')
    expect(active()).toBe('WO-77 · Install new switch, Acme, Inc., favourite')
    key('ArrowDown')
    expect(active()).toBe('Team meeting')
    key('End')
    expect(active()).toBe('TICKET-1234 · Printer on 2nd floor jams, Müller Druck GmbH')
    key('ArrowDown')
    expect(active()).toBe('WO-77 · Install new switch, Acme, Inc., favourite')
    key('ArrowUp')
    expect(active()).toBe('TICKET-1234 · Printer on 2nd floor jams, Müller Druck GmbH')
    key('Home')
    expect(active()).toBe('WO-77 · Install new switch, Acme, Inc., favourite')
  })

  it('Escape closes the list and puts the current value back, without changing it', () => {
    const { input, chosen } = renderPicker({ value: 'w2' })
    fireEvent.change(input, { target: { value: 'meet' } })
    const escape = fireEvent.keyDown(input, { key: 'Escape' })
    expect(escape).toBe(false) // handled here: the dialog around it stays open
    expect(input.value).toBe('WO-77 · Install new switch')
    expect(input.getAttribute('aria-expanded')).toBe('false')
    expect(chosen).toEqual([])
    // A second Escape is the dialog's.
    expect(fireEvent.keyDown(input, { key: 'Escape' })).toBe(true)
  })

  it('Tab or leaving the field with text typed takes the highlighted match', () => {
    const { input, key, chosen } = renderPicker()
    fireEvent.change(input, { target: { value: 'switch' } })
    key('Tab')
    expect(chosen).toEqual(['w2'])
    fireEvent.change(input, { target: { value: 'meeting' } })
    fireEvent.blur(input)
    expect(chosen).toEqual(['w2', 'w3'])
  })

  it('offers "No work item" only where the caller allows it, and only when what is typed fits it', () => {
    const { input, key, chosen } = renderPicker({ allowNone: true, noneLabel: 'No work item (assign later)', value: 'w1' })
    fireEvent.change(input, { target: { value: 'no work' } })
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['No work item (assign later)'])
    key('Enter')
    expect(chosen).toEqual([null])
    expect(input.value).toBe('')
    expect(input.placeholder).toBe('No work item (assign later) · type to search')
    cleanup()
    const other = renderPicker()
    fireEvent.change(other.input, { target: { value: 'no work' } })
    expect(screen.queryAllByRole('option')).toEqual([])
    expect(screen.getByText('No active work item matches “no work”.')).toBeTruthy()
  })

  it('shows an inactive item only when it is the current value, and says so', () => {
    const { input } = renderPicker({ value: 'w4' })
    fireEvent.change(input, { target: { value: 'old' } })
    expect(screen.getAllByRole('option').map((o) => o.getAttribute('aria-label'))).toEqual(['TICKET-0001 · Old printer, inactive'])
    cleanup()
    const other = renderPicker()
    fireEvent.change(other.input, { target: { value: 'old' } })
    expect(screen.queryAllByRole('option')).toEqual([])
  })

  it('a click on an option takes it', () => {
    const { input, chosen } = renderPicker()
    fireEvent.change(input, { target: { value: 'ticket' } })
    fireEvent.click(screen.getByRole('option', { name: /TICKET-1234/ }))
    expect(chosen).toEqual(['w1'])
  })
})
