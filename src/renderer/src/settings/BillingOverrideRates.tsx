// Rates that override an activity type's own for one customer or one contract, either for
// one activity type or for all of them (resolveRate: the contract's beats the customer's,
// the one for the activity type beats the one for all). Each kept rate can be changed or
// removed; a new one is added by picking whose, for which activity type, and the amount.
import { useCallback, useState, type SyntheticEvent } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { parseMoney } from '@shared/billing/money'
import { ALL_ACTIVITIES } from '@shared/billing/rates'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { useHostQuery } from '../ui/use-host-query'
import { BillingAmountInput } from './BillingAmountInput'

type Scope = 'customer' | 'contract'
const PART = { customer: 'customerRates', contract: 'contractRates' } as const

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingOverrideRates({ settings, onSave }: Props) {
  const client = useClient()
  const { t, locale } = useT()
  const lists = useHostQuery(
    useCallback(async () => {
      const [customers, contracts, types] = await Promise.all([client.work.listCustomers({}), client.work.listContracts({}), client.work.listActivityTypes({})])
      return { customers, contracts, types }
    }, [client]),
  )
  const { customers, contracts, types } = lists.value ?? { customers: [], contracts: [], types: [] }
  const [target, setTarget] = useState('')
  const [activity, setActivity] = useState(ALL_ACTIVITIES)
  const [amount, setAmount] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const nameOf = (scope: Scope, id: string) => (scope === 'customer' ? customers.find((c) => c.id === id)?.name : contracts.find((c) => c.id === id)?.name) ?? id
  const activityName = (id: string) => (id === ALL_ACTIVITIES ? t('settings.billing.allActivities') : (types.find((a) => a.id === id)?.name ?? id))
  const put = (scope: Scope, id: string, activityId: string, minor: number | undefined) => {
    const tables = Object.fromEntries(Object.entries(settings[PART[scope]]).filter(([key]) => key !== id))
    const table = Object.fromEntries(Object.entries(settings[PART[scope]][id] ?? {}).filter(([key]) => key !== activityId))
    if (minor !== undefined) table[activityId] = minor
    if (Object.keys(table).length > 0) tables[id] = table
    return onSave({ [PART[scope]]: tables })
  }
  const add = async (event: SyntheticEvent) => {
    event.preventDefault()
    const [scope, id] = target.split(':') as [Scope, string]
    if (target === '') return setProblem(t('settings.billing.overridePickTarget'))
    let minor: number
    try {
      minor = parseMoney(amount, settings.currency, locale)
    } catch {
      return setProblem(t('settings.billing.amountInvalid', { text: amount.trim(), kept: t('settings.billing.noRate') }))
    }
    setProblem(null)
    if (await put(scope, id, activity, minor)) setAmount('')
  }
  const rows = (['customer', 'contract'] as const).flatMap((scope) =>
    Object.entries(settings[PART[scope]]).flatMap(([id, table]) => Object.entries(table).map(([activityId, minor]) => ({ scope, id, activityId, minor }))),
  )
  return (
    <>
      <h3 className="billing-settings__subtitle">{t('settings.billing.overrides')}</h3>
      <p className="field__help">{t('settings.billing.overridesHelp')}</p>
      {rows.length === 0 && <p className="muted">{t('settings.billing.noOverrides')}</p>}
      <ul className="billing-settings__overrides" aria-label={t('settings.billing.overrides')}>
        {rows.map(({ scope, id, activityId, minor }) => {
          const label = t(`settings.billing.overrideOf.${scope}`, { name: nameOf(scope, id), activity: activityName(activityId) })
          return (
            <li key={`${scope}:${id}:${activityId}`}>
              <BillingAmountInput label={label} minor={minor} currency={settings.currency} onSave={(next) => void put(scope, id, activityId, next)} />
              <button type="button" className="button button--ghost button--compact" aria-label={t('settings.billing.removeOverride', { rate: label })} onClick={() => void put(scope, id, activityId, undefined)}>
                ×
              </button>
            </li>
          )
        })}
      </ul>
      <form className="billing-settings__row" onSubmit={(e) => void add(e)} aria-label={t('settings.billing.addOverride')}>
        <label className="field">
          <span>{t('settings.billing.overrideFor')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('settings.billing.overridePick')}</option>
            <optgroup label={t('settings.billing.customers')}>
              {customers.map((c) => (
                <option key={c.id} value={`customer:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('settings.billing.contracts')}>
              {contracts.map((c) => (
                <option key={c.id} value={`contract:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="field">
          <span>{t('settings.billing.overrideActivity')}</span>
          <select value={activity} onChange={(e) => setActivity(e.target.value)}>
            <option value={ALL_ACTIVITIES}>{t('settings.billing.allActivities')}</option>
            {types.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--narrow">
          <span>
            {t('settings.billing.overrideAmount')} ({settings.currency})
          </span>
          <input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <button type="submit" className="button button--secondary">
          {t('settings.billing.addOverride')}
        </button>
      </form>
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}
