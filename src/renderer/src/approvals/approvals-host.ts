// Test data for the approver's views: a queue of two periods and one member's period
// as the team server answers it — two entries summed in one cell, a voided entry, one
// changed and one removed since the rejection, and the period's history.
import type { ApprovalDetail, ApprovalQueueItem } from '@shared/approvals'
import type { EntryWire } from '@shared/sync'

const H = 3600
export const at = (text: string): number => Date.parse(text)

export const TESS = { id: 'u-tess', name: 'Tess Tech', email: 'tess@example.com' }
export const OLAF = { id: 'u-olaf', name: 'Olaf Onsite', email: 'olaf@example.com' }

export const QUEUE: ApprovalQueueItem[] = [
  {
    periodId: 'p-tess',
    member: TESS,
    teams: ['Field'],
    start: '2026-11-16',
    end: '2026-11-22',
    level: 1,
    submittedAt: at('2026-11-23T09:05:00'),
    totalSeconds: 42 * H,
    billableSeconds: 36 * H,
    expectedSeconds: 40 * H,
    resubmitted: true,
  },
  {
    periodId: 'p-olaf',
    member: OLAF,
    teams: ['Field', 'Workshop'],
    start: '2026-11-16',
    end: '2026-11-22',
    level: 2,
    submittedAt: at('2026-11-23T10:30:00'),
    totalSeconds: 30 * H,
    billableSeconds: 0,
    expectedSeconds: 40 * H,
    resubmitted: false,
  },
]

export function entry(patch: Partial<EntryWire> & Pick<EntryWire, 'id' | 'day'>): EntryWire {
  return {
    workItemId: 'w1',
    activityTypeId: 'a1',
    billable: true,
    description: '',
    source: 'grid',
    rawSeconds: patch.roundedSeconds ?? H,
    roundedSeconds: H,
    status: 'submitted',
    version: 1,
    updatedAt: at('2026-11-20T17:00:00'),
    deletedAt: null,
    ...patch,
  }
}

export function tessDetail(patch: Partial<ApprovalDetail> = {}): ApprovalDetail {
  return {
    member: TESS,
    period: {
      id: 'p-tess',
      start: '2026-11-16',
      end: '2026-11-22',
      status: 'submitted',
      level: 1,
      reason: null,
      version: 4,
      updatedAt: at('2026-11-23T09:05:00'),
      events: [
        { id: 'v1', at: at('2026-11-21T16:00:00'), actorName: 'Tess Tech', from: 'open', to: 'submitted', level: null, reason: null },
        { id: 'v2', at: at('2026-11-22T08:00:00'), actorName: 'Abe Approver', from: 'submitted', to: 'rejected', level: 1, reason: 'Tuesday is missing the on-site visit.' },
        { id: 'v3', at: at('2026-11-23T09:05:00'), actorName: 'Tess Tech', from: 'rejected', to: 'submitted', level: null, reason: null },
      ],
    },
    entries: [
      entry({ id: 'e1', day: '2026-11-16', roundedSeconds: 5 * H, description: 'Printer fuser' }),
      entry({ id: 'e2', day: '2026-11-16', roundedSeconds: 3 * H, source: 'timer' }),
      entry({ id: 'e3', day: '2026-11-17', roundedSeconds: 8 * H, description: 'On-site visit', updatedAt: at('2026-11-22T09:00:00') }),
      entry({ id: 'e4', day: '2026-11-18', roundedSeconds: 2 * H, status: 'voided' }),
      entry({ id: 'e5', day: '2026-11-18', workItemId: 'w3', activityTypeId: 'a2', billable: false, roundedSeconds: 6 * H, description: 'Team meeting' }),
    ],
    workItems: [
      { id: 'w1', reference: 'TICKET-1001', title: 'Printer on 2nd floor' },
      { id: 'w3', reference: null, title: 'Team meeting' },
    ],
    activityTypes: [
      { id: 'a1', name: 'Remote support' },
      { id: 'a2', name: 'Meeting' },
    ],
    changedSinceRejection: {
      changed: ['e3'],
      removed: [entry({ id: 'e9', day: '2026-11-19', roundedSeconds: 90 * 60, deletedAt: at('2026-11-22T09:10:00'), description: 'Duplicate' })],
    },
    canDecide: true,
    expectedSeconds: 40 * H,
    ...patch,
  }
}
