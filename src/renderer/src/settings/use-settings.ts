// Settings as the view edits them: loaded once, each change saved at once as a partial
// patch, shown before the host answers and put back to the stored value when the host
// refuses. Changes made elsewhere (tray, another window) arrive by event.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { mergeSettingsPatch, type Settings, type SettingsPatch } from '@shared/settings'
import { followSettings } from './follow-settings'

export type SettingsSection = 'timers' | 'shortcuts' | 'reminders' | 'timesheet' | 'appearance' | 'startup'

export type SaveFeedback = { section: SettingsSection; state: 'saving' | 'saved' } | { section: SettingsSection; state: 'failed'; message: string }


export function useSettings(client: StintClient) {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [feedback, setFeedback] = useState<SaveFeedback | null>(null)
  // What the host last confirmed: a refused change goes back to this.
  const stored = useRef<Settings | null>(null)

  const load = useCallback(async () => {
    setLoadError(null)
    try {
      const loaded = await client.settings.get({})
      stored.current = loaded
      setSettings(loaded)
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [client])

  useEffect(
    () =>
      followSettings(
        client,
        (next) => {
          stored.current = next
          setSettings(next)
        },
        (error) => setLoadError((error as Error).message),
      ),
    [client],
  )

  /** Saves one change; resolves false (with the control reverted and the reason shown) when refused. */
  const save = useCallback(
    async (section: SettingsSection, patch: SettingsPatch): Promise<boolean> => {
      const before = stored.current
      if (!before) return false
      setSettings((current) => mergeSettingsPatch(current ?? before, patch))
      setFeedback({ section, state: 'saving' })
      try {
        const next = await client.settings.update(patch)
        stored.current = next
        setSettings(next)
        setFeedback({ section, state: 'saved' })
        return true
      } catch (error) {
        const kept = stored.current
        setSettings(kept)
        setFeedback({ section, state: 'failed', message: (error as Error).message })
        return false
      }
    },
    [client],
  )

  return { settings, loadError, feedback, save, reload: load }
}
