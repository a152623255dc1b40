// Reopening an approved period (standalone: the person is their own administrator):
// a reason is required, since it goes into the period's history for good.
import { ReasonDialog } from '../ui/ReasonDialog'

interface ReopenDialogProps {
  label: string
  /** Reopens; resolves with the host's refusal, or null once the period is open. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function ReopenDialog({ label, onConfirm, onClose }: ReopenDialogProps) {
  return (
    <ReasonDialog
      title={`Reopen ${label}?`}
      description="The period becomes editable again and its time goes back to draft. Submit it again when it is ready."
      submitLabel="Reopen period"
      whyNeeded="Give a reason: it goes into the period’s history."
      help="For example: “Forgot the on-call hours on Sunday.” It is kept in the period’s history."
      onConfirm={onConfirm}
      onClose={onClose}
    />
  )
}
