// The desktop end of the extension's channel on a real core (SQLite, fake clock) and a
// real Unix socket; the native host in between, on streams, as the browser would drive it.
import { statSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../logger'
import { FrameDecoder, encodeFrame } from '../native-host/framing'
import { runNativeHost } from '../native-host/host'
import { openTempCore, T0, type TempCore } from '../testing/temp-core'
import { startTicketSocket, ticketSocketPath, type TicketSocket } from './ticket-socket'

interface Client {
  send(message: unknown): void
  next(): Promise<unknown>
  raw: Socket
}

function messagesOf(stream: NodeJS.ReadableStream): () => Promise<unknown> {
  const decoder = new FrameDecoder()
  const queue: unknown[] = []
  const waiters: ((m: unknown) => void)[] = []
  stream.on('data', (chunk: Buffer) => {
    for (const message of decoder.push(chunk)) {
      const waiter = waiters.shift()
      if (waiter) waiter(message)
      else queue.push(message)
    }
  })
  return () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiters.push(resolve)))
}

async function client(path: string): Promise<Client> {
  const raw = connect(path)
  await new Promise((resolve) => raw.once('connect', resolve))
  return { raw, send: (m) => raw.write(encodeFrame(m)), next: messagesOf(raw) }
}

let temp: TempCore
let socket: TicketSocket
const notices: string[] = []
let keepShort = true

beforeEach(async () => {
  temp = await openTempCore()
  notices.length = 0
  keepShort = true
  socket = await startTicketSocket({
    path: ticketSocketPath(temp.dataDir),
    timers: temp.core.timers,
    workItems: () => temp.core.work.listWorkItems(),
    events: temp.core.events,
    feedback: { confirmKeepShort: () => Promise.resolve(keepShort), notify: (title, body) => notices.push(`${title}: ${body}`) },
    logger: silentLogger,
  })
})

afterEach(async () => {
  await socket.close()
  await temp.dispose()
})

