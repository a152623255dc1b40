// The bodies the role probe sends to the routes that take one, beyond the bodies every
// route gets: good ones, ones that name other people's periods and entries, days that do
// not exist, numbers too large, NUL characters, org data a member may not change.
import { newId } from '@shared/ids'
import type { Probe } from '../support/route-probe'

export interface ProbeIds {
  tess: string
  mo: string
  tessPeriod: string
  moPeriod: string
  customerId: string
  workItemId: string
  defaultActivityType: string
}

type Body = Omit<Probe, 'method' | 'url'>

const T = Date.UTC(2026, 10, 20, 9, 0)

function entry(over: Record<string, unknown> = {}) {
  return { id: `probe-${newId()}`, day: '2026-11-18', workItemId: null, activityTypeId: null, billable: true, description: 'probe', source: 'grid', rawSeconds: 600, roundedSeconds: 600, updatedAt: T, deletedAt: null, ...over }
}

const push = (label: string, mutations: unknown[]): Body => ({ label, json: { deviceId: 'probe', mutations } })
const put = (over: Record<string, unknown> = {}, baseVersion: number | null = null) => ({ id: newId(), type: 'entry.put', baseVersion, entry: entry(over) })

function pushBodies(ids: ProbeIds): Body[] {
  const twice = newId()
  return [
    push('an entry of one’s own', [put()]),
    push('a day that does not exist', [put({ day: '2026-02-30' })]),
    push('numbers too large', [put({ rawSeconds: 1e20, roundedSeconds: 2 ** 53, updatedAt: 1e300 })]),
    push('a NUL in a description', [put({ description: 'a\u0000b' })]),
    push('someone else’s entry', [put({ id: 'mo-1', day: '2026-11-10', description: 'taken over' }, 2)]),
    push('someone else’s entry, tombstoned', [put({ id: 'mo-1', day: '2026-11-10', deletedAt: T }, 2)]),
    push('a contract with 100,000 included hours', [{ id: newId(), type: 'contract.put', baseVersion: null, contract: { id: `c-${newId()}`, customerId: ids.customerId, name: 'Unlimited', includedMinutes: 6_000_000, updatedAt: T, deletedAt: null } }]),
    push('a contract with more minutes than a column holds', [{ id: newId(), type: 'contract.put', baseVersion: null, contract: { id: `c-${newId()}`, customerId: ids.customerId, name: 'Overflow', includedMinutes: 2 ** 40, updatedAt: T, deletedAt: null } }]),
    push('the default activity type switched off', [{ id: newId(), type: 'activityType.put', baseVersion: 1, activityType: { id: ids.defaultActivityType, name: 'Remote support', active: true, isDefault: false, updatedAt: T, deletedAt: null } }]),
    push('a new default activity type', [{ id: newId(), type: 'activityType.put', baseVersion: null, activityType: { id: `a-${newId()}`, name: `Probe ${newId()}`, active: true, isDefault: true, updatedAt: T, deletedAt: null } }]),
    push('an admin’s work item renamed', [{ id: newId(), type: 'workItem.put', baseVersion: 1, item: { id: ids.workItemId, kind: 'ticket', reference: 'HD-7', title: 'Mine now', customerId: ids.customerId, contractId: null, billable: true, active: true, updatedAt: T, deletedAt: null } }]),
    push('a work item on a contract that does not exist', [{ id: newId(), type: 'workItem.put', baseVersion: null, item: { id: `w-${newId()}`, kind: 'ticket', reference: `P-${newId().slice(-6)}`, title: 'Probe', customerId: null, contractId: 'no-such-contract', billable: true, active: true, updatedAt: T, deletedAt: null } }]),
    push('a customer put in an organisation', [{ id: newId(), type: 'customer.put', baseVersion: null, customer: { id: `cu-${newId()}`, name: `Probe ${newId()}`, organisation: 'Probe Group', updatedAt: T, deletedAt: null } }]),
    push('a customer with a zero-width space', [{ id: newId(), type: 'customer.put', baseVersion: null, customer: { id: `cu-${newId()}`, name: 'Acme\u200b', organisation: null, updatedAt: T, deletedAt: null } }]),
    push('a submission of a day that does not exist', [{ id: newId(), type: 'period.submit', start: '2026-02-30', end: '2026-03-06' }]),
    push('a withdrawal of one’s own period', [{ id: newId(), type: 'period.withdraw', start: '2026-11-09' }]),
    push('a mutation of an unknown type', [{ id: newId(), type: 'user.put', user: { id: ids.mo, role: 'admin' } }]),
    push('a mutation id that is not a UUID', [{ ...put(), id: 'x\u0000' }]),
    push('an entry id with a NUL', [put({ id: 'e\u0000' })]),
    push('an entry on a work item id with a NUL', [put({ workItemId: 'w\u0000' })]),
    push('a customer id with a NUL', [{ id: newId(), type: 'customer.put', baseVersion: null, customer: { id: 'c\u0000', name: `Probe ${newId()}`, organisation: null, updatedAt: T, deletedAt: null } }]),
    push('one mutation id twice in a batch', [
      { ...put(), id: twice },
      { ...put(), id: twice },
    ]),
    push(
      'more mutations than a push carries',
      Array.from({ length: 501 }, () => ({ id: newId(), type: 'period.withdraw', start: '2026-11-09' })),
    ),
  ]
}

