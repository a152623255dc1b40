// One bad row never stops sync, in real Chromium: a member's device syncs through a
// route broken on purpose (a small proxy in front of a real team server process that
// answers 500 to any push carrying the marked entry). The sidebar says the server has a
// problem, never "Offline"; after three tries the device finds the one change, sets it
// aside in Needs attention and sends the rest; once the server is mended, "Send again"
// sends it too. Screenshots of the sidebar and of Needs attention in light and dark.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import type { CellDetails, RowKey } from '@shared/timesheet'
import { callHost, closeDevice, openDevice, type Device } from '../support/devices'
import { startTeamOrg, type TeamOrg } from '../support/team-org'
import { expect, inBothThemes, test } from './fixtures'

const TESS = { name: 'Tess Tech', email: 'tess@example.com', role: 'member' } as const
const POISON = 'Replaced the POISON toner'
const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18']
const row: RowKey = { workItemId: null, activityTypeId: null, billable: true }

/** A proxy to the team server whose push route fails on the marked entry while `broken` is set. */
async function brokenRoute(upstream: string): Promise<{ url: string; mend(): void; close(): Promise<void> }> {
  let broken = true
  const server: Server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const body = Buffer.concat(chunks)
      if (broken && req.url === '/v1/sync/push' && body.toString('utf8').includes('POISON')) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'internal', message: 'The server could not complete this request; the details are in its log.' } }))
        return
      }
      const answer = await fetch(`${upstream.replace(/\/$/, '')}${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: { authorization: req.headers.authorization ?? '', ...(body.length > 0 ? { 'content-type': 'application/json' } : {}) },
        ...(body.length > 0 ? { body } : {}),
      })
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' })
      res.end(Buffer.from(await answer.arrayBuffer()))
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    mend: () => {
      broken = false
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

async function connect(page: Page, url: string, token: string) {
  await page.getByRole('link', { name: 'Settings' }).click()
  const section = page.getByRole('region', { name: 'Team server' })
  await section.getByLabel('Server address').fill(url)
  await section.getByLabel('Device token').fill(token)
  await section.getByRole('button', { name: 'Connect' }).click()
  await expect(section.getByRole('status')).toHaveText(`Connected as ${TESS.name}.`)
}

test('a change the server keeps failing on is set aside, the rest syncs, and "Send again" sends it once the server is mended', async ({ browser }) => {
  test.setTimeout(90_000)
  let org: TeamOrg | undefined
  let proxy: Awaited<ReturnType<typeof brokenRoute>> | undefined
  let device: Device | undefined
  try {
    org = await startTeamOrg({ people: [TESS], team: { name: 'Field', pattern: 'one', members: [TESS.email], level1: ['ada@example.com'] } })
    proxy = await brokenRoute(org.server.url)
    device = await openDevice(browser, 'member')
    const page = device.page
    await connect(page, proxy.url, org.tokens[TESS.email] ?? '')

    // Three days of time, one of them described with the text the broken route chokes on.
    await callHost(page, 'timesheet.setCells', { changes: DAYS.map((day) => ({ day, row, totalSeconds: 3600 })) })
    const details = await callHost<CellDetails>(page, 'timesheet.cellDetails', { day: DAYS[1], row })
    await callHost(page, 'timesheet.describeEntry', { id: details.entries[0]?.id, description: POISON })

    const sidebar = page.getByRole('region', { name: 'Sync status' })
    await page.reload()
    await sidebar.getByRole('button', { name: 'Sync now' }).click()
    await expect(sidebar).toContainText('Sync problem')
    await expect(sidebar).toContainText('The team server has a problem (HTTP 500')
    await expect(sidebar).toContainText(/\d changes? waiting on this device/)
    await expect(sidebar).not.toContainText('Offline')
    await inBothThemes(page, 'sync-problem-sidebar', sidebar)

    // The third failure in a row (background rounds count too) finds the one change and sends the rest.
    const review = sidebar.getByRole('link', { name: 'Review 1 issue' })
    await expect(async () => {
      if (!(await review.isVisible())) await sidebar.getByRole('button', { name: 'Try now' }).click()
      await expect(review).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
    await expect(sidebar).toContainText('Needs attention')
    await review.click()
    const card = page.getByRole('article', { name: /Entry on Tue 17 Nov 2026/ })
    await expect(card).toContainText('The team server could not take this change (HTTP 500: The server could not complete this request')
    await expect(card).toContainText('It was set aside so that your other changes could sync')
    await expect(card).toContainText(POISON)
    await inBothThemes(page, 'sync-set-aside-attention')

    proxy.mend()
    await card.getByRole('button', { name: 'Send again' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Your change goes to the server again with the next sync.' })).toBeVisible()
    await expect(async () => {
      const button = sidebar.getByRole('button', { name: 'Sync now' })
      if (await button.isVisible()) await button.click()
      await expect(sidebar).toContainText('Synced', { timeout: 2_000 })
    }).toPass({ timeout: 20_000 })
  } finally {
    await closeDevice(device)
    await proxy?.close()
    await org?.stop()
  }
})
