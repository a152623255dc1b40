// The device's billing settings for the Settings view: loaded once, saved part by part
// the moment a field is left; a refusal (already in the reader's language) is shown and
// the stored value comes back.
import { useCallback, useEffect, useState } from 'react'
import type { BillingSettings, BillingSettingsPatch, Holiday } from '@shared/billing-api'
import type { StintClient } from '@shared/bridge'

export type BillingFeedback = { state: 'saving' | 'saved' } | { state: 'failed'; message: string } | null

export function useBillingSettings(client: StintClient) {
  const [settings, setSettings] = useState<BillingSettings | null>(null)
  const [feedback, setFeedback] = useState<BillingFeedback>(null)
  useEffect(() => {
    let live = true
    client.billing.settings({}).then(
      (value) => live && setSettings(value),
      (error: unknown) => live && setFeedback({ state: 'failed', message: (error as Error).message }),
    )
    return () => {
      live = false
    }
  }, [client])
  const apply = useCallback(async (ask: () => Promise<BillingSettings>) => {
    setFeedback({ state: 'saving' })
    try {
      setSettings(await ask())
      setFeedback({ state: 'saved' })
      return true
    } catch (error) {
      setFeedback({ state: 'failed', message: (error as Error).message })
      // What is stored is shown again: a refused change changed nothing.
      setSettings(await client.billing.settings({}))
      return false
    }
  }, [client])
  const save = useCallback((patch: BillingSettingsPatch) => apply(() => client.billing.updateSettings(patch)), [apply, client])
  const saveHolidays = useCallback((holidays: Holiday[]) => apply(() => client.billing.setHolidays({ holidays })), [apply, client])
  return { settings, feedback, save, saveHolidays }
}