const range = { from: '2026-11-01', to: '2026-11-30' }

function reportBodies(ids: ProbeIds): Body[] {
  return [
    { label: 'a report of everyone', json: { ...range, groupBy: ['user', 'day'] } },
    { label: 'a report of someone else', json: { ...range, groupBy: ['user'], filters: { userIds: [ids.mo] } } },
    { label: 'a report on a day that does not exist', json: { from: '2026-02-30', to: '2026-03-01', groupBy: ['day'] } },
    { label: 'a report over ten thousand years', json: { from: '0001-01-01', to: '9999-12-31', groupBy: ['day'] } },
    { label: 'a report with absurd expected hours', json: { ...range, groupBy: ['user'], expectedSeconds: [1e300, -1, 0, 0, 0, 0, 0] } },
    { label: 'a report grouped by nonsense', json: { ...range, groupBy: ['\u0000'] } },
  ]
}

function monthBodies(ids: ProbeIds): Body[] {
  return [
    { label: 'a month view of everyone', json: { month: '2026-11', view: 'entries' } },
    { label: 'a month view of someone else', json: { month: '2026-11', view: 'tickets', filters: { userIds: [ids.mo] } } },
    { label: 'a month that does not exist', json: { month: '2026-13', view: 'customers' } },
  ]
}

function exportBodies(ids: ProbeIds): Body[] {
  return [
    { label: 'an export of everyone’s entries', json: { what: { kind: 'entries', ...range } } },
    { label: 'an export of someone else’s entries', json: { what: { kind: 'entries', ...range, filters: { userIds: [ids.mo] } } } },
    { label: 'an export of a report', json: { what: { kind: 'report', query: { ...range, groupBy: ['user'] } } } },
    { label: 'an export of a month view', json: { what: { kind: 'month', query: { month: '2026-11', view: 'organisations' } } } },
    { label: 'an export of contract usage', json: { what: { kind: 'contractUsage', query: { month: '2026-11' } } } },
    { label: 'an export on a day that does not exist', json: { what: { kind: 'entries', from: '2026-02-29', to: '2026-03-01' } } },
  ]
}

