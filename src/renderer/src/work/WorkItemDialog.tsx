// Create or edit one work item. What the host refuses (a reference already in use, a
// customer gone meanwhile) is shown inside the dialog, which stays open with everything
// typed so far, so the fix is one edit away. A contract is offered only from the chosen
// customer's contracts, and choosing another customer lets go of one that is not theirs.
import { useId, useRef, useState } from 'react'
import { ApiCallError } from '@shared/errors'
import { WorkItemKindSchema, type Contract, type Customer, type WorkItem, type WorkItemInput, type WorkItemKind } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { FormDialog } from '../ui/FormDialog'
import { ContractField } from './ContractField'
import { CustomerField } from './CustomerField'
import { TicketPageField } from './TicketPageField'

interface WorkItemDialogProps {
  /** null creates a new work item. */
  item: WorkItem | null
  customers: readonly Customer[]
  /** Every contract; the dialog offers those of the chosen customer. */
  contracts: readonly Contract[]
  onSaved: (item: WorkItem) => void | Promise<void>
  /** A customer was added from inside the dialog; the list behind should learn it. */
  onCustomerCreated: (customer: Customer) => void | Promise<void>
  onClose: () => void
}

/** General activities (admin, meetings) are rarely billed; everything else usually is. */
const billableByDefault = (kind: WorkItemKind) => kind !== 'general'

type Field = 'title' | 'reference' | 'ticketUrl' | 'customer' | 'contract'

/** Which field a refusal from the host is about, so that field is marked too. */
function fieldOf(error: unknown): Field | null {
  if (!(error instanceof ApiCallError)) return null
  const path = error.issues?.[0]?.path ?? ''
  if (path.startsWith('title')) return 'title'
  if (path.startsWith('ticketUrl') || path.startsWith('item.ticketUrl')) return 'ticketUrl'
  if (path.startsWith('reference') || error.code === 'conflict') return 'reference'
  // Before the customer: "That contract belongs to another customer" is about the contract.
  if (path.startsWith('contract') || /contract/i.test(error.message)) return 'contract'
  if (path.startsWith('customer') || /customer/i.test(error.message)) return 'customer'
  return null
}

