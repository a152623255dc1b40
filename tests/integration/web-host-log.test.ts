// The browser host's log file: started as a real process, it writes stint.log in its data
// folder (its start, the database's migrations, what went wrong) and never the launch
// secret that the URL and every request carry.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { HOST_SCRIPT, startHost } from '../support/web-host'

let dataDir: string
beforeAll(() => {
  if (!existsSync(HOST_SCRIPT)) throw new Error(`${HOST_SCRIPT} is missing: run \`npm run build\` (npm test does it for you).`)
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stint-host-log-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('the browser host’s log file', () => {
  it('records its start, its migrations, a refused call and its stop in the data folder, without the launch secret', async () => {
    const host = await startHost(dataDir)
    // A call the host refuses to write: the details go to the log.
    const refused = await fetch(`${host.origin}/api/call/timesheet.setCells`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ changes: [{ day: '2026-02-30', row: { workItemId: 'no-such-item', activityTypeId: null, billable: true }, totalSeconds: 60 }] }),
    })
    expect(refused.status).toBeGreaterThanOrEqual(400)
    await host.stop()

    const log = readFileSync(join(dataDir, 'stint.log'), 'utf8')
    expect(log).toMatch(/^\S+Z INFO Stint \S+ \(browser host\) is starting with data in /)
    expect(log).toMatch(/INFO created the database at schema \d+\n/)
    expect(log).not.toMatch(/migrated/)
    expect(log).toMatch(/INFO refused timesheet\.setCells was refused, nothing was changed\. changes\.0\.day: "2026-02-30" is not a real date/)
    expect(log).toMatch(/Stint \(browser host\) stopped\n$/)
    expect(host.token.length).toBeGreaterThan(20)
    expect(log).not.toContain(host.token)
    expect(host.stderr()).not.toContain(host.token)
  }, 30_000)
})
