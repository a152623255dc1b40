// The steps of issue 17's journey, shared by the Redmine and the Request Tracker test: a team
// server (the built bundle, set up with its admin CLI, the ticket system added with its
// credentials), a technician whose browser host is the native host's "desktop app" and whose
// Chromium carries the extension (persistent profile), and an approver on a device of their
// own. Everything runs on the suite's clock (e2e-clock.ts), the extension's content script
// included: the test's copy of the extension gets the same shift of Date the pages get.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import { CHROMIUM_PATH } from '../../playwright.config'
import { closeDevice, openDevice, type Device } from '../support/devices'
import { E2E_ZONE, e2eClockOffset, e2eNow, shiftPageClock } from '../support/e2e-clock'
import { serverCli, startTeamOrg, type TeamOrg } from '../support/team-org'
import { ROOT, startHost, type RunningHost } from '../support/web-host'
import { expect } from './fixtures'

export const EXTENSION_ID = 'jegeifgeopalhjggclaknmljmjcnogjn'
export const TESS = { name: 'Tess Tech', email: 'tess@example.com', role: 'member' } as const
const ABE = { name: 'Abe Approver', email: 'abe@example.com', role: 'approver' } as const
const ADMIN = 'ada@example.com'
/** The worker looks for due writes often, so the test waits for the ticket system, not for a timer. */
const WRITE_BACK_ENV = { STINT_WRITEBACK_INTERVAL_MS: '200' }

export interface Journey {
  org: TeamOrg
  /** The technician's browser host: the desktop app the native host talks to. */
  host: RunningHost
  /** The technician's Chromium with the extension; `app` is Stint's window in it. */
  context: BrowserContext
  app: Page
  approver: Device
  stop(): Promise<void>
}

/** Today on the suite's clock, as the technician's host books it. */
export function today(): string {
  return new Date(e2eNow()).toLocaleDateString('en-CA', { timeZone: E2E_ZONE })
}

/** The built extension, allowed on 127.0.0.1 (no permission prompt), its content script on the suite's clock. */
function extensionCopy(work: string): string {
  const extension = join(work, 'extension')
  cpSync(join(ROOT, 'out', 'extension'), extension, { recursive: true })
  const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as Record<string, unknown>
  writeFileSync(join(extension, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['http://127.0.0.1/*'] }))
  const shift = `(() => { const Real = Date; const offset = ${e2eClockOffset()}; class Shifted extends Real { constructor(...a) { if (a.length === 0) super(Real.now() + offset); else super(...a) } static now() { return Real.now() + offset } } globalThis.Date = Shifted })();\n`
  const content = join(extension, 'content.js')
  writeFileSync(content, shift + readFileSync(content, 'utf8'))
  return extension
}

/** Settings → Team server: the address and the device token, through the form. */
async function connect(page: Page, url: string, token: string, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Team server' })
  await section.getByLabel('Server address').fill(url)
  await section.getByLabel('Device token').fill(token)
  await section.getByRole('button', { name: 'Connect' }).click()
  await expect(section.getByRole('status')).toHaveText(`Connected as ${name}.`)
}

/** The sidebar's "Sync now", waiting for its round to finish (as approval-journey.spec.ts does). */
export async function syncNow(page: Page): Promise<void> {
  const status = page.getByRole('region', { name: 'Sync status' })
  const button = status.getByRole('button', { name: 'Sync now' })
  await expect(async () => {
    if (!(await button.isVisible())) {
      await page.reload()
      await expect(button).toBeVisible({ timeout: 1_500 })
    }
  }).toPass({ timeout: 15_000 })
  await button.click()
  await expect(status.getByRole('button', { name: 'Syncing…' })).toHaveCount(0)
}

/**
 * The organisation (Tess, Abe approving her team at one level), the ticket system (started
 * by `startSystem` meanwhile) on the server with its credentials and `mappings` (CLI argument
 * lists after `ticket-system`),
 * Tess's host with the native host installed into her profile, her Chromium with the
 * extension, and both people connected to the server.
 */
export interface JourneySystem {
  kind: 'redmine' | 'rt'
  name: string
  url: string
  credentials: Record<string, string>
  mappings: string[][]
  stop(): Promise<void>
}

