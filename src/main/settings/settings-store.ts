// Settings behind a small port: electron-store in the app (src/main/electron), a JSON
// file here for the browser host and tests. Both validate with the same schema, and a
// change that fails validation is refused whole.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applySettingsPatch, DEFAULT_SETTINGS, settingsFromStored, type Settings, type SettingsPatch } from '@shared/settings'
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
    let stored: unknown
    try {
      stored = JSON.parse(readFileSync(this.file, 'utf8'))
    } catch (error) {
      // Not JSON at all: keep the file for the user and start from defaults.
      const kept = `${this.file}.invalid-${Date.now()}`
      renameSync(this.file, kept)
      logger.warn(`settings.json is not readable JSON (${(error as Error).message}); it was kept as ${kept} and defaults apply`)
      return
    }
    const { settings, problems } = settingsFromStored(stored)
    this.settings = settings
    if (problems.length > 0) logger.warn(`some settings in settings.json did not match the schema and use their defaults: ${problems.join(' | ')}`)
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
