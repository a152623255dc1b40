// The team server as an operator installs it: the built server (out/server) beside
// package.json and package-lock.json in a fresh folder, `npm ci --omit=dev`, and plain
// Node. No TypeScript, vite or vitest there: if the built server needed anything from
// devDependencies, it would fail here. npm installs from its cache (--offline), so the
// test needs no network.
import { execFile } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServerBundle, startServerProcess } from '../support/server-process'

const ROOT = join(import.meta.dirname, '..', '..')
const run = promisify(execFile)
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }

/** Runtime dependencies only the desktop app loads: the server must not import them. None now: pdfkit prints the team server's billing runs too. */
const DESKTOP_ONLY: readonly string[] = []

/** The packages the built files import by bare name (no node: built-ins, no relative chunks), or whose files they resolve (`require.resolve('pkg/file')`, the PDF fonts); the bundler writes its imports at the start of a line, so comments do not count. */
function packagesImportedBy(folder: string): Set<string> {
  const names = new Set<string>()
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(join(folder, file), 'utf8')
    for (const match of code.matchAll(/^(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"];?$|\bimport\(\s*['"]([^'"]+)['"]\s*\)|^import\s*['"]([^'"]+)['"];?$|\.resolve\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const specifier = match[1] ?? match[2] ?? match[3] ?? match[4] ?? ''
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '')) continue
      const parts = specifier.split('/')
      names.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier))
    }
  }
  return names
}

describe('the team server installed with production dependencies only', () => {
  let bundle: Awaited<ReturnType<typeof buildServerBundle>>
  let installDir: string
  beforeAll(async () => {
    bundle = await buildServerBundle()
    installDir = mkdtempSync(join(tmpdir(), 'stint-server-install-'))
    copyFileSync(join(ROOT, 'package.json'), join(installDir, 'package.json'))
    copyFileSync(join(ROOT, 'package-lock.json'), join(installDir, 'package-lock.json'))
    cpSync(dirname(bundle.entry), join(installDir, 'out', 'server'), { recursive: true })
    await run('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund'], { cwd: installDir, env: { ...process.env, npm_config_loglevel: 'error' } })
  }, 120_000)
  afterAll(() => {
    bundle.remove()
    rmSync(installDir, { recursive: true, force: true })
  })

  it('needs exactly the runtime dependencies package.json lists (but the desktop’s own), and none of the development tools', () => {
    const server = Object.keys(packageJson.dependencies).filter((name) => !DESKTOP_ONLY.includes(name))
    expect([...packagesImportedBy(dirname(bundle.entry))].sort()).toEqual(server.sort())
    for (const tool of ['vite', 'vitest', 'typescript', 'zod', 'electron', 'node']) expect(existsSync(join(installDir, 'node_modules', tool)), tool).toBe(false)
  })

  it('sets up an organisation, answers /v1/health and prints a billing run as PDF from the installed folder', async () => {
    const entry = join(installDir, 'out', 'server', 'server.js')
    const dataDir = join(installDir, 'data')
    const env = { ...process.env }
    delete env['DATABASE_URL']
    const init = await run(process.execPath, [entry, 'init', '--data-dir', dataDir, '--org', 'Acme IT', '--admin-name', 'Ana Admin', '--admin-email', 'ana@example.com'], { cwd: installDir, env })
    expect(init.stdout.trim()).toMatch(/^\S+$/) // the admin's token, alone on stdout
    const server = await startServerProcess(entry, { dataDir })
    try {
      const response = await fetch(`${server.url}/v1/health`)
      expect(response.status).toBe(200)
      const admin = { authorization: `Bearer ${init.stdout.trim()}`, 'content-type': 'application/json' }
      const me = await fetch(`${server.url}/v1/me`, { headers: admin })
      expect(me.status).toBe(200)
      // pdfkit and the font it embeds (dejavu-fonts-ttf) load from the installed folder: a PDF made here proves they are there.
      const made = await fetch(`${server.url}/v1/billing/runs`, { method: 'POST', headers: admin, body: JSON.stringify({ from: '2020-01-01', to: '2020-01-31' }) })
      expect(made.status).toBe(201)
      const { run } = (await made.json()) as { run: { id: string } }
      const pdf = await fetch(`${server.url}/v1/billing/runs/${run.id}/export?file=pdf`, { headers: admin })
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf'])
      const bytes = Buffer.from(await pdf.arrayBuffer())
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(bytes.includes('DejaVuSansCondensed-Bold')).toBe(true)
    } finally {
      await server.stop()
    }
  }, 60_000)
})
