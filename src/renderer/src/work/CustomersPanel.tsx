// The customers work items can belong to: a short list and a small form to add one, with
// the organisation it belongs to (optional), by which month views and reports sum time.
import { useId, useState } from 'react'
import type { Customer, WorkItem } from '@shared/work'
import { useClient } from '../client-context'
import { endSentence } from '@shared/sentence'
import { useT } from '../i18n/i18n-context'
import './work.css'

interface CustomersPanelProps {
  customers: readonly Customer[]
  workItems: readonly WorkItem[]
  onCreated: (customer: Customer) => void | Promise<void>
}

export function CustomersPanel({ customers, workItems, onCreated }: CustomersPanelProps) {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState('')
  const [adding, setAdding] = useState(false)

  const add = async () => {
    if (adding) return
    const clean = name.trim()
    if (clean === '') {
      setProblem(t('work.customers.noName'))
      return
    }
    setAdding(true)
    setDone('')
    try {
      const group = organisation.trim()
      const customer = await client.work.createCustomer(group === '' ? { name: clean } : { name: clean, organisation: group })
      setName('')
      setOrganisation('')
      setProblem(null)
      setDone(endSentence(t('work.customers.added', { name: customer.name })))
      await onCreated(customer)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setAdding(false)
    }
  }

  const itemCount = (customerId: string) => workItems.filter((item) => item.customerId === customerId).length

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('work.customers.title')}
        </h2>
        <p className="panel__status" role="status">
          {done}
        </p>
      </div>
      {customers.length === 0 ? (
        <p className="muted">{t('work.customers.none')}</p>
      ) : (
        <ul className="name-list">
          {customers.map((customer) => {
            const count = itemCount(customer.id)
            return (
              <li key={customer.id}>
                <span>
                  {customer.name}
                  {customer.organisation !== null && <span className="muted"> · {customer.organisation}</span>}
                </span>
                <span className="muted">
                  {t('work.customers.items', { count })}
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void add()
        }}
      >
        <label className="field" htmlFor={`${id}-name`}>
          <span>{t('work.customers.new')}</span>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={120}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
        </label>
        <label className="field" htmlFor={`${id}-organisation`}>
          <span>{t('work.customers.organisation')}</span>
          <input
            id={`${id}-organisation`}
            value={organisation}
            maxLength={120}
            autoComplete="off"
            placeholder={t('work.customers.organisationExample')}
            onChange={(e) => setOrganisation(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--secondary" aria-disabled={adding || undefined}>
          {t('work.customers.add')}
        </button>
      </form>
      {problem && (
        <p id={`${id}-problem`} className="field__error field__error--after-inline" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
