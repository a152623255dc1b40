// `backup` and `mark-restored` as an operator types them (in this process, SQLite): a
// backup is a server database of its own with its own epoch and is never written over an
// existing file; mark-restored renews the epoch.
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliIn } from '../../../tests/support/cli-in-process'
import { databaseEpoch } from '../db/epoch'
import { openServerDatabase, SERVER_DATABASE_FILE_NAME } from '../db/open'

let dataDir: string
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-cli-backup-'))
  expect((await cliIn(dataDir, ['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])).status).toBe(0)
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const epochIn = async (folder: string) => {
  const opened = await openServerDatabase({ dataDir: folder })
  try {
    return { epoch: await databaseEpoch(opened.db), orgs: (await opened.db.selectFrom('org').select('name').execute()).map((r) => r.name) }
  } finally {
    await opened.close()
  }
}

describe('backing up the SQLite database', () => {
  it('writes a private copy the server opens as its own, with an epoch of its own', async () => {
    const restoreDir = mkdtempSync(join(tmpdir(), 'stint-cli-restore-'))
    try {
      const file = join(restoreDir, SERVER_DATABASE_FILE_NAME)
      const run = await cliIn(dataDir, ['backup', '--to', file])
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr).toMatch(/Backed up to .*stint-server\.sqlite\. To restore it: stop the server/)
      expect(statSync(file).mode & 0o777).toBe(0o600)
      const original = await epochIn(dataDir)
      const copy = await epochIn(restoreDir)
      expect(copy.orgs).toEqual(['Acme IT'])
      expect(copy.epoch).not.toBe(original.epoch)
    } finally {
      rmSync(restoreDir, { recursive: true, force: true })
    }
  })

  it('never writes over an existing file, and needs to be told where to write', async () => {
    const file = join(dataDir, 'taken.sqlite')
    expect((await cliIn(dataDir, ['backup', '--to', file])).status).toBe(0)
    const again = await cliIn(dataDir, ['backup', '--to', file])
    expect([again.status, again.stderr]).toEqual([1, expect.stringMatching(/already exists; a backup never overwrites a file\. .*Nothing was changed\./)])
    const missing = await cliIn(dataDir, ['backup'])
    expect([missing.status, missing.stderr]).toEqual([2, expect.stringMatching(/^backup needs --to/)])
  })

  it('mark-restored gives the database a new epoch', async () => {
    const before = await epochIn(dataDir)
    const run = await cliIn(dataDir, ['mark-restored'])
    expect([run.status, run.stderr]).toEqual([0, expect.stringMatching(/Marked as restored\. Each device pulls everything again/)])
    expect((await epochIn(dataDir)).epoch).not.toBe(before.epoch)
  })
})
