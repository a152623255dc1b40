// Rejecting a period: the reason is required, since it goes back to the member with
// the period and into its history for good. The server's refusal stays in the dialog.
import { useId, useState } from 'react'
import { MAX_REASON_LENGTH } from '@shared/period-workflow'
import { FormDialog } from '../ui/FormDialog'

interface RejectDialogProps {
  /** "Tess Tech’s period 16–22 Nov 2026" */
  name: string
  memberName: string
  /** Rejects; resolves with the refusal to show, or null once the period went back. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function RejectDialog({ name, memberName, onConfirm, onClose }: RejectDialogProps) {
  const id = useId()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const text = reason.trim()
    setRefusal(null)
    if (text === '') {
      setProblem(`Give a reason: ${memberName} sees it on the period and needs it to know what to fix.`)
      document.getElementById(`${id}-reason`)?.focus()
      return
    }
    if (text.length > MAX_REASON_LENGTH) {
      setProblem(`A reason can be at most ${MAX_REASON_LENGTH} characters (this one has ${text.length}).`)
      document.getElementById(`${id}-reason`)?.focus()
      return
    }
    setProblem(null)
    setBusy(true)
    const refused = await onConfirm(text)
    setBusy(false)
    setRefusal(refused)
  }

  return (
    <FormDialog
      title={`Reject ${name}?`}
      description={`The period goes back to ${memberName} with your reason, open to change and submit again.`}
      submitLabel="Reject period"
      busyLabel="Rejecting…"
      submitTone="stop"
      saving={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          maxLength={MAX_REASON_LENGTH + 200}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            // Enter starts a new line in a reason; Ctrl+Enter sends it.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault()
              void submit()
            }
          }}
          aria-keyshortcuts="Control+Enter"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : `${id}-help`}
          data-autofocus
        />
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      ) : (
        <p id={`${id}-help`} className="field__help">
          Say what to change, for example: “Wednesday’s on-site visit is missing.” <kbd>Ctrl</kbd>+<kbd>Enter</kbd> rejects.
        </p>
      )}
      {refusal && (
        <div className="banner banner--error" role="alert">
          <span>{refusal}</span>
        </div>
      )}
    </FormDialog>
  )
}
