// Settings in the app: electron-store (settings.json in the user data folder), read
// and written through the same zod schema as everywhere else. A file that no longer
// matches the schema is not thrown away: its valid sections are kept (settingsFromStored).
import ElectronStore from 'electron-store'
import { applySettingsPatch, DEFAULT_SETTINGS, settingsFromStored, type Settings, type SettingsPatch } from '@shared/settings'
import type { Logger } from '../logger'
import type { SettingsStore } from '../settings/settings-store'

export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new ElectronStore<{ settings: Settings }>({ name: 'settings', defaults: { settings: DEFAULT_SETTINGS }, clearInvalidConfig: false })
  private current: Settings

  constructor(logger: Logger) {
    const { settings, problems } = settingsFromStored(this.store.get('settings'))
    if (problems.length > 0) logger.warn(`some settings did not match the schema and use their defaults: ${problems.join(' | ')}`)
    this.current = settings
  }

  get(): Settings {
    return this.current
  }

  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.current, patch)
    this.store.set('settings', next)
    this.current = next
    return next
  }
}
