// Adding a ticket system in Settings → Ticket systems: kind, name, address, and the
// credential fields the kind's connector takes (entered as passwords, sent once, never shown).
import { useId, useState, type SyntheticEvent } from 'react'
import { TICKET_SYSTEM_KINDS, type TicketSystemKind } from '@shared/ticket-systems/connector'
import { CREDENTIAL_FIELDS } from '@shared/ticket-systems/local-systems'
import { useT } from '../i18n/i18n-context'

const KIND_NAMES: Record<TicketSystemKind, string> = { redmine: 'Redmine', rt: 'Request Tracker', zammad: 'Zammad', jira: 'Jira', glpi: 'GLPI', freshdesk: 'Freshdesk' }

export interface AddTicketSystemInput {
  kind: TicketSystemKind
  name: string
  baseUrl: string
  credentials: Record<string, string>
}

/** `onAdd` answers whether the host took it; only then is the form emptied. */
export function AddTicketSystemForm({ onAdd }: { onAdd: (input: AddTicketSystemInput) => Promise<boolean> }) {
  const { t } = useT()
  const id = useId()
  const [kind, setKind] = useState<TicketSystemKind>('redmine')
  const [name, setName] = useState('')
  const [baseUrl, setBaseUrl] = useState('')
  const [credentials, setCredentials] = useState<Record<string, string>>({})

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    const fields = CREDENTIAL_FIELDS[kind] as readonly string[]
    const picked = Object.fromEntries(fields.map((field) => [field, credentials[field] ?? '']))
    void onAdd({ kind, name: name.trim() || KIND_NAMES[kind], baseUrl, credentials: picked }).then((added) => {
      if (!added) return
      setName('')
      setBaseUrl('')
      setCredentials({})
    })
  }

  return (
    <form className="ticket-systems__add" aria-labelledby={`${id}-add`} onSubmit={submit}>
      <h3 id={`${id}-add`} className="ticket-systems__subtitle">
        {t('settings.tickets.addTitle')}
      </h3>
      <div className="form__row">
        <label className="field">
          <span>{t('settings.tickets.kind')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as TicketSystemKind)}>
            {TICKET_SYSTEM_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('settings.tickets.name')}</span>
          <input value={name} placeholder={KIND_NAMES[kind]} onChange={(event) => setName(event.target.value)} />
        </label>
      </div>
      <div className="form__row">
        <label className="field">
          <span>{t('settings.tickets.baseUrl')}</span>
          <input type="url" required value={baseUrl} placeholder="https://redmine.example.com" onChange={(event) => setBaseUrl(event.target.value)} />
        </label>
        {CREDENTIAL_FIELDS[kind].map((field) => (
          <label key={field} className="field">
            <span>{t('settings.tickets.credential', { field })}</span>
            <input type="password" autoComplete="off" required value={credentials[field] ?? ''} onChange={(event) => setCredentials({ ...credentials, [field]: event.target.value })} />
          </label>
        ))}
      </div>
      <div>
        <button type="submit" className="button button--start">
          {t('settings.tickets.add')}
        </button>
      </div>
    </form>
  )
}
