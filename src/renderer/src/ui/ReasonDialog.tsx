// A decision that needs a reason (rejecting, reopening): the reason is required and
// kept in the period's history for good, so an empty or overlong one is explained at
// the field; Enter starts a new line, Ctrl/Cmd+Enter confirms; the host's refusal
// stays in the dialog beside what was typed.
import { useId, useState, type ReactNode } from 'react'
import { MAX_REASON_LENGTH } from '@shared/period-workflow'
import { useT } from '../i18n/i18n-context'
import { FormDialog } from './FormDialog'

interface ReasonDialogProps {
  title: string
  description: string
  submitLabel: string
  busyLabel?: string
  submitTone?: 'stop'
  /** Said when the reason is empty: why it is needed. */
  whyNeeded: string
  /** The hint under the field (an example reason). */
  help: ReactNode
  /** Confirms; resolves with the refusal to show, or null when done. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function ReasonDialog({ title, description, submitLabel, busyLabel, submitTone, whyNeeded, help, onConfirm, onClose }: ReasonDialogProps) {
  const id = useId()
  const { t } = useT()
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    const text = reason.trim()
    setRefusal(null)
    // The numbers as the server's own sentence writes them (period-workflow.ts), without grouping.
    const invalid = text === '' ? whyNeeded : text.length > MAX_REASON_LENGTH ? t('dialog.reasonTooLong', { max: String(MAX_REASON_LENGTH), length: String(text.length) }) : null
    setProblem(invalid)
    if (invalid) {
      document.getElementById(`${id}-reason`)?.focus()
      return
    }
    setBusy(true)
    const refused = await onConfirm(text)
    setBusy(false)
    setRefusal(refused)
  }

  return (
    <FormDialog
      title={title}
      description={description}
      submitLabel={submitLabel}
      {...(busyLabel ? { busyLabel } : {})}
      {...(submitTone ? { submitTone } : {})}
      saving={busy}
      onSubmit={() => void submit()}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('dialog.reason')}</label>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          maxLength={MAX_REASON_LENGTH + 200}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
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
          {help}
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
