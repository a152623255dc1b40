// Tidying what devices made, from the command line: list customers and work items with who
// made them, rename, deactivate, and merge one work item into another. Devices pull the
// result; a member can no longer change a row an admin has touched here.
import type { CustomerListing, WorkItemListing } from '../reference/reference-admin'
import { json, text, type CliIo, type CommandSpec } from './spec'

const madeBy = (row: { madeBy: string | null }) => (row.madeBy === null ? 'made by an admin' : `made by ${row.madeBy}`)

function printCustomers(io: CliIo, customers: readonly CustomerListing[]): void {
  if (customers.length === 0) io.err('No customers.')
  for (const c of customers) io.out(`${c.name}\t${c.organisation ?? '-'}\t${madeBy(c)}${c.adminManaged ? '' : ' (they can still change it)'}`)
}

function printWorkItems(io: CliIo, items: readonly WorkItemListing[]): void {
  if (items.length === 0) io.err('No work items.')
  for (const w of items) io.out(`${w.reference ?? '-'}\t${w.title}\t${w.customer ?? '-'}\t${w.active ? 'active' : 'inactive'}\t${madeBy(w)}${w.adminManaged ? '' : ' (they can still change it)'}`)
}

const workItemOption = { type: 'string', hint: 'REFERENCE|TITLE', required: true } as const

export const REFERENCE_ADMIN_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['customer', 'list'],
    summary: 'list the customers, with who made each',
    options: { json },
    run: async ({ referenceAdmin, io }, values) => {
      const customers = await referenceAdmin.listCustomers()
      if (values['json'] === true) return io.out(JSON.stringify(customers, null, 2))
      printCustomers(io, customers)
    },
  },
  {
    words: ['customer', 'rename'],
    summary: 'rename a customer (devices pull the new name)',
    options: { customer: { type: 'string', hint: 'NAME', required: true }, name: { type: 'string', hint: 'NEW_NAME', required: true } },
    run: async ({ referenceAdmin, io }, values) => {
      const { before, after } = await referenceAdmin.renameCustomer({ customer: text(values, 'customer'), name: text(values, 'name') })
      io.err(`Renamed the customer "${before}" to "${after}".`)
    },
  },
  {
    words: ['customer', 'deactivate'],
    summary: 'stop devices offering a customer (its work items and time stay)',
    options: { customer: { type: 'string', hint: 'NAME', required: true } },
    run: async ({ referenceAdmin, io }, values) => {
      const { name, workItems } = await referenceAdmin.deactivateCustomer({ customer: text(values, 'customer') })
      const left = workItems === 0 ? 'It had no work items.' : workItems === 1 ? 'Its work item stays, with its time.' : `Its ${workItems} work items stay, with their time.`
      io.err(`Deactivated the customer "${name}": devices stop offering it. ${left}`)
    },
  },
  {
    words: ['work-item', 'list'],
    summary: 'list the work items, with who made each',
    options: { json },
    run: async ({ referenceAdmin, io }, values) => {
      const items = await referenceAdmin.listWorkItems()
      if (values['json'] === true) return io.out(JSON.stringify(items, null, 2))
      printWorkItems(io, items)
    },
  },
  {
    words: ['work-item', 'rename'],
    summary: "change a work item's title or reference",
    options: { 'work-item': workItemOption, title: { type: 'string', hint: 'TITLE' }, reference: { type: 'string', hint: 'REF' } },
    run: async ({ referenceAdmin, io }, values) => {
      const given = (name: string) => (typeof values[name] === 'string' ? text(values, name) : undefined)
      const { before, after } = await referenceAdmin.renameWorkItem({ workItem: text(values, 'work-item'), title: given('title'), reference: given('reference') })
      io.err(`Renamed ${before} to ${after}.`)
    },
  },
  {
    words: ['work-item', 'deactivate'],
    summary: 'stop devices offering a work item for new time (its entries stay)',
    options: { 'work-item': workItemOption },
    run: async ({ referenceAdmin, io }, values) => {
      const { label } = await referenceAdmin.deactivateWorkItem({ workItem: text(values, 'work-item') })
      io.err(`Deactivated ${label}: devices stop offering it for new time; the time booked on it stays.`)
    },
  },
  {
    words: ['work-item', 'merge'],
    summary: 'move the time on one work item to another and deactivate the first (approved time stays)',
    options: { from: workItemOption, into: workItemOption },
    run: async ({ referenceAdmin, io }, values) => {
      const result = await referenceAdmin.mergeWorkItems({ from: text(values, 'from'), into: text(values, 'into') })
      const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`)
      io.err(`Moved ${entries(result.moved)} from ${result.from} to ${result.into} and deactivated ${result.from}.`)
      if (result.kept > 0) {
        io.err(
          `${entries(result.kept)} stayed on ${result.from}: submitted, approved or voided time never changes (${result.keptIn.join('; ') || 'voided entries'}). Reopen those periods (\`period reopen\`) and merge again to move them too.`,
        )
      }
    },
  },
]