export async function startJourney<S extends JourneySystem>(browser: Browser, startSystem: () => Promise<S>): Promise<Journey & { system: S }> {
  const work = mkdtempSync(join(tmpdir(), 'stint-ticket-journey-'))
  const cleanups: (() => Promise<void>)[] = [() => Promise.resolve(rmSync(work, { recursive: true, force: true }))]
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined)
  }
  try {
    // The ticket system boots (Rails, Perl) while the admin CLI sets up the organisation.
    const [made, system] = await Promise.allSettled([startTeamOrg({ people: [TESS, ABE], team: { name: 'Field', pattern: 'one', members: [TESS.email], level1: [ABE.email] }, env: WRITE_BACK_ENV }), startSystem()])
    if (system.status === 'fulfilled') cleanups.push(() => system.value.stop())
    if (made.status === 'fulfilled') cleanups.push(() => made.value.stop())
    if (made.status === 'rejected') throw made.reason
    if (system.status === 'rejected') throw system.reason
    const org = made.value
    const credentials = join(work, 'credentials.json')
    const { kind, name, url, credentials: secrets, mappings } = system.value
    writeFileSync(credentials, JSON.stringify(secrets), { mode: 0o600 })
    await serverCli(org.dataDir, ['ticket-system', 'add', '--kind', kind, '--name', name, '--url', url, '--credentials-file', credentials])
    for (const mapping of mappings) await serverCli(org.dataDir, ['ticket-system', ...mapping])

    const profile = join(work, 'profile')
    const extension = extensionCopy(work)
    const host = await startHost(join(work, 'data'), ['--install-native-host', 'chromium', '--native-host-manifest-dir', join(profile, 'NativeMessagingHosts')])
    cleanups.push(() => host.stop())
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', `--disable-extensions-except=${extension}`, `--load-extension=${extension}`],
      viewport: { width: 1180, height: 780 },
      timezoneId: E2E_ZONE,
    })
    cleanups.push(() => context.close())
    await shiftPageClock(context)
    const app = await context.newPage()
    await app.goto(host.url)
    const approver = await openDevice(browser, 'approver')
    cleanups.push(() => closeDevice(approver))
    await Promise.all([connect(app, org.server.url, org.tokens[TESS.email] ?? '', TESS.name), connect(approver.page, org.server.url, org.tokens[ABE.email] ?? '', ABE.name)])
    // Timer time rounded to the nearest quarter hour, so the hours on the ticket are a clear number.
    await hostApi(host, 'settings.update', { timers: { rounding: { mode: 'nearest', minutes: 15 } } })
    return { org, host, context, app, approver, stop, system: system.value }
  } catch (error) {
    await stop()
    throw error
  }
}

/** One call of the technician's host API (its launch token), answering the value. */
export async function hostApi<T = unknown>(host: RunningHost, name: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${host.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const envelope = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message ?? 'failed'}`)
  return envelope.value
}

/** The extension's options page: the self-hosted system added by its address, "stop and book when closed" on. */
export async function addSystemInExtension(j: Journey, kind: 'redmine' | 'rt', origin: string): Promise<void> {
  const options = await j.context.newPage()
  await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`)
  await expect(options.getByText('Connected to Stint.')).toBeVisible()
  await options.getByLabel('System').selectOption(kind)
  await options.getByLabel('Address').fill(origin)
  await options.getByRole('button', { name: 'Add system' }).click()
  await expect(options.getByText(`${origin} was added.`)).toBeVisible()
  await options.getByRole('group', { name: new RegExp(`: ${origin.replace(/[.]/g, '\\.')}$`) }).getByLabel('Stop and book when the ticket is closed').check()
  await expect.poll(() => options.evaluate(`chrome.storage.local.get('selfHosted').then((s) => JSON.stringify(s.selfHosted.map((x) => [x.autoStart, x.autoStop])))`)).toBe('[[false,true]]')
  await options.close()
}

interface Timer {
  slot: number
  state: string
  label: string
}

/**
 * On the live ticket page: one control beside the title, Start, and the timer runs in Stint
 * for that ticket; then its start is set back an hour and a half (the work), which the
 * control shows.
 */
