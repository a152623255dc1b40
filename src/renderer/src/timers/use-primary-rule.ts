// Whether billing settles time shared by running timers with the primary timer (the
// overlap rule `primary`) for a timer's work: its contract's own rule, else the default.
// Read once when the Timers view opens; unknown (not loaded, or refused) counts as not.
import { useCallback, useEffect, useState } from 'react'
import type { BillingSettings } from '@shared/billing-api'
import { useClient } from '../client-context'

export function usePrimaryRule(): (contractId: string | null | undefined) => boolean {
  const client = useClient()
  const [settings, setSettings] = useState<BillingSettings | null>(null)
  useEffect(() => {
    let live = true
    client.billing.settings({}).then(
      (found) => live && setSettings(found),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client])
  return useCallback(
    (contractId) => {
      if (!settings) return false
      const own = contractId ? settings.contracts[contractId]?.overlapRule : null
      return (own ?? settings.overlapRule) === 'primary'
    },
    [settings],
  )
}
