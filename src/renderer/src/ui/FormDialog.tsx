// A dialog around one form: Cancel and a submit button (showing "Saving…" while the host
// answers), Enter in a field submits. Validation and messages stay with each form.
import type { ReactNode } from 'react'
import { Dialog } from './Dialog'

interface FormDialogProps {
  title: string
  description?: ReactNode
  submitLabel: string
  saving?: boolean
  onSubmit: () => void
  onClose: () => void
  children: ReactNode
}

export function FormDialog({ title, description, submitLabel, saving = false, onSubmit, onClose, children }: FormDialogProps) {
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
          <button type="button" className="button button--start" onClick={onSubmit} aria-disabled={saving || undefined}>
            {saving ? 'Saving…' : submitLabel}
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
