// The words of the notification when the team server decides one of the user's periods:
// a rejection says why, since the person has something to fix.
import type { EventPayload } from '@shared/contract'
import { dayRangeLabel } from '@shared/periods'

export function decisionNotice(decision: EventPayload<'period.decided'>): { title: string; body: string } {
  const span = dayRangeLabel({ start: decision.start, end: decision.end })
  const by = decision.by ? ` by ${decision.by}` : ''
  switch (decision.status) {
    case 'rejected':
      return { title: `Timesheet ${span} was sent back`, body: `Rejected${by}: ${decision.reason ?? 'no reason given'}. Fix it and submit again.` }
    case 'approved':
      return { title: `Timesheet ${span} is approved`, body: `Approved${by}. Its time is now locked.` }
    default:
      return { title: `Timesheet ${span} was reopened`, body: `Reopened${by}${decision.reason ? `: ${decision.reason}` : ''}. You can change it again.` }
  }
}
