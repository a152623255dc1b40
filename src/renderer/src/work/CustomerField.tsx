// The work item dialog's customer: choose one, or add a new one right there (Enter adds it
// and never submits the dialog half-done); the host's refusal of a new name is shown under it.
import { useState } from 'react'
import type { Customer } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'

interface CustomerFieldProps {
  id: string
  customerId: string
  /** Sorted by name, with those added here already in. */
  options: readonly Customer[]
  /** The id of the dialog's problem banner when it is about the customer. */
  problemId: string | undefined
  onChoose: (customerId: string) => void
  onAdded: (customer: Customer) => void | Promise<void>
}

export function CustomerField({ id, customerId, options, problemId, onChoose, onAdded }: CustomerFieldProps) {
  const client = useClient()
  const { t } = useT()
  const [newCustomer, setNewCustomer] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const newProblemId = `${id}-new-problem`

  const add = async () => {
    const name = newCustomer.trim()
    if (name === '') {
      setProblem(t('work.dialog.noCustomerName'))
      return
    }
    setAdding(true)
    try {
      const customer = await client.work.createCustomer({ name })
      setNewCustomer('')
      setProblem(null)
      await onAdded(customer)
    } catch (error) {
      setProblem((error as Error).message)
    } finally {
      setAdding(false)
    }
  }

  return (
    <>
      <label className="field" htmlFor={id}>
        <span>{t('work.customer')}</span>
        <select id={id} value={customerId} onChange={(e) => onChoose(e.target.value)} aria-invalid={problemId !== undefined || undefined} aria-describedby={problemId}>
          <option value="">{t('work.dialog.noCustomer')}</option>
          {options.map((customer) => (
            <option key={customer.id} value={customer.id}>
              {customer.name}
            </option>
          ))}
        </select>
      </label>
      <div className="inline-form">
        <label className="field" htmlFor={`${id}-new`}>
          <span>{t('work.customers.new')}</span>
          <input
            id={`${id}-new`}
            value={newCustomer}
            maxLength={120}
            autoComplete="off"
            placeholder={t('work.dialog.newCustomerHint')}
            onChange={(e) => setNewCustomer(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void add()
              }
            }}
            aria-invalid={problem !== null || undefined}
            aria-describedby={problem !== null ? newProblemId : undefined}
          />
        </label>
        <button type="button" className="button button--secondary" onClick={() => void add()} aria-disabled={adding || undefined}>
          {t('work.customers.add')}
        </button>
      </div>
      {problem && (
        <p id={newProblemId} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}
