// Rejecting a period: the reason is required, since it goes back to the member with
// the period and into its history for good. The server's refusal stays in the dialog.
import { ReasonDialog } from '../ui/ReasonDialog'

interface RejectDialogProps {
  /** "Tess Tech’s period 16–22 Nov 2026" */
  name: string
  memberName: string
  /** Rejects; resolves with the refusal to show, or null once the period went back. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function RejectDialog({ name, memberName, onConfirm, onClose }: RejectDialogProps) {
  return (
    <ReasonDialog
      title={`Reject ${name}?`}
      description={`The period goes back to ${memberName} with your reason, open to change and submit again.`}
      submitLabel="Reject period"
      busyLabel="Rejecting…"
      submitTone="stop"
      whyNeeded={`Give a reason: ${memberName} sees it on the period and needs it to know what to fix.`}
      help={
        <>
          Say what to change, for example: “Wednesday’s on-site visit is missing.” <kbd>Ctrl</kbd>+<kbd>Enter</kbd> rejects.
        </>
      }
      onConfirm={onConfirm}
      onClose={onClose}
    />
  )
}
