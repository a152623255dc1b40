// Settings behind a small port: electron-store in the app (src/main/electron), a JSON
// file here for the browser host and tests. Both validate with the same schema, and a
// change that fails validation is refused whole.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applySettingsPatch, DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '@shared/settings'
import type { Logger } from '../logger'

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Settings
}

export class MemorySettingsStore implements SettingsStore {
  constructor(private settings: Settings = DEFAULT_SETTINGS) {}
  get(): Settings {
    return this.settings
  }
  update(patch: SettingsPatch): Settings {
    this.settings = applySettingsPatch(this.settings, patch)
    return this.settings
  }
}

/** settings.json in the data folder, written atomically (temp file + rename), private to the user. */
export class JsonFileSettingsStore implements SettingsStore {
  private settings: Settings
  private readonly file: string

  constructor(dataDir: string, logger: Logger) {
    this.file = join(dataDir, 'settings.json')
    this.settings = DEFAULT_SETTINGS
    if (!existsSync(this.file)) return
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')))
      if (parsed.success) this.settings = parsed.data
      else throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '))
    } catch (error) {
      // Keep the unreadable file for the user, start from defaults.
      const kept = `${this.file}.invalid-${Date.now()}`
      renameSync(this.file, kept)
      logger.warn(`settings.json could not be used (${(error as Error).message}); it was kept as ${kept} and defaults apply`)
    }
  }

  get(): Settings {
    return this.settings
  }

  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.settings, patch)
    const temp = `${this.file}.tmp`
    writeFileSync(temp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 })
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
    this.settings = next
    return next
  }
}
