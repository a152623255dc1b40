// Reference data from the command line: customers, contracts with their included hours,
// work items and activity types. Devices pull what is made here.
import { flagValue, hours, text, type CommandSpec } from './spec'

export const REFERENCE_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['customer', 'add'],
    summary: 'add a customer (devices pull it), in an organisation if given',
    options: { name: { type: 'string', hint: 'NAME', required: true }, organisation: { type: 'string', hint: 'NAME' } },
    run: async ({ reference, io }, values) => {
      const customer = await reference.addCustomer({ name: text(values, 'name'), organisation: text(values, 'organisation') || null })
      io.err(`Added the customer ${customer.name}${customer.organisation === null ? '' : ` (${customer.organisation})`}.`)
    },
  },
  {
    words: ['contract', 'add'],
    summary: "add a customer's contract, with the hours it includes",
    options: { customer: { type: 'string', hint: 'NAME', required: true }, name: { type: 'string', hint: 'NAME', required: true }, 'included-hours': { type: 'string', hint: 'HOURS' } },
    run: async ({ reference, io }, values) => {
      const contract = await reference.addContract({ customer: text(values, 'customer'), name: text(values, 'name'), includedHours: hours(values, 'included-hours') })
      io.err(`Added the contract ${contract.name} for ${contract.customer}.`)
    },
  },
  {
    words: ['work-item', 'add'],
    summary: 'add a work item (ticket, work order, task or general)',
    options: {
      kind: { type: 'string', hint: 'ticket|work_order|task|general', required: true },
      title: { type: 'string', hint: 'TITLE', required: true },
      reference: { type: 'string', hint: 'REF' },
      customer: { type: 'string', hint: 'NAME' },
      contract: { type: 'string', hint: 'NAME' },
      'non-billable': { type: 'boolean', hint: '' },
      'ticket-url': { type: 'string', hint: 'URL' },
    },
    run: async ({ reference, io }, values) => {
      const item = await reference.addWorkItem({
        ticketUrl: text(values, 'ticket-url') || null,
        kind: text(values, 'kind') as 'ticket',
        title: text(values, 'title'),
        reference: text(values, 'reference') || null,
        customer: text(values, 'customer') || null,
        contract: text(values, 'contract') || null,
        billable: !flagValue(values, 'non-billable'),
      })
      io.err(`Added ${item.reference ? `${item.reference} ` : ''}"${item.title}".`)
    },
  },
  {
    words: ['activity', 'add'],
    summary: 'add an activity type (--default makes it the one new time gets)',
    options: { name: { type: 'string', hint: 'NAME', required: true }, default: { type: 'boolean', hint: '' } },
    run: async ({ reference, io }, values) => {
      const type = await reference.addActivityType({ name: text(values, 'name'), isDefault: flagValue(values, 'default') })
      io.err(`Added the activity type ${type.name}${type.isDefault ? ' (the default)' : ''}.`)
    },
  },
]

