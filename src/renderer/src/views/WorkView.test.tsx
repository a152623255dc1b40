import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallRequest } from '@shared/contract'
import { StintError } from '@shared/errors'
import type { ActivityType, Contract, Customer, WorkItem, WorkItemInput } from '@shared/work'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { createWorkStore } from '../work/work-store'
import { WorkView } from './WorkView'

afterEach(cleanup)

const item = (fields: Partial<WorkItem> & Pick<WorkItem, 'id' | 'title'>): WorkItem => ({
  kind: 'ticket',
  reference: null,
  customerId: null,
  customerName: null,
  contractId: null,
  billable: true,
  active: true,
  favourite: false,
  ticketUrl: null,
  ...fields,
})

/** A host that keeps work items, activity types, customers and contracts in memory and refuses what the real service refuses. */
function workHost() {
  const state = { refuseNextUpdate: false }
  const customers: Customer[] = [
    { id: 'c1', name: 'Acme Ltd', organisation: null },
    { id: 'c2', name: 'Globex', organisation: null },
  ]
  const items: WorkItem[] = [
    item({ id: 'w1', reference: 'TICKET-1001', title: 'Printer on 2nd floor', customerId: 'c1', customerName: 'Acme Ltd' }),
    item({ id: 'w2', kind: 'work_order', reference: 'WO-77', title: 'Install new switch', customerId: 'c2', customerName: 'Globex' }),
    item({ id: 'w3', kind: 'general', title: 'Team meeting', billable: false }),
    item({ id: 'w4', kind: 'task', reference: 'TASK-9', title: 'Old mail migration', active: false }),
  ]
  const contracts: Contract[] = [
    { id: 'k1', customerId: 'c1', name: 'Support 2025', includedMinutes: 600 },
    { id: 'k2', customerId: 'c1', name: 'Printers flat rate', includedMinutes: null },
    { id: 'k3', customerId: 'c2', name: 'Network care', includedMinutes: 450 },
  ]
  const types: ActivityType[] = [
    { id: 'a1', name: 'Remote support', active: true, isDefault: true },
    { id: 'a2', name: 'On-site', active: true, isDefault: false },
  ]
  let nextId = 100

  const toItem = (id: string, input: WorkItemInput): WorkItem => {
    const reference = input.reference ?? null
    const clash = items.find((other) => other.id !== id && reference !== null && other.reference?.toLowerCase() === reference.toLowerCase())
    if (clash) throw new StintError('conflict', `${reference ?? ''} is already the reference of "${clash.title}"; nothing was changed.`)
    const customer = customers.find((c) => c.id === input.customerId) ?? null
    const contract = contracts.find((k) => k.id === input.contractId) ?? null
    if (input.contractId && !contract) throw new StintError('not_found', 'That contract does not exist (any more); nothing was changed.')
    if (contract && customer && contract.customerId !== customer.id) throw new StintError('invalid_request', 'That contract belongs to another customer; nothing was changed.')
    return {
      id,
      kind: input.kind,
      reference,
      title: input.title,
      customerId: customer?.id ?? null,
      customerName: customer?.name ?? null,
      contractId: input.contractId ?? null,
      billable: input.billable !== false,
      active: input.active !== false,
      favourite: items.find((other) => other.id === id)?.favourite ?? false,
      ticketUrl: input.ticketUrl ?? items.find((other) => other.id === id)?.ticketUrl ?? null,
    }
  }

  const host = scriptedHost({
    'work.listItems': () => items.map((i) => ({ ...i })),
    'work.listActivityTypes': () => types.map((t) => ({ ...t })),
    'work.listCustomers': () => customers.map((c) => ({ ...c })),
    'work.createItem': (input) => {
      const created = toItem(`w${nextId++}`, input)
      items.push(created)
      return created
    },
    'work.updateItem': ({ id, item: input }) => {
      if (state.refuseNextUpdate) {
        state.refuseNextUpdate = false
        throw new RefusedField('item.ticketUrl', 'A ticket page address must start with https:// or http://, not ftp://.')
      }
      const index = items.findIndex((i) => i.id === id)
      if (index < 0) throw new StintError('not_found', 'That work item does not exist (any more); nothing was changed.')
      const updated = toItem(id, input)
      items[index] = updated
      return updated
    },
    'work.setFavourite': ({ id, favourite }) => {
      const index = items.findIndex((i) => i.id === id)
      const current = items[index]
      if (!current) throw new StintError('not_found', 'That work item does not exist (any more); nothing was changed.')
      items[index] = { ...current, favourite }
      return items[index]
    },
    'work.saveActivityType': ({ id, type }: CallRequest<'work.saveActivityType'>) => {
      if (type.isDefault && type.active === false) throw new StintError('invalid_request', 'An inactive activity type cannot be the default; nothing was changed.')
      const saved: ActivityType = { id: id ?? `a${nextId++}`, name: type.name, active: type.active !== false, isDefault: type.isDefault === true }
      if (saved.isDefault) types.forEach((t) => (t.isDefault = false))
      const index = types.findIndex((t) => t.id === saved.id)
      if (index < 0) types.push(saved)
      else types[index] = saved
      return saved
    },
    'work.listContracts': () => contracts.map((k) => ({ ...k })),
    'work.createContract': ({ customerId, name, includedMinutes }) => {
      if (!customers.some((c) => c.id === customerId)) throw new StintError('not_found', 'That customer does not exist (any more); nothing was changed.')
      const contract: Contract = { id: `k${nextId++}`, customerId, name, includedMinutes: includedMinutes ?? null }
      contracts.push(contract)
      return contract
    },
    'work.createCustomer': ({ name, organisation }) => {
      if (customers.some((c) => c.name.toLowerCase() === name.toLowerCase())) throw new StintError('conflict', `There is already a customer called "${name}".`)
      const customer = { id: `c${nextId++}`, name, organisation: organisation ?? null }
      customers.push(customer)
      return customer
    },
  })
  return Object.assign(state, { ...host, items, types, customers, contracts })
}

