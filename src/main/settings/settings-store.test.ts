import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/settings'
import type { Logger } from '../logger'
import { JsonFileSettingsStore } from './settings-store'

let dir: string
const warnings: string[] = []
const logger: Logger = { info() {}, error() {}, warn: (message) => void warnings.push(message) }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-settings-'))
  warnings.length = 0
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

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
    expect(readdirSync(dir)).toEqual(['settings.json'])
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