export async function startFromTicketPage(j: Journey, page: Page, ref: string): Promise<Locator> {
  const control = page.locator('stint-ticket-control')
  await expect(control).toHaveCount(1)
  await expect(control.getByRole('status')).toHaveText('Not running')
  await control.getByRole('button', { name: `Start the Stint timer for ${ref}` }).click()
  await expect(control.getByRole('status')).toHaveText(/^Running 0:00:0\d$/)
  const running = (await hostApi<Timer[]>(j.host, 'timers.list')).filter((t) => t.state === 'running')
  expect(running.map((t) => t.label)).toEqual([ref])
  await hostApi(j.host, 'timers.setStart', { slot: running[0]?.slot, startedAt: e2eNow() - 90 * 60_000 })
  await expect(control.getByRole('status')).toHaveText(/^Running 1:30:\d\d$/)
  await expect(control).toHaveCount(1)
  return control
}

interface Entry {
  day: string
  workItemId: string | null
  roundedSeconds: number
}

/** After the ticket was closed in its system: the reloaded page stops the timer and books its time. */
export async function expectBookedOnClose(j: Journey, page: Page, control: Locator, ticketUrl: string): Promise<void> {
  await page.reload()
  await expect(control.getByRole('status')).toHaveText('Not running')
  expect((await hostApi<Timer[]>(j.host, 'timers.list')).every((t) => t.state === 'idle')).toBe(true)
  const items = await hostApi<{ id: string; ticketUrl: string | null }[]>(j.host, 'work.listItems')
  const item = items.find((i) => i.ticketUrl === ticketUrl)
  expect(item, `a work item for ${ticketUrl}`).toBeDefined()
  const entries = await hostApi<Entry[]>(j.host, 'entries.list', { from: today(), to: today() })
  expect(entries.map((e) => [e.workItemId, e.roundedSeconds])).toEqual([[item?.id, 5400]])
}

/** Tess submits this week and syncs; Abe approves it in Approvals (level 1 is the last level). */
export async function submitAndApprove(j: Journey, ref: string): Promise<void> {
  const m = j.app
  await m.bringToFront()
  await m.getByRole('link', { name: 'Timesheet' }).click()
  const row = m.getByRole('grid').getByRole('row', { name: new RegExp(ref) })
  await expect(row).toContainText('1:30')
  const label = (await m.getByRole('heading', { level: 2 }).first().textContent()) ?? ''
  await m.getByRole('button', { name: 'Submit period…' }).click()
  await m.getByRole('dialog', { name: `Submit ${label}?` }).getByRole('button', { name: 'Submit for approval' }).click()
  await expect(m.getByRole('note', { name: 'Read-only period' })).toContainText('Submitted — waiting for level 1 approval')
  await syncNow(m)

  const a = j.approver.page
  await syncNow(a)
  await a.getByRole('link', { name: 'Approvals' }).click()
  const tess = a.getByRole('table', { name: /Periods waiting for your approval/ }).getByRole('row', { name: /Tess Tech/ })
  await expect(tess).toContainText('1:30')
  await tess.getByRole('checkbox').check()
  await a.getByRole('button', { name: 'Approve 1 period' }).click()
  await expect(a.getByText('Nothing waits for your approval.')).toBeVisible()
}

/** Tess's cell details read the write's state from the server: written, with the button that opens it. */
export async function expectWrittenInDetails(j: Journey, ref: string, systemName: string): Promise<Locator> {
  const m = j.app
  await syncNow(m)
  await expect(m.getByRole('note', { name: 'Read-only period' })).toContainText('Approved and locked by Abe Approver')
  const cell = m.getByRole('grid').getByRole('row', { name: new RegExp(ref) }).locator('.ts-day.is-today')
  await cell.focus()
  await m.keyboard.press('Alt+Enter')
  const details = m.getByRole('dialog', { name: /· details$/ })
  await expect(details.getByText(`Written to ${systemName}`)).toBeVisible()
  await expect(details.getByRole('button', { name: `Open in ${systemName}` })).toBeVisible()
  return details
}

/** The admin voids Tess's approved week with the CLI (there is no void in the window). */
export async function voidTheWeek(j: Journey): Promise<void> {
  await serverCli(j.org.dataDir, ['period', 'void', '--email', TESS.email, '--day', today(), '--reason', 'Booked on the wrong ticket', '--as', ADMIN])
}
