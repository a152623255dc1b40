// A day that does not exist, given to the admin commands that take one: the command
// stops with the day's own sentence (the one every other path uses), nothing changed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { runCli, type CliIo } from './cli'
import { silentLogger } from './logger'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-server-cli-days-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

async function cli(args: string[]): Promise<{ status: number; stderr: string }> {
  const err: string[] = []
  const io: CliIo = { env: { HOME: dataDir }, out: () => undefined, err: (line) => err.push(line), logger: silentLogger, stopSignal: () => Promise.reject(new Error('not served')) }
  const status = await runCli([...args, '--data-dir', dataDir], io)
  return { status, stderr: err.join('\n') }
}

it('names the day that does not exist when an admin reopens or voids a period, or sets a bi-weekly rule', async () => {
  await cli(['init', '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'])
  await cli(['user', 'add', '--name', 'Bo Tech', '--email', 'bo@example.com', '--role', 'member'])
  for (const command of ['reopen', 'void']) {
    const run = await cli(['period', command, '--email', 'bo@example.com', '--day', '2026-02-30', '--reason', 'typo', '--as', 'ana@example.com'])
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/--day: "2026-02-30" is not a real date: February 2026 has days 01 to 28/)
  }
  const rule = await cli(['period-rule', '--kind', 'biweekly', '--anchor', '2026-02-30', '--week-starts-on', '1'])
  expect(rule.status).not.toBe(0)
  expect(rule.stderr).toMatch(/"2026-02-30" is not a real date: February 2026 has days 01 to 28/)
})
