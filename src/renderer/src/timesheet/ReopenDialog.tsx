// Reopening an approved period (standalone: the person is their own administrator):
// a reason is required, since it goes into the period's history for good.
import { useId, useState } from 'react'
import { FormDialog } from '../ui/FormDialog'

const MAX_REASON = 1000

interface ReopenDialogProps {
  label: string
  /** Reopens; resolves with the host's refusal, or null once the period is open. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function ReopenDialog({ label, onConfirm, onClose }: ReopenDialogProps) {
  const id = useId()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const text = reason.trim()
    if (text === '') {
      setProblem('Give a reason: it goes into the period’s history.')
      document.getElementById(`${id}-reason`)?.focus()
      return
    }
    if (text.length > MAX_REASON) {
      setProblem(`A reason can be at most ${MAX_REASON} characters (this one has ${text.length}).`)
      return
    }
    setBusy(true)
    setProblem(await onConfirm(text))
    setBusy(false)
  }

  return (
    <FormDialog
      title={`Reopen ${label}?`}
      description="The period becomes editable again and its time goes back to draft. Submit it again when it is ready."
      submitLabel="Reopen period"
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
          onChange={(e) => setReason(e.target.value)}
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
          For example: “Forgot the on-call hours on Sunday.” It is kept in the period’s history.
        </p>
      )}
    </FormDialog>
  )
}
