// `npm test`: unit and integration tests (vitest), then end-to-end tests in Debian's
// Chromium (Playwright) against the freshly built browser host. Without Chromium the
// end-to-end part fails under CI=true and is skipped loudly otherwise.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.mjs'

const root = join(import.meta.dirname, '..')
const results = join(root, 'test-results')
const vitestJson = join(results, 'vitest-results.json')
const playwrightJson = join(results, 'playwright-results.json')
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const onCi = process.env.CI === 'true' || process.env.CI === '1'

mkdirSync(results, { recursive: true })
rmSync(vitestJson, { force: true })
rmSync(playwrightJson, { force: true })
buildIfNeeded()

function run(command, args, env = {}) {
  const bin = join(root, 'node_modules', '.bin', command)
  return spawnSync(bin, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, ...env } }).status ?? 1
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

const totals = { passed: 0, failed: 0, skipped: 0 }
let failedStep = false

// Unit tests run in a zone with a 45-minute offset and its own daylight saving, so code
// that silently assumes UTC (the build machines' zone) fails here rather than for users.
const unitZone = process.env.STINT_TEST_TZ ?? 'Pacific/Chatham'
const vitestStatus = run('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], { TZ: unitZone })
const vitest = readJson(vitestJson)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
}
if (vitestStatus !== 0) failedStep = true

if (existsSync(chromium)) {
  const status = run('playwright', ['test'])
  const playwright = readJson(playwrightJson)
  if (playwright) {
    totals.passed += playwright.stats.expected + playwright.stats.flaky
    totals.failed += playwright.stats.unexpected
    totals.skipped += playwright.stats.skipped
  }
  if (status !== 0) failedStep = true
} else if (onCi) {
  console.error(`\nEND-TO-END TESTS CANNOT RUN: no Chromium at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`)
  failedStep = true
} else {
  const line = '!'.repeat(78)
  console.warn(`\n${line}\n  END-TO-END TESTS SKIPPED: no Chromium at ${chromium}.\n  Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH, then run npm test again.\n${line}`)
}

if (failedStep && totals.failed === 0) totals.failed = 1 // a runner that crashed before counting still fails the run
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedStep ? 1 : 0)
