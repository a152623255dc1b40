import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { DEFAULT_SETTINGS } from '@shared/settings'
import type { Logger } from '../logger'
import { makeReadOnly, mountTinyDisk, mountsAvailable, readOnlyAvailable } from '../testing/real-disks'
import { JsonFileSettingsStore } from './settings-store'

let dir: string
const undo: (() => void)[] = []
const warnings: string[] = []
const logger: Logger = { info() {}, error() {}, warn: (message) => void warnings.push(message) }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-settings-'))
  warnings.length = 0
})
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step()
  rmSync(dir, { recursive: true, force: true })
})

const file = () => join(dir, 'settings.json')

describe('settings on disk', () => {
  it('a file from an older Stint keeps what it has; new sections and fields take their defaults', () => {
    const older: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS, timers: { ...DEFAULT_SETTINGS.timers, exclusive: true, idleMinutes: 25 } }
    delete older.timesheet
    writeFileSync(file(), JSON.stringify(older))
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get().timers).toMatchObject({ exclusive: true, idleMinutes: 25 })
    expect(store.get().timesheet).toEqual(DEFAULT_SETTINGS.timesheet)
    expect(warnings).toEqual([])
  })

  it('one broken section falls back alone, says so, and the file is not thrown away', () => {
    writeFileSync(file(), JSON.stringify({ ...DEFAULT_SETTINGS, startAtLogin: false, shortcuts: { enabled: true, toggle: ['Ctrl+Alt+1'], pauseAll: null } }))
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get().startAtLogin).toBe(false)
    expect(store.get().shortcuts).toEqual(DEFAULT_SETTINGS.shortcuts)
    expect(warnings.join()).toMatch(/shortcuts: toggle/)
    // The file stays where it is, and a copy keeps the values being replaced.
    expect(readdirSync(dir).sort()).toEqual(['settings.json', expect.stringMatching(/^settings\.json\.invalid-\d+$/)])
  })

  it('a file that is not JSON is kept aside and the defaults apply', () => {
    writeFileSync(file(), '{ this is not json')
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const kept = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-')) ?? ''
    expect(readFileSync(join(dir, kept), 'utf8')).toBe('{ this is not json')
  })

  it('a change is written privately and survives a restart; a change the schema refuses writes nothing', () => {
    const store = new JsonFileSettingsStore(dir, logger)
    store.update({ timesheet: { unit: 'decimal' } })
    expect(statSync(file()).mode & 0o777).toBe(0o600)
    expect(new JsonFileSettingsStore(dir, logger).get().timesheet.unit).toBe('decimal')
    const before = readFileSync(file(), 'utf8')
    expect(() => store.update({ timers: { idleMinutes: -3 } })).toThrow()
    expect(readFileSync(file(), 'utf8')).toBe(before)
    expect(store.get().timers.idleMinutes).toBe(10)
  })
})

describe('a damaged settings file never stops Stint from starting', () => {
  it('a truncated file is kept aside, the defaults apply, and the person is told', () => {
    writeFileSync(file(), JSON.stringify(DEFAULT_SETTINGS).slice(0, 40))
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    const kept = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-')) ?? ''
    expect(kept).not.toBe('')
    expect(store.notice).toBe(`Stint’s settings file could not be read, so the defaults apply. The damaged file was kept as ${join(dir, kept)}.`)
  })

  it('values of the wrong type fall back one section at a time; the original file is kept aside and the person is told', () => {
    const damaged = JSON.stringify({ ...DEFAULT_SETTINGS, timers: { exclusive: 'yes', idleMinutes: 'ten' }, startAtLogin: false })
    writeFileSync(file(), damaged)
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get().timers).toEqual(DEFAULT_SETTINGS.timers)
    expect(store.get().startAtLogin).toBe(false)
    const kept = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-')) ?? ''
    expect(readFileSync(join(dir, kept), 'utf8')).toBe(damaged)
    expect(store.notice).toBe(`Some of Stint’s settings (timers) were not valid and are back to their defaults. The file as it was is kept as ${join(dir, kept)}.`)
  })

  it('a folder where the file should be is moved aside, and settings can be saved again', () => {
    mkdirSync(file())
    writeFileSync(join(file(), 'stray.txt'), 'kept')
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(store.notice).toMatch(/^Stint’s settings file could not be read, so the defaults apply\./)
    store.update({ timesheet: { unit: 'decimal' } })
    expect(new JsonFileSettingsStore(dir, logger).get().timesheet.unit).toBe('decimal')
    const kept = readdirSync(dir).find((f) => f.startsWith('settings.json.invalid-')) ?? ''
    expect(readFileSync(join(dir, kept, 'stray.txt'), 'utf8')).toBe('kept')
  })

  it.skipIf(!readOnlyAvailable)('a damaged file in a read-only folder: the defaults apply and the file stays where it is', () => {
    writeFileSync(file(), '{ "timers": ')
    undo.push(makeReadOnly(dir))
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get()).toEqual(DEFAULT_SETTINGS)
    expect(readFileSync(file(), 'utf8')).toBe('{ "timers": ')
    expect(store.notice).toMatch(/^Stint’s settings file could not be read, so the defaults apply\. It could not be moved aside either .*it is still at /)
  })

  it('the desktop app’s file from electron-store ({"settings": …}) keeps its values', () => {
    const custom = { ...DEFAULT_SETTINGS, timers: { ...DEFAULT_SETTINGS.timers, idleMinutes: 25 } }
    writeFileSync(file(), JSON.stringify({ settings: custom }))
    const store = new JsonFileSettingsStore(dir, logger)
    expect(store.get()).toEqual(custom)
    expect(store.notice).toBeNull()
  })
})

describe('saving settings on a disk that takes no more writes', () => {
  it.skipIf(!mountsAvailable)('a full disk: the file stays as it was, no temporary file is left, and the reason is said', () => {
    undo.push(mountTinyDisk(dir, 64))
    const store = new JsonFileSettingsStore(dir, logger)
    store.update({ timesheet: { unit: 'decimal' } })
    const before = readFileSync(file(), 'utf8')
    writeFileSync(join(dir, 'filler'), Buffer.alloc(60 * 1024))
    expect(() => writeFileSync(join(dir, 'more'), Buffer.alloc(8 * 1024))).toThrow(/ENOSPC/)
    rmSync(join(dir, 'more'), { force: true })

    expect(() => store.update({ timers: { idleMinutes: 25 } })).toThrow(
      new StintError(
        'unavailable',
        `The disk holding ${dir} is full, so Stint could not save your settings. Your settings are as they were. Free some space on that disk and try again.`,
        { id: 'refusal.storage.diskFull', values: { place: dir, doing: 'saveSettings', kept: 'settings' } },
      ),
    )
    expect(readFileSync(file(), 'utf8')).toBe(before)
    expect(readdirSync(dir).sort()).toEqual(['filler', 'settings.json'])
    expect(store.get().timers.idleMinutes).toBe(10)
  })

  it.skipIf(!readOnlyAvailable)('a read-only folder: the reason is said, not EROFS', () => {
    const store = new JsonFileSettingsStore(dir, logger)
    undo.push(makeReadOnly(dir))
    expect(() => store.update({ timers: { idleMinutes: 25 } })).toThrow(StintError)
    expect(() => store.update({ timers: { idleMinutes: 25 } })).toThrow(/so Stint could not save your settings\. Your settings are as they were\./)
    expect(readdirSync(dir)).toEqual([])
  })
})
