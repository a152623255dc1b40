// Approvals: the queue of periods waiting for this approver (#approvals) and one
// member's period to review and decide (#approvals/<period id>). Both need the team
// server; when it cannot be reached they say so with the host's sentence and a way to
// try again. The queue is kept while a period is open, so coming back is instant.
import { useState } from 'react'
import { useClient } from '../client-context'
import { ApprovalDetailPage } from '../approvals/ApprovalDetailPage'
import { ApprovalQueue } from '../approvals/ApprovalQueue'
import type { DecisionOutcome } from '../approvals/DecisionOutcome'
import { useApprovalQueue } from '../approvals/use-approval-queue'
import { hrefOf } from '../routes'
import { useDisplayUnit } from '../timesheet/use-timesheet-settings'
import '../approvals/approvals.css'

export function ApprovalsView({ periodId }: { periodId: string | null }) {
  const client = useClient()
  const unit = useDisplayUnit(client)
  const queue = useApprovalQueue(client)
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null)
  const [shownFor, setShownFor] = useState(periodId)
  if (periodId !== shownFor) {
    // A period opened anew: the last decision's report belongs to the queue as it was.
    setShownFor(periodId)
    if (periodId) setOutcome(null)
  }

  if (periodId) {
    return (
      <ApprovalDetailPage
        key={periodId}
        periodId={periodId}
        item={queue.items?.find((i) => i.periodId === periodId)}
        unit={unit}
        onDecided={(decided) => {
          setOutcome(decided)
          queue.reload()
          window.location.hash = hrefOf('approvals')
        }}
      />
    )
  }
  return <ApprovalQueue queue={queue} unit={unit} outcome={outcome} onOutcome={setOutcome} />
}
