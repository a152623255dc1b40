// A modal dialog on the native <dialog> element: the browser traps focus, Esc closes,
// and the page behind is inert — no hand-written focus management to get wrong.
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react'

interface DialogProps {
  title: string
  /** A sentence under the title, read out with it. */
  description?: ReactNode
  onClose: () => void
  children: ReactNode
  /** The buttons row at the bottom. */
  actions: ReactNode
  /** Esc and the backdrop close the dialog only when the question may be left unanswered. */
  dismissable?: boolean
}

export function Dialog({ title, description, onClose, children, actions, dismissable = true }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  // A layout effect: its cleanup closes the dialog while it is still in the page, so the
  // browser can give the focus back to whatever opened it.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) {
      dialog.showModal()
      // The safe choice has the focus, so Enter never does something drastic by accident.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        event.preventDefault()
        if (dismissable) onClose()
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {description && (
        <div id={descriptionId} className="dialog__description">
          {description}
        </div>
      )}
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">{actions}</div>
    </dialog>
  )
}
