// Electron's security checklist, checked by a machine: Doyensec's electronegativity scans
// src/ against the Electron version that ships, and a HIGH finding fails the build. The
// check that downloads Electron's release notes is left out so the scan gives the same
// answer offline; the Electron version itself is kept at the newest release by hand.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const runner = join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'runner.js')
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
const outDir = mkdtempSync(join(tmpdir(), 'stint-electronegativity-'))
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

interface Finding {
  issue: string
  severity: string
  confidence: string
  filename: string
  location: string
  sample: string
}

interface Scan {
  checks: number
  parseErrors: string[]
  findings: Finding[]
}

/** The scanner run as a library in its own process (electronegativity-scan.mjs), its result read as JSON. */
async function scan(): Promise<Scan> {
  const output = join(outDir, 'findings.json')
  await promisify(execFile)(process.execPath, [join(import.meta.dirname, 'electronegativity-scan.mjs'), runner, join(root, 'src'), electronVersion, output], {
    cwd: root,
    timeout: 120_000,
  })
  return JSON.parse(readFileSync(output, 'utf8')) as Scan
}

describe('Electron security checklist (electronegativity)', () => {
  it('finds nothing of HIGH severity in src/', async () => {
    const { checks, parseErrors, findings } = await scan()
    // The scan ran its checks on every file: Stint registers a protocol handler, which is always listed for review.
    expect(checks).toBeGreaterThan(20)
    expect(parseErrors).toEqual([])
    expect(findings.some((f) => f.issue === 'PROTOCOL_HANDLER_JS_CHECK')).toBe(true)
    const high = findings.filter((f) => f.severity === 'HIGH').map((f) => `${f.issue} at ${f.filename}:${f.location}: ${f.sample}`)
    expect(high).toEqual([])
  })
}, 200_000)
