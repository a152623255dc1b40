// Contracts: each belongs to a customer and may include a number of hours. A table of
// them and a one-row form to add one; what the host refuses is shown under the form,
// which keeps everything typed so the fix is one edit away.
import { useId, useRef, useState } from 'react'
import type { Contract, Customer } from '@shared/work'
import { useClient } from '../client-context'
import { formatIncludedHours, parseIncludedHours } from './contract-hours'
import { endSentence } from '@shared/sentence'
import { useT } from '../i18n/i18n-context'
import './contracts.css'

interface ContractsPanelProps {
  contracts: readonly Contract[]
  customers: readonly Customer[]
  loaded: boolean
  /** Why the list could not be loaded, if it could not. */
  error: string | null
  onRetry: () => void | Promise<void>
  onCreated: (contract: Contract) => void | Promise<void>
}

type Field = 'customer' | 'name' | 'hours'
type Problems = Partial<Record<Field, string>>

const NAME_MAX = 120

export function ContractsPanel({ contracts, customers, loaded, error, onRetry, onCreated }: ContractsPanelProps) {
  const client = useClient()
  const id = useId()
  const translator = useT()
  const { t, locale } = translator
  const [customerId, setCustomerId] = useState('')
  const [name, setName] = useState('')
  const [hours, setHours] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [hostProblem, setHostProblem] = useState<{ message: string; field: Field | null } | null>(null)
  const [done, setDone] = useState('')
  const [adding, setAdding] = useState(false)
  const customerRef = useRef<HTMLSelectElement>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  const hoursRef = useRef<HTMLInputElement>(null)

  const customerName = (customerId: string) => customers.find((c) => c.id === customerId)?.name ?? null
  const rows = [...contracts].sort(
    (a, b) => (customerName(a.customerId) ?? '').localeCompare(customerName(b.customerId) ?? '') || a.name.localeCompare(b.name),
  )

  const add = async () => {
    if (adding) return
    const cleanName = name.trim()
    const parsed = parseIncludedHours(hours, translator)
    const found: Problems = {}
    if (customerId === '') found.customer = t('work.contracts.noCustomer')
    if (cleanName === '') found.name = t('work.contracts.noName')
    else if (cleanName.length > NAME_MAX) found.name = t('work.contracts.nameTooLong', { max: NAME_MAX })
    if (!parsed.ok) found.hours = parsed.problem
    setProblems(found)
    setHostProblem(null)
    const first = (['customer', 'name', 'hours'] as const).find((field) => found[field])
    if (first !== undefined || !parsed.ok) {
      const refs = { customer: customerRef, name: nameRef, hours: hoursRef }
      if (first !== undefined) refs[first].current?.focus()
      return
    }
    setAdding(true)
    setDone('')
    try {
      const contract = await client.work.createContract({ customerId, name: cleanName, includedMinutes: parsed.minutes })
      setName('')
      setHours('')
      const owner = customerName(contract.customerId)
      setDone(endSentence(owner === null ? t('work.contracts.addedForCustomer', { name: contract.name }) : t('work.contracts.added', { name: contract.name, customer: owner })))
      await onCreated(contract)
    } catch (error) {
      const message = (error as Error).message
      setHostProblem({ message, field: /customer/i.test(message) ? 'customer' : /hour|minute/i.test(message) ? 'hours' : /name/i.test(message) ? 'name' : null })
    } finally {
      setAdding(false)
    }
  }

  const problemId = (field: Field) => `${id}-${field}-problem`
  const hostProblemId = `${id}-host-problem`
  const invalid = (field: Field) => (problems[field] !== undefined || hostProblem?.field === field ? true : undefined)
  const describe = (field: Field, ...more: string[]) =>
    [...more, problems[field] !== undefined && problemId(field), hostProblem?.field === field && hostProblemId].filter(Boolean).join(' ') || undefined
  const edited = (field: Field) => {
    if (problems[field] !== undefined) setProblems((previous) => ({ ...previous, [field]: undefined }))
    if (hostProblem?.field === field) setHostProblem(null)
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('work.contracts.title')}
        </h2>
        <p className="panel__status" role="status">
          {done}
        </p>
      </div>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{t('work.contracts.loadFailed', { reason: error })}</span>
          <button type="button" className="button button--ghost" onClick={() => void onRetry()}>
            {t('work.tryAgain')}
          </button>
        </div>
      )}
      {rows.length === 0 ? (
        !error && <p className="muted">{loaded ? t('work.contracts.none') : t('work.loading')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table contracts-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('work.contracts.contract')}</th>
                <th scope="col">{t('work.customer')}</th>
                <th scope="col" className="num">
                  {t('work.contracts.included')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((contract) => {
                const included = formatIncludedHours(contract.includedMinutes, locale)
                return (
                  <tr key={contract.id}>
                    <th scope="row" className="table__name">
                      {contract.name}
                    </th>
                    <td>{customerName(contract.customerId) ?? <span className="muted">{t('work.contracts.unknownCustomer')}</span>}</td>
                    <td className="num">
                      {included ?? (
                        <>
                          <span className="muted" aria-hidden="true">
                            —
                          </span>
                          <span className="visually-hidden">{t('work.contracts.noHours')}</span>
                        </>
                      )}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}

      {customers.length === 0 ? (
        loaded && <p className="note">{t('work.contracts.customerFirst')}</p>
      ) : (
        <form
          className="contract-form"
          aria-labelledby={`${id}-new`}
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void add()
          }}
        >
          <h3 id={`${id}-new`} className="contract-form__title">
            {t('work.contracts.new')}
          </h3>
          <div className="contract-form__fields">
            <label className="field" htmlFor={`${id}-customer`}>
              <span>{t('work.customer')}</span>
              <select
                ref={customerRef}
                id={`${id}-customer`}
                value={customerId}
                aria-required="true"
                onChange={(e) => {
                  setCustomerId(e.target.value)
                  edited('customer')
                }}
                aria-invalid={invalid('customer')}
                aria-describedby={describe('customer')}
              >
                <option value="">{t('work.contracts.chooseCustomer')}</option>
                {[...customers]
                  .sort((a, b) => a.name.localeCompare(b.name))
                  .map((customer) => (
                    <option key={customer.id} value={customer.id}>
                      {customer.name}
                    </option>
                  ))}
              </select>
            </label>
            <label className="field" htmlFor={`${id}-name`}>
              <span>{t('work.contracts.name')}</span>
              <input
                ref={nameRef}
                id={`${id}-name`}
                value={name}
                maxLength={NAME_MAX}
                autoComplete="off"
                placeholder={t('work.contracts.nameExample')}
                aria-required="true"
                onChange={(e) => {
                  setName(e.target.value)
                  edited('name')
                }}
                aria-invalid={invalid('name')}
                aria-describedby={describe('name')}
              />
            </label>
            <label className="field" htmlFor={`${id}-hours`}>
              <span>
                {t('work.contracts.included')} <span className="field__optional">{t('work.dialog.optional')}</span>
              </span>
              <input
                ref={hoursRef}
                id={`${id}-hours`}
                value={hours}
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                placeholder={t('work.contracts.hoursExample')}
                onChange={(e) => {
                  setHours(e.target.value)
                  edited('hours')
                }}
                aria-invalid={invalid('hours')}
                aria-describedby={describe('hours')}
              />
            </label>
            <button type="submit" className="button button--secondary" aria-disabled={adding || undefined}>
              {adding ? t('work.contracts.adding') : t('work.contracts.add')}
            </button>
          </div>
          {(['customer', 'name', 'hours'] as const).map(
            (field) =>
              problems[field] !== undefined && (
                <p key={field} id={problemId(field)} className="field__error" role="alert">
                  {problems[field]}
                </p>
              ),
          )}
          {hostProblem && (
            <div id={hostProblemId} className="banner banner--error" role="alert">
              <span>{hostProblem.message}</span>
            </div>
          )}
        </form>
      )}
    </section>
  )
}
