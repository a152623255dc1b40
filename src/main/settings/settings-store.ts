// Settings behind a small port, and the one file-backed store both hosts use:
// settings.json in the data folder, validated by the shared schema, written atomically
// and privately. Reading it never fails: a damaged file (not JSON, values of the wrong
// type, a folder in its place, unreadable) is kept aside where possible, the defaults
// apply to what was damaged, and `notice` says so in words for the host to show.
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { applySettingsPatch, DEFAULT_SETTINGS, settingsFromStored, type Settings, type SettingsPatch } from '@shared/settings'
import { writeFileAtomically } from '../files/atomic-write'
import { storageError } from '../files/storage-errors'
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

export const SETTINGS_FILE_NAME = 'settings.json'

/**
 * Earlier versions of the desktop app kept their settings with electron-store, in the same file
 * name, wrapped as {"settings": {...}} (plus electron-store's own "__internal__").
 */
function unwrapElectronStore(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored
  const keys = Object.keys(stored).filter((key) => key !== '__internal__')
  const inner = (stored as Record<string, unknown>)['settings']
  return keys.length === 1 && keys[0] === 'settings' && typeof inner === 'object' && inner !== null ? inner : stored
}

/** settings.json in the data folder, private to the user. */
export class JsonFileSettingsStore implements SettingsStore {
  private settings: Settings = DEFAULT_SETTINGS
  private readonly file: string
  /** What went wrong with the file at start, in words; null when it was read as it is. */
  readonly notice: string | null = null

  constructor(
    private readonly dataDir: string,
    logger: Logger,
    now: () => number = Date.now,
  ) {
    this.file = join(dataDir, SETTINGS_FILE_NAME)
    if (!existsSync(this.file)) return
    const aside = `${this.file}.invalid-${now()}`
    let stored: unknown
    try {
      stored = unwrapElectronStore(JSON.parse(readFileSync(this.file, 'utf8')))
    } catch (error) {
      // Not JSON, a folder, unreadable: keep it for the person and start from the defaults.
      let where: string
      try {
        renameSync(this.file, aside)
        where = `The damaged file was kept as ${aside}.`
      } catch (moveError) {
        where = `It could not be moved aside either (${(moveError as Error).message}); it is still at ${this.file}.`
      }
      this.notice = `Stint’s settings file could not be read, so the defaults apply. ${where}`
      logger.warn(`${this.notice} (${(error as Error).message})`)
      return
    }
    const { settings, problems } = settingsFromStored(stored)
    this.settings = settings
    if (problems.length === 0) return
    // The file stays (its valid sections are used); a copy keeps the values being replaced.
    let where: string
    try {
      copyFileSync(this.file, aside)
      where = `The file as it was is kept as ${aside}.`
    } catch {
      where = `The file as it was is still at ${this.file} until settings are next saved.`
    }
    const sections = problems.map((problem) => problem.slice(0, problem.indexOf(':'))).join(', ')
    this.notice = `Some of Stint’s settings (${sections}) were not valid and are back to their defaults. ${where}`
    logger.warn(`${this.notice} ${problems.join(' | ')}`)
  }

  get(): Settings {
    return this.settings
  }

  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.settings, patch)
    try {
      writeFileAtomically(this.file, `${JSON.stringify(next, null, 2)}\n`)
    } catch (error) {
      throw storageError(error, { doing: 'saveSettings', place: this.dataDir, kept: 'settings' }) ?? error
    }
    this.settings = next
    return next
  }
}