export function WorkItemDialog({ item, customers, contracts, onSaved, onCustomerCreated, onClose }: WorkItemDialogProps) {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const titleRef = useRef<HTMLInputElement>(null)
  const [kind, setKind] = useState<WorkItemKind>(item?.kind ?? 'ticket')
  const [reference, setReference] = useState(item?.reference ?? '')
  const [title, setTitle] = useState(item?.title ?? '')
  const [ticketUrl, setTicketUrl] = useState(item?.ticketUrl ?? '')
  const [customerId, setCustomerId] = useState(item?.customerId ?? '')
  const [contractId, setContractId] = useState(item?.contractId ?? '')
  const [billable, setBillable] = useState(item?.billable ?? true)
  const [billableChosen, setBillableChosen] = useState(item !== null)
  const [active, setActive] = useState(item?.active ?? true)
  const [titleProblem, setTitleProblem] = useState<string | null>(null)
  const [hostProblem, setHostProblem] = useState<{ message: string; field: Field | null } | null>(null)
  const [saving, setSaving] = useState(false)
  // Customers added here, shown at once even before the shared list has reloaded.
  const [addedCustomers, setAddedCustomers] = useState<Customer[]>([])

  const customerOptions = [...customers, ...addedCustomers.filter((added) => !customers.some((c) => c.id === added.id))].sort((a, b) => a.name.localeCompare(b.name))
  const problemId = `${id}-problem`
  const titleProblemId = `${id}-title-problem`
  const chosenCustomerName = customerOptions.find((customer) => customer.id === customerId)?.name

  const chooseCustomer = (value: string) => {
    setCustomerId(value)
    const owner = contracts.find((contract) => contract.id === contractId)?.customerId
    if (contractId !== '' && (value === '' || owner !== value)) setContractId('')
  }

  const chooseKind = (value: WorkItemKind) => {
    setKind(value)
    if (!billableChosen) setBillable(billableByDefault(value))
  }

  const save = async () => {
    if (saving) return
    const cleanTitle = title.trim()
    if (cleanTitle === '') {
      setTitleProblem(t('work.dialog.noTitle'))
      titleRef.current?.focus()
      return
    }
    setTitleProblem(null)
    setHostProblem(null)
    const input: WorkItemInput = {
      kind,
      reference: reference.trim() === '' ? null : reference.trim(),
      title: cleanTitle,
      ticketUrl: ticketUrl.trim() === '' ? null : ticketUrl.trim(),
      customerId: customerId === '' ? null : customerId,
      contractId: contractId === '' ? null : contractId,
      billable,
      active,
    }
    setSaving(true)
    try {
      const saved = item ? await client.work.updateItem({ id: item.id, item: input }) : await client.work.createItem(input)
      await onSaved(saved)
    } catch (error) {
      setHostProblem({ message: (error as Error).message, field: fieldOf(error) })
      setSaving(false)
    }
  }

  const customerAdded = async (customer: Customer) => {
    setAddedCustomers((list) => [...list, customer])
    chooseCustomer(customer.id)
    await onCustomerCreated(customer)
  }

  const marked = (field: Field) => hostProblem?.field === field
  const describe = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined

  return (
    <FormDialog
      title={item ? t('work.editName', { name: item.reference ?? item.title }) : t('work.new')}
      description={item ? undefined : t('work.dialog.description')}
      submitLabel={item ? t('work.dialog.saveChanges') : t('work.dialog.create')}
      saving={saving}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <div className="form__row">
        <label className="field" htmlFor={`${id}-kind`}>
          <span>{t('work.kind')}</span>
          <select id={`${id}-kind`} value={kind} onChange={(e) => chooseKind(WorkItemKindSchema.parse(e.target.value))}>
            {WorkItemKindSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`work.kind.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor={`${id}-reference`}>
          <span>
            {t('work.reference')} <span className="field__optional">{t('work.dialog.optional')}</span>
          </span>
          <input
            id={`${id}-reference`}
            value={reference}
            maxLength={64}
            placeholder={t('work.dialog.referenceExample')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setReference(e.target.value)}
            aria-invalid={marked('reference') || undefined}
            aria-describedby={describe(marked('reference') && problemId)}
          />
        </label>
      </div>
      <label className="field" htmlFor={`${id}-title`}>
        <span>{t('work.titleColumn')}</span>
        <input
          ref={titleRef}
          id={`${id}-title`}
          value={title}
          maxLength={200}
          placeholder={t('work.dialog.titleExample')}
          autoComplete="off"
          aria-required="true"
          onChange={(e) => {
            setTitle(e.target.value)
            if (titleProblem && e.target.value.trim() !== '') setTitleProblem(null)
          }}
          aria-invalid={titleProblem !== null || marked('title') || undefined}
          aria-describedby={describe(titleProblem !== null && titleProblemId, marked('title') && problemId)}
        />
      </label>
      {titleProblem && (
        <p id={titleProblemId} className="field__error" role="alert">
          {titleProblem}
        </p>
      )}
      <TicketPageField id={`${id}-ticket-url`} value={ticketUrl} onChange={setTicketUrl} problemId={marked('ticketUrl') ? problemId : undefined} />
      <CustomerField id={`${id}-customer`} customerId={customerId} options={customerOptions} problemId={marked('customer') ? problemId : undefined} onChoose={chooseCustomer} onAdded={customerAdded} />
      <ContractField id={`${id}-contract`} contractId={contractId} customerId={customerId} customerName={chosenCustomerName} contracts={contracts} problemId={marked('contract') ? problemId : undefined} onChoose={setContractId} />
      <div className="form__checks">
        <label className="check" htmlFor={`${id}-billable`}>
          <input
            id={`${id}-billable`}
            type="checkbox"
            checked={billable}
            onChange={(e) => {
              setBillable(e.target.checked)
              setBillableChosen(true)
            }}
          />
          <span>{t('work.billable')}</span>
        </label>
        {item && (
          <label className="check" htmlFor={`${id}-active`}>
            <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-describedby={`${id}-active-help`} />
            <span>{t('work.active')}</span>
          </label>
        )}
      </div>
      {item && (
        <p id={`${id}-active-help`} className="field__help">
          {t('work.dialog.inactiveHelp')}
        </p>
      )}
      {hostProblem && (
        <div id={problemId} className="banner banner--error" role="alert">
          <span>{hostProblem.message}</span>
        </div>
      )}
    </FormDialog>
  )
}
