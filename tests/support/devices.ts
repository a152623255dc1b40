// Browser "devices" for end-to-end journeys: each its own browser host, data folder and
// browser context, as one person's computer would be; and one call of a host's API made
// from its page (with the page's launch secret and origin), for seeding data the way the UI does.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { E2E_ZONE, shiftPageClock } from './e2e-clock'
import { startHost, type RunningHost } from './web-host'

export interface Device {
  page: Page
  host: RunningHost
  dataDir: string
}

export async function openDevice(browser: Browser, name: string, viewport = { width: 1180, height: 780 }): Promise<Device> {
  const dataDir = mkdtempSync(join(tmpdir(), `stint-e2e-${name}-`))
  const host = await startHost(dataDir)
  const context = await browser.newContext({ viewport, timezoneId: E2E_ZONE })
  await shiftPageClock(context)
  const page = await context.newPage()
  await page.goto(host.url)
  return { page, host, dataDir }
}

export async function closeDevice(device: Device | undefined): Promise<void> {
  if (!device) return
  await device.page.context().close()
  await device.host.stop()
  rmSync(device.dataDir, { recursive: true, force: true })
}

/** One call of the host's API from the page (its launch secret and origin), answering the value or throwing the host's message. */
export async function callHost<T>(page: Page, name: string, request: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([name, body]) => {
      // The page keeps the secret in this tab's sessionStorage (src/renderer/src/launch-secret.ts).
      const secret = sessionStorage.getItem('stint.launchSecret') ?? ''
      const response = await fetch(`/api/call/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` }, body })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } }
    },
    [name, JSON.stringify(request)] as const,
  )
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error?.message ?? 'failed'}`)
  return envelope.value as T
}