/** A refusal of one field, with its path, as the host's request check sends it. */
class RefusedField extends StintError {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super('invalid_request', message)
  }
  override body() {
    return { ...super.body(), issues: [{ path: this.path, message: this.message }] }
  }
}

function renderWorkView(host: ReturnType<typeof workHost>) {
  render(
    <ClientContext.Provider value={host.client}>
      <WorkView work={createWorkStore(host.client)} />
    </ClientContext.Provider>,
  )
}

const workTable = () => screen.getByRole('table', { name: 'All work items' })
const listedTitles = () =>
  within(workTable())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent)

const type = (label: string | RegExp, value: string, within_: HTMLElement = document.body) => fireEvent.change(within(within_).getByLabelText(label), { target: { value } })

describe('Work items view', () => {
  it('lists the active work items with kind, customer and billable, and finds them by reference, title or customer', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    expect(listedTitles()).toEqual(['Printer on 2nd floor', 'Install new switch', 'Team meeting'])
    const printerRow = screen.getByText('Printer on 2nd floor').closest('tr') as HTMLElement
    expect(within(printerRow).getByText('TICKET-1001')).toBeTruthy()
    expect(within(printerRow).getByText('Ticket')).toBeTruthy()
    expect(within(printerRow).getByText('Acme Ltd')).toBeTruthy()
    expect(within(printerRow).getByText('Billable')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit TICKET-1001' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit Team meeting' })).toBeTruthy()

    type('Search', 'globex')
    expect(listedTitles()).toEqual(['Install new switch'])
    type('Search', 'ticket-1001')
    expect(listedTitles()).toEqual(['Printer on 2nd floor'])
    type('Search', 'meeting')
    expect(listedTitles()).toEqual(['Team meeting'])
    expect(screen.getByText('1 of 4 work items')).toBeTruthy()

    type('Search', 'migration')
    expect(screen.queryByRole('table', { name: 'All work items' })).toBeNull()
    expect(screen.getByText(/No work items match “migration” among the active ones/)).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: /Show inactive/ }))
    expect(listedTitles()).toEqual(['Old mail migration'])
    expect(within(workTable()).getByText('Inactive')).toBeTruthy()
  })

  it('marks a work item as a favourite with a toggle button that says whether it is on', async () => {
    const host = workHost()
    renderWorkView(host)
    const star = await screen.findByRole('button', { name: 'Favourite TICKET-1001' })
    expect(star.getAttribute('aria-pressed')).toBe('false')
    fireEvent.click(star)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Favourite TICKET-1001' }).getAttribute('aria-pressed')).toBe('true'))
    expect(host.requestsTo('work.setFavourite')).toEqual([{ id: 'w1', favourite: true }])
  })

  it('creates a work item from the dialog with trimmed values, and the new item appears in the list', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    expect((within(dialog).getByLabelText<HTMLInputElement>('Billable')).checked).toBe(true)
    type(/Reference/, '  TICKET-2000 ', dialog)
    type('Title', '  Laptop will not boot ', dialog)
    type('Customer', 'c1', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.createItem')).toEqual([
      { kind: 'ticket', reference: 'TICKET-2000', title: 'Laptop will not boot', ticketUrl: null, customerId: 'c1', contractId: null, billable: true, active: true },
    ])
    const row = screen.getByText('Laptop will not boot').closest('tr') as HTMLElement
    expect(within(row).getByText('TICKET-2000')).toBeTruthy()
    expect(within(row).getByText('Acme Ltd')).toBeTruthy()
    expect(screen.getByText('Created TICKET-2000.').getAttribute('role')).toBe('status')
  })

  it("sends a ticket's page typed in the dialog, and marks the field when the host refuses the address, keeping what was typed", async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    type('Title', 'VPN down', dialog)
    type(/Ticket page/, '  https://redmine.example.com/issues/42 ', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.createItem')[0]).toMatchObject({ title: 'VPN down', ticketUrl: 'https://redmine.example.com/issues/42' })

    // Opened again, the page is there; an address the host refuses marks the field.
    fireEvent.click(screen.getByRole('button', { name: 'Edit VPN down' }))
    const edit = screen.getByRole('dialog', { name: 'Edit VPN down' })
    expect(within(edit).getByLabelText<HTMLInputElement>(/Ticket page/).value).toBe('https://redmine.example.com/issues/42')
    type(/Ticket page/, 'ftp://files.example.com/42', edit)
    host.refuseNextUpdate = true
    fireEvent.click(within(edit).getByRole('button', { name: 'Save changes' }))
    const alert = await within(edit).findByRole('alert')
    expect(alert.textContent).toContain('A ticket page address must start with https:// or http://')
    const field = within(edit).getByLabelText<HTMLInputElement>(/Ticket page/)
    expect([field.value, field.getAttribute('aria-invalid')]).toEqual(['ftp://files.example.com/42', 'true'])
    expect(field.getAttribute('aria-describedby')).toContain(alert.closest('[id]')?.id)
  })

  it('makes a general activity not billable by default, and needs a title before sending anything', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    type('Kind', 'general', dialog)
    expect((within(dialog).getByLabelText<HTMLInputElement>('Billable')).checked).toBe(false)
    type('Title', '   ', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))
    expect(within(dialog).getByRole('alert').textContent).toMatch(/Enter a title/)
    expect(within(dialog).getByLabelText('Title').getAttribute('aria-invalid')).toBe('true')
    expect(host.requestsTo('work.createItem')).toEqual([])

    type('Title', 'Weekly team meeting', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))
    await waitFor(() => expect(host.requestsTo('work.createItem')).toHaveLength(1))
    expect(host.requestsTo('work.createItem')[0]).toMatchObject({ kind: 'general', reference: null, title: 'Weekly team meeting', customerId: null, billable: false })
  })

  it('shows a duplicate reference refused by the host inside the dialog, which stays open with everything typed', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    type(/Reference/, 'ticket-1001', dialog)
    type('Title', 'Scanner jams', dialog)
    type('Customer', 'c2', dialog)
    fireEvent.click(within(dialog).getByLabelText('Billable'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toBe('ticket-1001 is already the reference of "Printer on 2nd floor"; nothing was changed.')
    expect(screen.getByRole('dialog', { name: 'New work item' })).toBe(dialog)
    const reference = within(dialog).getByLabelText<HTMLInputElement>(/Reference/)
    expect(reference.value).toBe('ticket-1001')
    expect(reference.getAttribute('aria-invalid')).toBe('true')
    expect((within(dialog).getByLabelText<HTMLInputElement>('Title')).value).toBe('Scanner jams')
    expect((within(dialog).getByLabelText<HTMLSelectElement>('Customer')).value).toBe('c2')
    expect((within(dialog).getByLabelText<HTMLInputElement>('Billable')).checked).toBe(false)
    expect(host.items).toHaveLength(4)
  })

  it('adds a customer from inside the dialog and selects it', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Printer on 2nd floor')
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    type('New customer', ' Initech ', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add customer' }))
    await waitFor(() => expect((within(dialog).getByLabelText<HTMLSelectElement>('Customer')).selectedOptions[0]?.textContent).toBe('Initech'))
    expect(host.requestsTo('work.createCustomer')).toEqual([{ name: 'Initech' }])
    expect((within(dialog).getByLabelText<HTMLInputElement>('New customer')).value).toBe('')

    type('New customer', 'acme ltd', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add customer' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('There is already a customer called "acme ltd".')
  })

  it('edits a work item, keeping its contract, and hides it from the list once inactive', async () => {
    const host = workHost()
    host.items[0] = { ...host.items[0], contractId: 'k1' } as WorkItem
    renderWorkView(host)
    fireEvent.click(await screen.findByRole('button', { name: 'Edit TICKET-1001' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit TICKET-1001' })
    expect((within(dialog).getByLabelText<HTMLInputElement>('Title')).value).toBe('Printer on 2nd floor')
    fireEvent.click(within(dialog).getByLabelText('Active'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.updateItem')).toEqual([
      {
        id: 'w1',
        item: { kind: 'ticket', reference: 'TICKET-1001', title: 'Printer on 2nd floor', ticketUrl: null, customerId: 'c1', contractId: 'k1', billable: true, active: false },
      },
    ])
    expect(screen.queryByText('Printer on 2nd floor')).toBeNull()
  })

  it('makes a new activity type the default, and shows the host’s refusal of an inactive default', async () => {
    const host = workHost()
    renderWorkView(host)
    const types = await screen.findByRole('table', { name: 'Activity types' })
    expect(within(within(types).getByText('Remote support').closest('tr') as HTMLElement).getByText('Default')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'New activity type' }))
    let dialog = screen.getByRole('dialog', { name: 'New activity type' })
    type('Name', 'Travel', dialog)
    fireEvent.click(within(dialog).getByLabelText('Active'))
    fireEvent.click(within(dialog).getByLabelText('Default'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create activity type' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('An inactive activity type cannot be the default; nothing was changed.')
    expect(screen.getByRole('dialog', { name: 'New activity type' })).toBe(dialog)

    fireEvent.click(within(dialog).getByLabelText('Active'))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create activity type' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.saveActivityType')).toEqual([
      { id: null, type: { name: 'Travel', active: false, isDefault: true } },
      { id: null, type: { name: 'Travel', active: true, isDefault: true } },
    ])
    const table = screen.getByRole('table', { name: 'Activity types' })
    expect(within(within(table).getByText('Travel').closest('tr') as HTMLElement).getByText('Default')).toBeTruthy()
    expect(within(within(table).getByText('Remote support').closest('tr') as HTMLElement).queryByText('Default')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Edit On-site' }))
    dialog = screen.getByRole('dialog', { name: 'Edit On-site' })
    expect((within(dialog).getByLabelText<HTMLInputElement>('Name')).value).toBe('On-site')
  })

  it('adds a customer in the Customers panel, a name ending in a full stop not doubling it', async () => {
    const host = workHost()
    renderWorkView(host)
    await screen.findByText('Globex', { selector: '.name-list span' })
    const panel = screen.getByRole('region', { name: 'Customers' })
    type('New customer', 'Initech, Inc.', panel)
    fireEvent.click(within(panel).getByRole('button', { name: 'Add customer' }))
    await within(panel).findByText('Initech, Inc.')
    expect(host.requestsTo('work.createCustomer')).toEqual([{ name: 'Initech, Inc.' }])
    expect(within(panel).getByRole('status').textContent).toBe('Added Initech, Inc.')
  })
})

describe('Contracts', () => {
  const contractsPanel = () => screen.getByRole('region', { name: 'Contracts' })
  const contractsTable = () => within(contractsPanel()).getByRole('table', { name: 'Contracts' })
  const contractRows = () =>
    within(contractsTable())
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
  const optionLabels = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent)

  it('lists the contracts by customer with their included hours as h:mm, and shows a work item’s contract under its customer', async () => {
    const host = workHost()
    host.items[0] = { ...host.items[0], contractId: 'k1' } as WorkItem
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    expect(within(contractsTable()).getAllByRole('columnheader').map((th) => [th.textContent, th.getAttribute('scope')])).toEqual([
      ['Contract', 'col'],
      ['Customer', 'col'],
      ['Included hours', 'col'],
    ])
    expect(contractRows()).toEqual([
      ['Printers flat rate', 'Acme Ltd', '—None'],
      ['Support 2025', 'Acme Ltd', '10:00'],
      ['Network care', 'Globex', '7:30'],
    ])
    const printerRow = screen.getByText('Printer on 2nd floor').closest('tr') as HTMLElement
    expect(within(printerRow).getAllByRole('cell').map((cell) => cell.textContent)).toContain('Acme LtdContract: Support 2025')
  })

  it('creates a contract with the hours typed as 7.5 sent as 450 minutes, and lists it', async () => {
    const host = workHost()
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    const panel = contractsPanel()
    type('Customer', 'c2', panel)
    type('Contract name', '  Backup care  ', panel)
    type(/Included hours/, ' 7.5 ', panel)
    fireEvent.click(within(panel).getByRole('button', { name: 'Add contract' }))

    await within(panel).findByText('Backup care')
    expect(host.requestsTo('work.createContract')).toEqual([{ customerId: 'c2', name: 'Backup care', includedMinutes: 450 }])
    expect(contractRows()).toContainEqual(['Backup care', 'Globex', '7:30'])
    expect(within(panel).getByRole('status').textContent).toBe('Added Backup care for Globex.')
    expect(within(panel).getByLabelText<HTMLInputElement>('Contract name').value).toBe('')
    expect(within(panel).getByLabelText<HTMLInputElement>(/Included hours/).value).toBe('')
    // The customer stays chosen, for the next contract of the same customer.
    expect(within(panel).getByLabelText<HTMLSelectElement>('Customer').value).toBe('c2')

    type('Contract name', 'Ad hoc', panel)
    fireEvent.click(within(panel).getByRole('button', { name: 'Add contract' }))
    await within(panel).findByText('Ad hoc')
    expect(host.requestsTo('work.createContract')[1]).toEqual({ customerId: 'c2', name: 'Ad hoc', includedMinutes: null })
  })

  it('refuses negative or non-numeric hours, a missing customer and a missing name without sending anything', async () => {
    const host = workHost()
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    const panel = contractsPanel()
    const add = () => fireEvent.click(within(panel).getByRole('button', { name: 'Add contract' }))

    type('Customer', 'c1', panel)
    type('Contract name', 'Support 2026', panel)
    type(/Included hours/, '-3', panel)
    add()
    const hours = within(panel).getByLabelText<HTMLInputElement>(/Included hours/)
    expect(within(panel).getByRole('alert').textContent).toBe('Included hours cannot be negative.')
    expect(hours.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(hours.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Included hours cannot be negative.')
    expect(document.activeElement).toBe(hours)

    type(/Included hours/, 'ten', panel)
    expect(hours.getAttribute('aria-invalid')).toBeNull()
    add()
    expect(within(panel).getByRole('alert').textContent).toMatch(/Enter the included hours as a number, such as 10 or 7\.5/)
    expect(hours.value).toBe('ten')

    type('Customer', '', panel)
    type('Contract name', '   ', panel)
    type(/Included hours/, '', panel)
    add()
    expect(within(panel).getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Choose the customer this contract belongs to.',
      'Enter a name for the contract, for example “Support 2025”.',
    ])
    expect(within(panel).getByLabelText('Customer').getAttribute('aria-invalid')).toBe('true')
    expect(within(panel).getByLabelText('Contract name').getAttribute('aria-invalid')).toBe('true')
    expect(host.requestsTo('work.createContract')).toEqual([])
  })

  it('shows the host’s refusal with everything typed kept', async () => {
    const host = workHost()
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    const panel = contractsPanel()
    type('Customer', 'c2', panel)
    type('Contract name', 'Backup care', panel)
    type(/Included hours/, '12', panel)
    host.customers.splice(1, 1) // Globex is removed elsewhere meanwhile.
    fireEvent.click(within(panel).getByRole('button', { name: 'Add contract' }))

    expect((await within(panel).findByRole('alert')).textContent).toBe('That customer does not exist (any more); nothing was changed.')
    expect(host.requestsTo('work.createContract')).toEqual([{ customerId: 'c2', name: 'Backup care', includedMinutes: 720 }])
    expect(within(panel).getByLabelText<HTMLSelectElement>('Customer').value).toBe('c2')
    expect(within(panel).getByLabelText('Customer').getAttribute('aria-invalid')).toBe('true')
    expect(within(panel).getByLabelText<HTMLInputElement>('Contract name').value).toBe('Backup care')
    expect(within(panel).getByLabelText<HTMLInputElement>(/Included hours/).value).toBe('12')
  })

  it('asks for a customer first when there is none', async () => {
    const host = workHost()
    host.customers.splice(0)
    host.contracts.splice(0)
    renderWorkView(host)
    const panel = contractsPanel()
    await within(panel).findByText('Add a customer first: every contract belongs to one.')
    expect(within(panel).queryByRole('button', { name: 'Add contract' })).toBeNull()
    expect(within(panel).getByText(/No contracts yet/)).toBeTruthy()
  })

  it('reloads the contracts when the host says work data changed', async () => {
    const host = workHost()
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    host.contracts.push({ id: 'k9', customerId: 'c2', name: 'Made elsewhere', includedMinutes: 90 })
    host.emit('work.changed', {})
    await within(contractsPanel()).findByText('Made elsewhere')
    expect(contractRows()).toContainEqual(['Made elsewhere', 'Globex', '1:30'])
  })

  it('offers only the chosen customer’s contracts in the work item dialog, clears one on a customer change and sends contractId', async () => {
    const host = workHost()
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    fireEvent.click(screen.getByRole('button', { name: 'New work item' }))
    const dialog = screen.getByRole('dialog', { name: 'New work item' })
    const contract = within(dialog).getByLabelText<HTMLSelectElement>(/^Contract/)

    expect(contract.disabled).toBe(true)
    expect(optionLabels(contract)).toEqual(['No contract'])
    expect(document.getElementById(contract.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Choose a customer first: contracts belong to a customer.')

    type('Customer', 'c1', dialog)
    expect(contract.disabled).toBe(false)
    expect(contract.getAttribute('aria-describedby')).toBeNull()
    expect(optionLabels(contract)).toEqual(['No contract', 'Printers flat rate', 'Support 2025'])
    type(/^Contract/, 'k1', dialog)
    expect(contract.value).toBe('k1')

    type('Customer', 'c2', dialog)
    expect(contract.value).toBe('')
    expect(optionLabels(contract)).toEqual(['No contract', 'Network care'])
    type(/^Contract/, 'k3', dialog)
    type('Title', 'Replace core switch', dialog)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create work item' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.createItem')).toEqual([
      { kind: 'ticket', reference: null, title: 'Replace core switch', ticketUrl: null, customerId: 'c2', contractId: 'k3', billable: true, active: true },
    ])
    const row = screen.getByText('Replace core switch').closest('tr') as HTMLElement
    expect(within(row).getByText('Network care')).toBeTruthy()
  })

  it('lets go of the contract when an edited item moves to no customer, and says when a customer has no contracts', async () => {
    const host = workHost()
    host.customers.push({ id: 'c3', name: 'Initech', organisation: null })
    host.items[0] = { ...host.items[0], contractId: 'k2' } as WorkItem
    renderWorkView(host)
    await within(contractsPanel()).findByRole('table', { name: 'Contracts' })
    fireEvent.click(screen.getByRole('button', { name: 'Edit TICKET-1001' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit TICKET-1001' })
    const contract = within(dialog).getByLabelText<HTMLSelectElement>(/^Contract/)
    expect(contract.value).toBe('k2')

    type('Customer', 'c3', dialog)
    expect(contract.value).toBe('')
    expect(optionLabels(contract)).toEqual(['No contract'])
    expect(document.getElementById(contract.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Initech has no contracts yet.')

    type('Customer', 'c1', dialog)
    expect(contract.value).toBe('')
    type(/^Contract/, 'k2', dialog)
    type('Customer', '', dialog)
    expect(contract.value).toBe('')
    expect(contract.disabled).toBe(true)
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(host.requestsTo('work.updateItem')).toEqual([
      { id: 'w1', item: { kind: 'ticket', reference: 'TICKET-1001', title: 'Printer on 2nd floor', ticketUrl: null, customerId: null, contractId: null, billable: true, active: true } },
    ])
  })
})
