// What time is booked against: the searchable list of work items, the activity types,
// the customers and their contracts, each editable here. The shared work store is reloaded
// after every save so timers and other views see the change at once; the contracts list
// is this view's own and follows the host's work.changed event.
import { useEffect, useId, useRef, useState } from 'react'
import { useStore } from 'zustand'
import type { ActivityType, WorkItem } from '@shared/work'
import { endSentence } from '@shared/sentence'
import { useT } from '../i18n/i18n-context'
import { ActivityTypeDialog } from '../work/ActivityTypeDialog'
import { ActivityTypesPanel } from '../work/ActivityTypesPanel'
import { ContractsPanel } from '../work/ContractsPanel'
import { CustomersPanel } from '../work/CustomersPanel'
import { useContracts } from '../work/use-contracts'
import { useOpenTicketPage } from '../work/use-open-ticket-page'
import { filterWorkItems } from '../work/work-filter'
import { WorkItemDialog } from '../work/WorkItemDialog'
import { useClient } from '../client-context'
import type { WorkStore } from '../work/work-store'
import '../work/work.css'

type Editing = { what: 'item'; item: WorkItem | null } | { what: 'type'; type: ActivityType | null } | null

export function WorkView({ work }: { work: WorkStore }) {
  const { workItems, activityTypes, customers, loaded, error } = useStore(work)
  const contracts = useContracts()
  const id = useId()
  const { t } = useT()
  const [text, setText] = useState('')
  const [showInactive, setShowInactive] = useState(false)
  const [editing, setEditing] = useState<Editing>(null)
  const [announcement, setAnnouncement] = useState('')
  // The button that opened a dialog gets the focus back when it closes; when that button is
  // gone (an item hidden once it was made inactive), "New work item" takes the focus instead.
  const opener = useRef<HTMLElement | null>(null)
  const newItemButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!work.getState().loaded) void work.getState().load()
  }, [work])

  useEffect(() => {
    if (editing !== null) return
    const target = opener.current?.isConnected ? opener.current : opener.current && newItemButton.current
    opener.current = null
    target?.focus()
  }, [editing])

  const open = (next: NonNullable<Editing>) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    setEditing(next)
  }

  const reload = () => work.getState().load()
  const client = useClient()
  const toggleFavourite = async (item: WorkItem) => {
    try {
      await client.work.setFavourite({ id: item.id, favourite: !item.favourite })
      await reload()
      setAnnouncement(t(item.favourite ? 'work.favouriteOff' : 'work.favouriteOn', { name: item.reference ?? item.title }))
    } catch (error) {
      setAnnouncement((error as Error).message)
    }
  }
  const openTicketPage = useOpenTicketPage(setAnnouncement)
  const shown = filterWorkItems(workItems, { text, showInactive })
  const inactiveCount = workItems.filter((item) => !item.active).length
  const filtered = text.trim() !== '' || (!showInactive && inactiveCount > 0)
  const contractName = new Map(contracts.contracts.map((contract) => [contract.id, contract.name]))
  const summary = !loaded ? t('work.loading') : filtered ? t('work.countOf', { shown: shown.length, count: workItems.length }) : t('work.count', { count: workItems.length })
  const search = text.trim()
  const amongActive = !showInactive && inactiveCount > 0
  const noMatch = search ? t(amongActive ? 'work.noMatchTextActive' : 'work.noMatchText', { text: search }) : t(amongActive ? 'work.noMatchActive' : 'work.noMatch')

  const itemSaved = async (saved: WorkItem, created: boolean) => {
    await reload()
    setEditing(null)
    setAnnouncement(endSentence(t(created ? 'work.created' : 'work.saved', { name: saved.reference ?? saved.title })))
  }

  return (
    <section className="view" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('work.title')}</h1>
          <p className="view__subtitle">{t('work.subtitle')}</p>
        </div>
        <div className="view__tools">
          <p className="view__summary" role="status">
            {announcement}
          </p>
          <button ref={newItemButton} type="button" className="button button--start" onClick={() => open({ what: 'item', item: null })}>
            {t('work.new')}
          </button>
        </div>
      </header>

      {error && (
        <div className="banner banner--error" role="alert">
          <span>{t('work.loadFailed', { reason: error })}</span>
          <button type="button" className="button button--ghost" onClick={() => void reload()}>
            {t('work.tryAgain')}
          </button>
        </div>
      )}

      <section className="panel" aria-labelledby={`${id}-list-title`}>
        <div className="panel__head">
          <h2 id={`${id}-list-title`} className="panel__title">
            {t('work.all')}
          </h2>
          <p className="panel__status" aria-live="polite">
            {summary}
          </p>
        </div>
        <div className="toolbar" role="search" aria-label={t('work.searchLabel')}>
          <label className="field toolbar__search" htmlFor={`${id}-search`}>
            <span>{t('work.search')}</span>
            <input id={`${id}-search`} type="search" value={text} placeholder={t('work.searchPlaceholder')} autoComplete="off" onChange={(e) => setText(e.target.value)} />
          </label>
          <label className="check" htmlFor={`${id}-inactive`}>
            <input id={`${id}-inactive`} type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
            <span>
              {t('work.showInactive')}
              {inactiveCount > 0 && <span className="muted"> ({inactiveCount})</span>}
            </span>
          </label>
        </div>
        {loaded && shown.length === 0 ? (
          <p className="empty">
            {workItems.length === 0 ? t('work.none') : noMatch}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-labelledby={`${id}-list-title`}>
              <thead>
                <tr>
                  <th scope="col">{t('work.reference')}</th>
                  <th scope="col">{t('work.titleColumn')}</th>
                  <th scope="col">{t('work.kind')}</th>
                  <th scope="col">{t('work.customer')}</th>
                  <th scope="col">{t('work.billable')}</th>
                  <th scope="col">{t('work.active')}</th>
                  <th scope="col" className="table__actions">
                    <span className="visually-hidden">{t('work.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.id} className={item.active ? undefined : 'is-inactive'}>
                    <td className="table__ref">
                      {item.reference ?? <span className="muted">—</span>}
                      {item.ticketUrl !== null && (
                        <button
                          type="button"
                          className="button button--icon table__ticket-link"
                          aria-label={t('work.openTicketPage', { name: item.reference ?? item.title })}
                          title={item.ticketUrl}
                          onClick={() => void openTicketPage(item.id)}
                        >
                          <span aria-hidden="true">↗</span>
                        </button>
                      )}
                    </td>
                    <th scope="row" className="table__name">
                      {item.title}
                    </th>
                    <td className="table__nowrap">{t(`work.kind.${item.kind}`)}</td>
                    <td>
                      {item.customerName ?? <span className="muted">{t('work.noCustomer')}</span>}
                      {item.contractId !== null && contractName.has(item.contractId) && (
                        <span className="table__sub">
                          <span className="visually-hidden">{t('work.contract')}</span>
                          {contractName.get(item.contractId)}
                        </span>
                      )}
                    </td>
                    <td>{item.billable ? <span className="badge badge--billable">{t('work.billable')}</span> : <span className="muted">{t('work.no')}</span>}</td>
                    <td>{item.active ? t('work.yes') : <span className="badge">{t('work.inactive')}</span>}</td>
                    <td className="table__actions">
                      <button
                        type="button"
                        className={`button button--icon button--star${item.favourite ? ' is-on' : ''}`}
                        aria-pressed={item.favourite}
                        aria-label={t('work.favourite', { name: item.reference ?? item.title })}
                        title={item.favourite ? t('work.isFavourite') : t('work.markFavourite')}
                        onClick={() => void toggleFavourite(item)}
                      >
                        <span aria-hidden="true">{item.favourite ? '★' : '☆'}</span>
                      </button>{' '}
                      <button
                        type="button"
                        className="button button--secondary button--compact"
                        aria-label={t('work.editName', { name: item.reference ?? item.title })}
                        onClick={() => open({ what: 'item', item })}
                      >
                        {t('work.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="work-columns">
        <ActivityTypesPanel types={activityTypes} onNew={() => open({ what: 'type', type: null })} onEdit={(type) => open({ what: 'type', type })} />
        <CustomersPanel customers={customers} workItems={workItems} onCreated={reload} />
      </div>

      <ContractsPanel
        contracts={contracts.contracts}
        customers={customers}
        loaded={loaded && contracts.loaded}
        error={contracts.error}
        onRetry={contracts.reload}
        onCreated={contracts.reload}
      />

      {editing?.what === 'item' && (
        <WorkItemDialog
          item={editing.item}
          customers={customers}
          contracts={contracts.contracts}
          onSaved={(saved) => itemSaved(saved, editing.item === null)}
          onCustomerCreated={reload}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.what === 'type' && (
        <ActivityTypeDialog
          type={editing.type}
          onSaved={async (saved) => {
            await reload()
            setEditing(null)
            setAnnouncement(endSentence(t('work.savedType', { name: saved.name })))
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  )
}
