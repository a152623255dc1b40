// The work item dialog's contract: offered only from the chosen customer's contracts. A
// contract the list does not offer (still loading, or saved with another owner) stays
// visible as it is until the customer changes, so an unrelated edit never drops it.
import type { Contract } from '@shared/work'
import { useT } from '../i18n/i18n-context'

interface ContractFieldProps {
  id: string
  contractId: string
  customerId: string
  customerName: string | undefined
  /** Every contract; those of the chosen customer are offered. */
  contracts: readonly Contract[]
  /** The id of the dialog's problem banner when it is about the contract. */
  problemId: string | undefined
  onChoose: (contractId: string) => void
}

export function ContractField({ id, contractId, customerId, customerName, contracts, problemId, onChoose }: ContractFieldProps) {
  const { t } = useT()
  const helpId = `${id}-help`
  const options = contracts.filter((contract) => contract.customerId === customerId && customerId !== '').sort((a, b) => a.name.localeCompare(b.name))
  const unlisted = contractId !== '' && !options.some((contract) => contract.id === contractId)
  const unlistedName = contracts.find((contract) => contract.id === contractId)?.name ?? t('work.dialog.currentContract')
  const help =
    customerId === ''
      ? t('work.dialog.chooseCustomerFirst')
      : options.length === 0
        ? customerName === undefined
          ? t('work.dialog.thisCustomerNoContracts')
          : t('work.dialog.noContracts', { customer: customerName })
        : null
  const describedBy = [help !== null && helpId, problemId].filter(Boolean).join(' ') || undefined
  return (
    <>
      <label className="field" htmlFor={id}>
        <span>
          {t('work.dialog.contract')} <span className="field__optional">{t('work.dialog.optional')}</span>
        </span>
        <select id={id} value={contractId} disabled={customerId === '' && contractId === ''} onChange={(e) => onChoose(e.target.value)} aria-invalid={problemId !== undefined || undefined} aria-describedby={describedBy}>
          <option value="">{t('work.dialog.noContract')}</option>
          {options.map((contract) => (
            <option key={contract.id} value={contract.id}>
              {contract.name}
            </option>
          ))}
          {unlisted && <option value={contractId}>{unlistedName}</option>}
        </select>
      </label>
      {help && (
        <p id={helpId} className="field__help">
          {help}
        </p>
      )}
    </>
  )
}
