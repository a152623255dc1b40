// The browser host's launch secret reaches this host only. Cookies are not scoped by
// port, so a cookie would go to every other service on 127.0.0.1 as well: a real
// Chromium visits another port from the same browser, and that service never sees it.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './fixtures'

interface Seen {
  url: string
  headers: IncomingHttpHeaders
}

async function otherService(): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>Another local service</title><img src="/pixel.png" alt="">')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen, server }
}

test('another service on 127.0.0.1 never receives the launch secret, and the app still works after a reload', async ({ page, host }) => {
  const other = await otherService()
  try {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Start Timer 3' }).click()
    await expect(page.getByRole('button', { name: 'Pause Timer 3' })).toBeVisible()

    // The same browser opens the other service, in a new tab and in the tab Stint was in.
    const tab = await page.context().newPage()
    await tab.goto(other.url)
    await expect(tab).toHaveTitle('Another local service')
    await page.goto(`${other.url}from-stint`)
    await page.goBack()

    expect(other.seen.map((request) => request.url)).toEqual(expect.arrayContaining(['/', '/pixel.png', '/from-stint']))
    for (const request of other.seen) expect(JSON.stringify(request.headers)).not.toContain(host.token)
    expect(JSON.stringify(await page.context().cookies())).not.toContain(host.token)

    // Back in Stint, without the secret in the address: a reload still reaches the host, events included.
    await page.reload()
    expect(page.url()).not.toContain('token=')
    await page.getByRole('button', { name: 'Pause Timer 3' }).click()
    await expect(page.getByRole('button', { name: 'Resume Timer 3' })).toBeVisible()
  } finally {
    other.server.closeAllConnections()
    other.server.close()
  }
})

test('a malformed percent-encoding in an address is a 400 with a reason, not a 500', async ({ page, host }) => {
  await page.goto(host.url)
  const reply = await page.evaluate(async () => {
    const response = await fetch('/api/call/timers.list%E0%A4%A', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    return { status: response.status, text: await response.text() }
  })
  expect(reply.status).toBe(400)
  expect(reply.text).toContain('malformed percent-encoding')
})
