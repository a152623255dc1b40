// A dialog around one form: Cancel and a submit button (showing "Saving…" while the host
// answers), Enter in a field submits. Validation and messages stay with each form.
import type { ReactNode } from 'react'
import { Dialog } from './Dialog'

interface FormDialogProps {
  title: string
  description?: ReactNode
  submitLabel: string
  saving?: boolean
  /** The submit button's colour: 'stop' for a decision that sends something back. */
  submitTone?: 'start' | 'stop'
  /** What the submit button says while the host answers. */
  busyLabel?: string
  onSubmit: () => void
  onClose: () => void
  children: ReactNode
}

export function FormDialog({ title, description, submitLabel, saving = false, submitTone = 'start', busyLabel = 'Saving…', onSubmit, onClose, children }: FormDialogProps) {
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={`button button--${submitTone}`} onClick={onSubmit} aria-disabled={saving || undefined}>
            {saving ? busyLabel : submitLabel}
          </button>
        </>
      }
    >
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        {children}
        {/* Lets Enter in a single-line field submit, as in any native form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </form>
    </Dialog>
  )
}
