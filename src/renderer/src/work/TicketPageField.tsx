// A work item's ticket page (https://redmine.example.com/issues/42): where approved time is
// written back and how the browser extension finds the ticket's timer. The host checks the
// address (src/shared/ticket-url.ts); its refusal is shown by the dialog and marks this field.
// A text field, not type=url: the browser's own bubble would speak before Stint's sentence.
import { useT } from '../i18n/i18n-context'

interface TicketPageFieldProps {
  id: string
  value: string
  onChange: (value: string) => void
  /** The id of the dialog's refusal when it is about this field. */
  problemId: string | undefined
}

export function TicketPageField({ id, value, onChange, problemId }: TicketPageFieldProps) {
  const { t } = useT()
  const helpId = `${id}-help`
  return (
    <>
      <label className="field" htmlFor={id}>
        <span>
          {t('work.dialog.ticketPage')} <span className="field__optional">{t('work.dialog.optional')}</span>
        </span>
        <input
          id={id}
          inputMode="url"
          value={value}
          maxLength={2048}
          placeholder={t('work.dialog.ticketPageExample')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={problemId !== undefined || undefined}
          aria-describedby={[helpId, problemId].filter(Boolean).join(' ')}
        />
      </label>
      <p id={helpId} className="field__help">
        {t('work.dialog.ticketPageHelp')}
      </p>
    </>
  )
}
