// Write-back set up from the command line (in this process, SQLite): credentials come from
// a file or the environment, are stored encrypted with the key made in the data folder
// (0600), and never printed; mappings, bad arguments (usage, exit 2), refusals (exit 1),
// and the outbox's list and retry.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliIn, type CliRun } from '../../../tests/support/cli-in-process'
import { openServerDatabase, SERVER_DATABASE_FILE_NAME } from '../db/open'

const SECRET = 'zz-cli-secret-9999'
let dataDir: string
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-cli-tickets-'))
  await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])
  await cli(['user', 'add', '--name', 'Bo', '--email', 'bo@example.com', '--role', 'member'])
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => cliIn(dataDir, args, env)
const ok = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = await cli(args, env)
  expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0)
  return run
}

describe('ticket systems from the command line', () => {
  it('adds a system with encrypted credentials, maps, lists without secrets, and removes', async () => {
    const file = join(dataDir, 'redmine.json')
    writeFileSync(file, JSON.stringify({ apiKey: SECRET }))
    const added = await ok(['ticket-system', 'add', '--kind', 'redmine', '--name', 'Redmine', '--url', 'https://redmine.example.com/', '--credentials-file', file])
    expect(added.stderr).toBe('Added Redmine (redmine, https://redmine.example.com); approved time on its tickets is written back from now on.')
    expect(statSync(join(dataDir, 'secret.key')).mode & 0o777).toBe(0o600)
    await ok(['ticket-system', 'map-activity', '--system', 'Redmine', '--activity-type', 'On-site', '--activity', '10'])
    await ok(['ticket-system', 'map-user', '--system', 'Redmine', '--email', 'bo@example.com', '--user', '7'])
    const listed = await ok(['ticket-system', 'list'])
    expect(listed.lines).toEqual(['Redmine\tredmine\thttps://redmine.example.com\tactive\tcredentials: apiKey', '  activity On-site → 10', '  user bo@example.com → 7'])
    expect((await ok(['ticket-system', 'list', '--json'])).stdout).not.toContain(SECRET)
    const opened = await openServerDatabase({ url: undefined, dataDir })
    const stored = await opened.db.selectFrom('ticket_systems').select('credentials').executeTakeFirstOrThrow()
    await opened.close()
    expect(stored.credentials).not.toContain(SECRET)
    expect(readFileSync(join(dataDir, SERVER_DATABASE_FILE_NAME)).includes(SECRET)).toBe(false)

    await ok(['ticket-system', 'map-user', '--system', 'Redmine', '--email', 'bo@example.com', '--user', '-'])
    await ok(['ticket-system', 'update', '--system', 'Redmine', '--active', 'no'], { STINT_TICKET_CREDENTIALS: JSON.stringify({ apiKey: 'new' }) })
    expect((await ok(['ticket-system', 'list'])).lines).toEqual(['Redmine\tredmine\thttps://redmine.example.com\toff\tcredentials: apiKey', '  activity On-site → 10'])
    expect((await ok(['ticket-system', 'remove', '--system', 'Redmine'])).stderr).toBe('Removed Redmine.')
  })

  it('answers bad arguments with the usage and refusals with exit 1', async () => {
    const badKind = await cli(['ticket-system', 'add', '--kind', 'bugzilla', '--name', 'X', '--url', 'https://x.example.com'])
    expect([badKind.status, badKind.stderr]).toEqual([2, expect.stringContaining('kind: the kind must be one of redmine, rt, zammad, jira, glpi, freshdesk') as unknown])
    expect(badKind.stderr).toContain('Usage: npm run server')
    expect((await cli(['ticket-system', 'add', '--kind', 'rt', '--name', 'RT'])).status).toBe(2)
    expect((await cli(['ticket-system', 'add', '--kind', 'rt', '--name', 'RT', '--url', 'https://rt.example.com'], { STINT_TICKET_CREDENTIALS: 'not json' })).status).toBe(2)
    expect((await cli(['ticket-writes', 'list', '--state', 'lost'])).status).toBe(2)
    const missing = await cli(['ticket-system', 'map-user', '--system', 'Nope', '--email', 'bo@example.com', '--user', '7'])
    expect([missing.status, missing.stderr]).toEqual([1, 'There is no ticket system "Nope"; `ticket-system list` shows them. Nothing was changed.'])
    const badKey = await cli(['ticket-system', 'add', '--kind', 'rt', '--name', 'RT', '--url', 'https://rt.example.com'], { STINT_SERVER_SECRET_KEY: 'short' })
    expect([badKey.status, badKey.stderr]).toEqual([1, expect.stringContaining('STINT_SERVER_SECRET_KEY must hold a 32-byte key') as unknown])
  })

  it('lists and retries the outbox', async () => {
    expect((await ok(['ticket-writes', 'list'])).stderr).toBe('No ticket writes.')
    expect((await ok(['ticket-writes', 'retry', '--state', 'failed'])).stderr).toBe('0 writes go out again now.')
  })
})
