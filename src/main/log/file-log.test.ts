// The log file in the data folder: lines with time and level, a cap on its size with the
// newest few files kept, and no secret ever written, whatever a message carries.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileLog, LOG_FILE_NAME } from './file-log'

const T0 = Date.UTC(2026, 11, 3, 9, 30, 0)
const TOKEN = `stint_${'a1B2c3D4e5'.repeat(4)}xyz`
let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-log-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const everything = () =>
  readdirSync(dataDir)
    .map((name) => readFileSync(join(dataDir, name), 'utf8'))
    .join('')

describe('the log file', () => {
  it('writes each message with its time, level and the error’s stack, private to the user', () => {
    const log = new FileLog({ dataDir, now: () => T0 })
    log.info('started Stint 1.2.3 (browser host)')
    log.error('sync round failed', new Error('disk I/O error'))
    const text = readFileSync(join(dataDir, LOG_FILE_NAME), 'utf8')
    expect(text).toMatch(/^2026-12-03T09:30:00\.000Z INFO started Stint 1\.2\.3 \(browser host\)\n2026-12-03T09:30:00\.000Z ERROR sync round failed Error: disk I\/O error\n {4}at /)
    expect(statSync(join(dataDir, LOG_FILE_NAME)).mode & 0o777).toBe(0o600)
  })

  it('keeps under its cap by starting a new file, and keeps only the newest three', () => {
    const log = new FileLog({ dataDir, now: () => T0, maxBytes: 1000, kept: 3 })
    for (let i = 0; i < 200; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`)
    expect(readdirSync(dataDir).sort()).toEqual(['stint.1.log', 'stint.2.log', 'stint.log'])
    for (const name of readdirSync(dataDir)) expect(statSync(join(dataDir, name)).size).toBeLessThanOrEqual(1000)
    expect(readFileSync(join(dataDir, LOG_FILE_NAME), 'utf8')).toContain('line 199')
    expect(everything()).not.toContain('line 000') // the oldest went with the oldest file
  })

  it('goes on appending to the file a previous run left, under the same cap', () => {
    new FileLog({ dataDir, now: () => T0, maxBytes: 300 }).info('first run '.repeat(25))
    new FileLog({ dataDir, now: () => T0, maxBytes: 300 }).info('second run')
    expect(readFileSync(join(dataDir, 'stint.1.log'), 'utf8')).toContain('first run')
    expect(readFileSync(join(dataDir, LOG_FILE_NAME), 'utf8')).toContain('second run')
  })

  it('never writes a device token, an Authorization value or a secret it was given', () => {
    const log = new FileLog({ dataDir, now: () => T0, secrets: ['launch-secret-0123456789'] })
    log.warn(`connect failed for ${TOKEN}`)
    log.error('request failed', { headers: { authorization: `Bearer ${TOKEN}` }, url: '/?token=launch-secret-0123456789' })
    log.info('the header was', 'Bearer abc.def.ghi')
    const text = everything()
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('launch-secret-0123456789')
    expect(text).not.toContain('abc.def.ghi')
    expect(text.match(/\[hidden\]/g)).toHaveLength(4)
  })

  it('lets the app go on when the folder cannot be written, saying so once on the console', () => {
    const warnings: string[] = []
    const console = { info() {}, warn: (message: string) => void warnings.push(message), error() {} }
    const log = new FileLog({ dataDir: join(dataDir, LOG_FILE_NAME, 'inside-a-file'), also: console })
    rmSync(join(dataDir, LOG_FILE_NAME), { force: true })
    new FileLog({ dataDir, now: () => T0 }).info('makes stint.log a file')
    log.info('one')
    log.info('two')
    expect(warnings.filter((w) => w.includes('cannot be written'))).toHaveLength(1)
    expect(existsSync(join(dataDir, LOG_FILE_NAME, 'inside-a-file'))).toBe(false)
  })
})
