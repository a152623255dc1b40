// Contracts that bill by rules of their own (issue 18 §2: per contract, the overlap rule,
// rounding per entry or per day and work item, and a minimum charge per entry); the others
// follow the device's rules above. A contract is given rules by picking it.
import { useCallback, useState } from 'react'
import type { BillingSettings, BillingSettingsPatch } from '@shared/billing-api'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { useHostQuery } from '../ui/use-host-query'
import { BillingContractRule } from './BillingContractRule'

type Rules = BillingSettings['contracts'][string]

interface Props {
  settings: BillingSettings
  onSave: (patch: BillingSettingsPatch) => Promise<boolean>
}

export function BillingContractRules({ settings, onSave }: Props) {
  const client = useClient()
  const { t } = useT()
  const query = useHostQuery(useCallback(() => client.work.listContracts({}), [client]))
  const contracts = query.value ?? []
  const [pick, setPick] = useState('')
  const put = (id: string, rules: Rules | null) => {
    const next = Object.fromEntries(Object.entries(settings.contracts).filter(([key]) => key !== id))
    if (rules) next[id] = rules
    return onSave({ contracts: next })
  }
  const nameOf = (id: string) => contracts.find((c) => c.id === id)?.name ?? id
  const without = contracts.filter((c) => !(c.id in settings.contracts))
  return (
    <>
      <h3 className="billing-settings__subtitle">{t('settings.billing.contractRules')}</h3>
      <p className="field__help">{t('settings.billing.contractRulesHelp')}</p>
      {Object.entries(settings.contracts).map(([id, rules]) => (
        <BillingContractRule
          key={id}
          name={nameOf(id)}
          rules={rules}
          deviceRounding={settings.rounding}
          onSave={(next) => void put(id, next)}
          onRemove={() => void put(id, null)}
        />
      ))}
      {without.length > 0 && (
        <div className="billing-settings__row">
          <label className="field">
            <span>{t('settings.billing.contractToRule')}</span>
            <select value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{t('settings.billing.overridePick')}</option>
              {without.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={pick === '' || undefined}
            onClick={() => pick !== '' && void put(pick, { overlapRule: null, rounding: settings.rounding }).then((ok) => ok && setPick(''))}
          >
            {t('settings.billing.addContractRules')}
          </button>
        </div>
      )}
    </>
  )
}
