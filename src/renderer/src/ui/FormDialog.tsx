// A dialog around one form: Cancel and a submit button (showing "Saving…" while the host
// answers, both in the window's language), Enter in a field submits. Validation and messages stay with each form.
import type { ReactNode } from 'react'
import { useT } from '../i18n/i18n-context'
import { Dialog } from './Dialog'

interface FormDialogProps {
  title: string
  description?: ReactNode
  submitLabel: string
  saving?: boolean
  /** The submit button's colour: 'stop' for a decision that sends something back. */
  submitTone?: 'start' | 'stop'
  /** What the submit button says while the host answers ("Saving…" in the window's language when not given). */
  busyLabel?: string
  onSubmit: () => void
  onClose: () => void
  children: ReactNode
}

export function FormDialog({ title, description, submitLabel, saving = false, submitTone = 'start', busyLabel, onSubmit, onClose, children }: FormDialogProps) {
  const { t } = useT()
  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t('dialog.cancel')}
          </button>
          <button type="button" className={`button button--${submitTone}`} onClick={onSubmit} aria-disabled={saving || undefined}>
            {saving ? (busyLabel ?? t('dialog.saving')) : submitLabel}
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
