// Settings in the app: electron-store (settings.json in the user data folder), read
// and written through the same zod schema as everywhere else. A file that no longer
// matches the schema is not thrown away: its valid sections are kept by merging onto
// the defaults, and the rest falls back to defaults.
import ElectronStore from 'electron-store'
import { applySettingsPatch, DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '@shared/settings'
import type { Logger } from '../logger'
import type { SettingsStore } from '../settings/settings-store'

export class ElectronSettingsStore implements SettingsStore {
  private readonly store = new ElectronStore<{ settings: Settings }>({ name: 'settings', defaults: { settings: DEFAULT_SETTINGS }, clearInvalidConfig: false })
  private current: Settings

  constructor(logger: Logger) {
    const stored: unknown = this.store.get('settings')
    const parsed = SettingsSchema.safeParse(stored)
    if (parsed.success) {
      this.current = parsed.data
    } else {
      logger.warn(`settings did not match the schema (${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}); defaults apply to those fields`)
      this.current = mergeValidSections(stored)
    }
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

function mergeValidSections(stored: unknown): Settings {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const shape = SettingsSchema.shape
  return {
    timers: shape.timers.safeParse(record['timers']).data ?? DEFAULT_SETTINGS.timers,
    shortcuts: shape.shortcuts.safeParse(record['shortcuts']).data ?? DEFAULT_SETTINGS.shortcuts,
    reminders: shape.reminders.safeParse(record['reminders']).data ?? DEFAULT_SETTINGS.reminders,
    timesheet: shape.timesheet.safeParse(record['timesheet']).data ?? DEFAULT_SETTINGS.timesheet,
    startAtLogin: shape.startAtLogin.safeParse(record['startAtLogin']).data ?? DEFAULT_SETTINGS.startAtLogin,
  }
}