function decisionBodies(ids: ProbeIds): Record<string, Body[]> {
  const periods = (label: string, periodIds: unknown[]): Body => ({ label, json: { periodIds } })
  const withReason = (label: string, periodId: unknown, reason: unknown): Body => ({ label, json: { periodId, reason } })
  const reasoned = [
    withReason('one’s own period', ids.tessPeriod, 'Probe'),
    withReason('someone else’s period', ids.moPeriod, 'Probe'),
    withReason('a period that does not exist', newId(), 'Probe'),
    withReason('a reason with a NUL', ids.tessPeriod, 'a\u0000b'),
    withReason('a reason of 5000 characters', ids.moPeriod, 'x'.repeat(5000)),
    withReason('a period id that is a number', 42, 'Probe'),
  ]
  return {
    '/v1/approvals/approve': [
      periods('one’s own period', [ids.tessPeriod]),
      periods('someone else’s period', [ids.moPeriod]),
      periods('both, and one that does not exist', [ids.tessPeriod, ids.moPeriod, newId()]),
      periods('a NUL id', ['\u0000']),
      periods('201 periods', Array.from({ length: 201 }, () => newId())),
    ],
    '/v1/approvals/reject': reasoned,
    '/v1/admin/periods/reopen': reasoned,
    '/v1/admin/periods/void': reasoned,
  }
}

function adminBodies(): Record<string, Body[]> {
  return {
    '/v1/admin/users': [
      { label: 'a new admin', json: { name: 'Eve', email: 'eve@example.com', role: 'admin' } },
      { label: 'a name with a NUL', json: { name: 'E\u0000ve', email: 'eve2@example.com', role: 'member' } },
    ],
    '/v1/admin/customers/rename': [
      { label: 'a rename', json: { customer: 'Acme', name: 'Acme Renamed' } },
      { label: 'a look-alike', json: { customer: 'Acme Renamed', name: 'ACME' } },
      { label: 'a name with a NUL', json: { customer: 'Acme', name: 'a\u0000' } },
    ],
    '/v1/admin/customers/deactivate': [{ label: 'a customer that does not exist', json: { customer: 'Nobody' } }],
    '/v1/admin/work-items/rename': [
      { label: 'a rename', json: { workItem: 'HD-8', title: 'Scanner renamed' } },
      { label: 'a reference taken', json: { workItem: 'HD-8', reference: 'hd-7' } },
    ],
    '/v1/admin/work-items/deactivate': [{ label: 'a work item', json: { workItem: 'HD-8' } }],
    '/v1/admin/work-items/merge': [
      { label: 'a merge', json: { from: 'HD-8', into: 'HD-7' } },
      { label: 'a merge into itself', json: { from: 'HD-7', into: 'hd-7' } },
    ],
    '/v1/admin/ticket-systems': [
      { label: 'a Redmine', json: { kind: 'redmine', name: 'Redmine', baseUrl: 'https://redmine.example.com', credentials: { apiKey: 'k' } } },
      { label: 'credentials in the address', json: { kind: 'rt', name: 'RT', baseUrl: 'https://u:p@rt.example.com', credentials: { token: 't' } } },
      { label: 'a credential with a NUL', json: { kind: 'rt', name: 'RT', baseUrl: 'https://rt.example.com', credentials: { token: 'a\u0000' } } },
    ],
    '/v1/admin/ticket-systems/update': [{ label: 'a system that does not exist', json: { system: 'Nobody', active: false } }],
    '/v1/admin/ticket-systems/remove': [{ label: 'a system that does not exist', json: { system: 'Nobody' } }],
    '/v1/admin/ticket-systems/map-activity': [{ label: 'an activity type that does not exist', json: { system: 'Redmine', activityType: 'Nothing', activity: '9' } }],
    '/v1/admin/ticket-systems/map-user': [{ label: 'someone else', json: { system: 'Redmine', email: 'mo@example.com', user: '7' } }],
    '/v1/admin/ticket-writes/retry': [
      { label: 'everything', json: {} },
      { label: 'a state that does not exist', json: { state: 'lost' } },
    ],
  }
}

/** Route-specific bodies, keyed by the route's URL as Fastify has it. */
export function bodiesByRoute(ids: ProbeIds): Record<string, Body[]> {
  return {
    '/v1/sync/push': pushBodies(ids),
    '/v1/reports': reportBodies(ids),
    '/v1/reports/month': monthBodies(ids),
    '/v1/exports/csv': exportBodies(ids),
    ...decisionBodies(ids),
    ...adminBodies(),
  }
}
