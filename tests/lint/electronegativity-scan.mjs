// Runs electronegativity's scanner as a library and writes what it found as JSON to the
// file named last: its CSV output is written by two unordered async writes (dist/util/file.js)
// and came out garbled on a busy machine, so the test reads the runner's own result instead.
// Arguments: the runner module, the folder to scan, the Electron version, the JSON file.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const [runnerPath, input, electronVersion, output] = process.argv.slice(2)
const run = createRequire(import.meta.url)(runnerPath)

run(
  {
    input,
    electronVersionOverride: electronVersion,
    customScan: [],
    // Downloads Electron's release notes: left out so the scan gives the same answer offline.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    parserPlugins: [],
  },
  false,
).then((result) => {
  const findings = result.issues.map((issue) => ({
    issue: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    filename: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
    sample: issue.sample ?? '',
  }))
  writeFileSync(output, JSON.stringify({ checks: result.atomicChecks, parseErrors: result.errors.map((e) => `${e.file}: ${e.message}`), findings }))
})