const start = { id: 'a', type: 'start', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1', title: 'Printer  offline', customer: 'Acme Ltd' }

describe('the extension socket', () => {
  it('is a socket in the data folder that only this user may open', () => {
    const stat = statSync(socket.path)
    expect(stat.isSocket()).toBe(true)
    expect(stat.mode & 0o777).toBe(0o600)
  })

  it('starts, pauses, resumes and stops a ticket timer, booking the time as a link does', async () => {
    const c = await client(socket.path)
    c.send({ id: 's', type: 'state', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    expect(await c.next()).toEqual({ id: 's', ok: true, timer: { ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1', state: 'idle', slot: null, closedSeconds: 0, runningSince: null } })

    c.send(start)
    expect(await c.next()).toMatchObject({ type: 'tickets', timers: [{ ref: 'Redmine#1', state: 'running', runningSince: T0 }] })
    expect(await c.next()).toEqual({ id: 'a', ok: true, timer: { ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1', state: 'running', slot: 1, closedSeconds: 0, runningSince: T0 } })
    const item = (await temp.core.work.listWorkItems()).find((w) => w.reference === 'Redmine#1')
    expect(item).toMatchObject({ title: 'Printer offline', customerName: 'Acme Ltd', ticketUrl: 'http://127.0.0.1:3101/issues/1' })

    temp.clock.advance(20 * 60_000)
    c.send({ id: 'p', type: 'pause', ref: 'redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    expect(await c.next()).toMatchObject({ type: 'tickets', timers: [{ state: 'paused', closedSeconds: 1200 }] })
    expect(await c.next()).toMatchObject({ id: 'p', ok: true, timer: { ref: 'Redmine#1', state: 'paused', closedSeconds: 1200, runningSince: null } })

    c.send({ ...start, id: 'r' })
    await c.next()
    expect(await c.next()).toMatchObject({ id: 'r', ok: true, timer: { state: 'running', closedSeconds: 1200 } })

    temp.clock.advance(10 * 60_000)
    c.send({ id: 'x', type: 'stop', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    expect(await c.next()).toMatchObject({ type: 'tickets', timers: [] })
    expect(await c.next()).toMatchObject({ id: 'x', ok: true, timer: { state: 'idle' } })
    const entries = await temp.core.entries.load({ from: '2026-11-16', to: '2026-11-16' })
    expect(entries.map((e) => [e.workItemId, e.rawSeconds])).toEqual([[item?.id, 1800]])
    expect(notices).toEqual(['Redmine#1 stopped: 30 min booked as a draft entry.'])
    c.raw.destroy()
  })

  it('asks about a short run as a link does, and discards it when told so', async () => {
    keepShort = false
    const c = await client(socket.path)
    c.send(start)
    await c.next()
    await c.next()
    temp.clock.advance(5_000)
    c.send({ id: 'x', type: 'stop', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    let answer = await c.next()
    while (typeof answer === 'object' && answer !== null && 'type' in answer) answer = await c.next()
    expect(answer).toMatchObject({ id: 'x', ok: true, timer: { state: 'idle' } })
    expect(await temp.core.entries.load({ from: '2026-11-16', to: '2026-11-16' })).toEqual([])
    c.raw.destroy()
  })

  it('tells two systems’ tickets of the same reference apart by their pages', async () => {
    const c = await client(socket.path)
    c.send(start)
    await c.next()
    await c.next()
    const other = { ref: 'Redmine#1', url: 'https://redmine.other.example/issues/1' }
    c.send({ id: 'o', type: 'state', ...other })
    expect(await c.next()).toMatchObject({ id: 'o', ok: true, timer: { state: 'idle', slot: null } })
    c.send({ id: 'o2', type: 'start', ...other, title: 'Other printer' })
    await c.next()
    expect(await c.next()).toMatchObject({ id: 'o2', ok: true, timer: { ref: 'redmine.other.example/Redmine#1', url: other.url, state: 'running', slot: 2 } })
    c.send({ id: 'o3', type: 'state', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    expect(await c.next()).toMatchObject({ id: 'o3', ok: true, timer: { state: 'running', slot: 1 } })
    c.raw.destroy()
  })

  it('answers a request it cannot read, or cannot carry out, with the reason', async () => {
    const c = await client(socket.path)
    c.send({ id: 'b', type: 'start', ref: 'OPS 12', url: 'https://x.example/browse/OPS-12' })
    expect(await c.next()).toMatchObject({ id: 'b', ok: false, error: { code: 'invalid_request' } })
    c.send({ id: 'c', type: 'stop', ref: 'OPS-12', url: 'https://acme.atlassian.net/browse/OPS-12' })
    const notFound = (await c.next()) as { error: { code: string; message: string } }
    expect(notFound).toMatchObject({ id: 'c', ok: false, error: { code: 'not_found' } })
    expect(notFound.error.message).toContain('OPS-12')
    c.send({ ...start, id: 'd', title: 'Line\nbreak' })
    const badTitle = (await c.next()) as { error: { code: string; message: string } }
    expect(badTitle).toMatchObject({ id: 'd', ok: false, error: { code: 'invalid_request' } })
    expect(badTitle.error.message).toContain('the title')
    c.raw.destroy()
  })

  it('closes a connection that sends something that is not a message', async () => {
    const c = await client(socket.path)
    const closed = new Promise((resolve) => c.raw.once('close', resolve))
    const header = Buffer.alloc(4)
    header.writeUInt32LE(5 * 1024 * 1024, 0)
    c.raw.write(header)
    await closed
  })

  it('replaces a socket file left behind, and refuses to start beside a running one', async () => {
    await expect(
      startTicketSocket({ path: socket.path, timers: temp.core.timers, workItems: () => Promise.resolve([]), events: temp.core.events, feedback: { confirmKeepShort: () => Promise.resolve(true), notify: () => undefined }, logger: silentLogger }),
    ).rejects.toThrow(/already serving/)
    const stale = `${temp.dataDir}/stale.sock`
    writeFileSync(stale, '')
    const second = await startTicketSocket({ path: stale, timers: temp.core.timers, workItems: () => Promise.resolve([]), events: temp.core.events, feedback: { confirmKeepShort: () => Promise.resolve(true), notify: () => undefined }, logger: silentLogger })
    expect(statSync(stale).isSocket()).toBe(true)
    await second.close()
  })
})

describe('the native host between the browser and the app', () => {
  function host(socketPath: string) {
    const input = new PassThrough()
    const output = new PassThrough()
    const done = runNativeHost({ input, output, socketPath })
    return { send: (m: unknown) => input.write(encodeFrame(m)), next: messagesOf(output), end: () => input.end(), done }
  }

  it('forwards requests to the app and the app’s answers and events back', async () => {
    const h = host(socket.path)
    h.send(start)
    expect(await h.next()).toMatchObject({ type: 'tickets', timers: [{ ref: 'Redmine#1', state: 'running' }] })
    expect(await h.next()).toMatchObject({ id: 'a', ok: true, timer: { state: 'running' } })
    h.end()
    await h.done
  })

  it('refuses a bad message itself, before the app sees it', async () => {
    const h = host(socket.path)
    h.send({ id: 'q', type: 'state', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1', extra: 1 })
    expect(await h.next()).toMatchObject({ id: 'q', ok: false, error: { code: 'invalid_request' } })
    h.end()
    await h.done
  })

  it('says the app is not running when nothing listens', async () => {
    const h = host(`${temp.dataDir}/nobody.sock`)
    h.send({ id: 'q', type: 'state', ref: 'Redmine#1', url: 'http://127.0.0.1:3101/issues/1' })
    expect(await h.next()).toEqual({ id: 'q', ok: false, error: { code: 'unavailable', message: 'Stint is not running. Start Stint, then try again.' } })
    h.end()
    await h.done
  })
})
