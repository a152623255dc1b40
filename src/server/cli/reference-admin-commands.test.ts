// The admin's tidying commands as an admin types them (run in this process, SQLite):
// lists with who made each row, rename, deactivate and merge, look-alikes refused with
// exit code 1, and `team approvers` refusing one person at both levels.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliIn, type CliRun } from '../../../tests/support/cli-in-process'

let dataDir: string
beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-cli-tidy-'))
  await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const cli = (args: string[]): Promise<CliRun> => cliIn(dataDir, args)
const ok = async (args: string[]) => {
  const run = await cli(args)
  expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0)
  return run
}

describe('tidying reference data from the command line', () => {
  it('lists, renames, deactivates and merges, saying what it did', async () => {
    await ok(['customer', 'add', '--name', 'Harbour Dental'])
    await ok(['customer', 'add', '--name', 'Initech'])
    await ok(['work-item', 'add', '--kind', 'ticket', '--reference', 'HD-7', '--title', 'Printer offline', '--customer', 'harbour dental'])
    await ok(['work-item', 'add', '--kind', 'ticket', '--reference', 'HD7', '--title', 'printer'])
    expect((await ok(['customer', 'list'])).lines).toEqual(['Harbour Dental\t-\tmade by an admin', 'Initech\t-\tmade by an admin'])

    const clash = await cli(['customer', 'rename', '--customer', 'Initech', '--name', 'HARBOUR DENTAL'])
    expect([clash.status, clash.stderr]).toEqual([1, expect.stringMatching(/^A customer called "Harbour Dental" already exists; .* Nothing was changed\.$/) as string])
    expect((await ok(['customer', 'rename', '--customer', 'initech', '--name', 'Initech GmbH'])).stderr).toBe('Renamed the customer "Initech" to "Initech GmbH".')
    expect((await ok(['customer', 'deactivate', '--customer', 'Initech GmbH'])).stderr).toBe('Deactivated the customer "Initech GmbH": devices stop offering it. It had no work items.')

    expect((await ok(['work-item', 'rename', '--work-item', 'HD7', '--title', 'Printer (duplicate)'])).stderr).toBe('Renamed HD7 "printer" to HD7 "Printer (duplicate)".')
    expect((await ok(['work-item', 'merge', '--from', 'HD7', '--into', 'HD-7'])).stderr).toBe('Moved 0 entries from HD7 "Printer (duplicate)" to HD-7 "Printer offline" and deactivated HD7 "Printer (duplicate)".')
    expect((await ok(['work-item', 'list'])).lines).toEqual(['HD-7\tPrinter offline\tHarbour Dental\tactive\tmade by an admin', 'HD7\tPrinter (duplicate)\t-\tinactive\tmade by an admin'])
    const again = await cli(['work-item', 'deactivate', '--work-item', 'HD7'])
    expect([again.status, again.stderr]).toEqual([1, 'HD7 "Printer (duplicate)" is already inactive. Nothing was changed.'])
    const nothing = await cli(['work-item', 'rename', '--work-item', 'HD-7'])
    expect([nothing.status, nothing.stderr]).toEqual([1, expect.stringContaining('give a new title, a new reference, or both') as string])
    const unknown = await cli(['work-item', 'merge', '--from', 'XX-1', '--into', 'HD-7'])
    expect([unknown.status, unknown.stderr]).toEqual([1, 'There is no work item "XX-1" (`work-item list` shows them). Nothing was changed.'])
  })

  it('refuses one person as approver at both levels of a team', async () => {
    await ok(['user', 'add', '--name', 'Cy Lead', '--email', 'cy@example.com', '--role', 'approver'])
    await ok(['team', 'add', '--name', 'Field', '--pattern', 'two'])
    await ok(['team', 'approvers', '--team', 'Field', '--level', '1', '--users', 'cy@example.com'])
    const twice = await cli(['team', 'approvers', '--team', 'Field', '--level', '2', '--users', 'cy@example.com'])
    expect([twice.status, twice.stderr]).toEqual([
      1,
      'cy@example.com already approves "Field" at level 1, and nobody approves the same timesheet at two levels. Name someone else here, or take them off level 1 first. Nothing was changed.',
    ])
  })
})
