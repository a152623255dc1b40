// A ticket system as a small HTTP server, for the write-back tests that run the real server
// process: it keeps the time written to it, finds it by Stint's write key, and can take a
// write in and never answer (the moment a test kills the server). Its connector is
// tests/support/http-ticket-connector.mjs, loaded by the server through STINT_TICKET_CONNECTORS.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'

export const HTTP_TICKET_CONNECTOR = join(import.meta.dirname, 'http-ticket-connector.mjs')

export interface StoredTime {
  id: string
  writeKey: string
  ticketId: string
  seconds: number
  activityId: string | null
  userId: string | null
}

export class HttpTicketSystem {
  readonly stored = new Map<string, StoredTime>()
  writeRequests = 0
  /** Store the next write, then leave its request hanging; resolves `landed`. */
  hangAfterWrite = false
  private landedResolve: (() => void) | null = null
  readonly landed = new Promise<void>((resolve) => (this.landedResolve = resolve))
  private readonly hanging: ServerResponse[] = []
  private nextId = 500
  private server: Server | null = null
  url = ''

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy()
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url)
    const answer = (status: number, body: unknown): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    let text = ''
    for await (const chunk of request) text += String(chunk)
    if (request.method === 'POST' && url.pathname === '/write') {
      this.writeRequests++
      const time = JSON.parse(text) as Omit<StoredTime, 'id'>
      const id = String(this.nextId++)
      this.stored.set(id, { id, writeKey: time.writeKey, ticketId: time.ticketId, seconds: time.seconds, activityId: time.activityId, userId: time.userId })
      if (this.hangAfterWrite) {
        this.hangAfterWrite = false
        this.hanging.push(response)
        this.landedResolve?.()
        return
      }
      return answer(201, { id })
    }
    if (request.method === 'GET' && url.pathname === '/find') {
      const found = [...this.stored.values()].find((s) => s.writeKey === url.searchParams.get('key') && s.ticketId === url.searchParams.get('ticket'))
      return answer(200, { id: found?.id ?? null })
    }
    if (request.method === 'POST' && url.pathname === '/reverse') {
      const { id } = JSON.parse(text) as { id: string }
      return this.stored.delete(id) ? answer(200, {}) : answer(404, { error: 'no such time entry' })
    }
    if (request.method === 'GET' && url.pathname === '/has') return answer(200, { has: this.stored.has(url.searchParams.get('id') ?? '') })
    if (request.method === 'GET' && url.pathname === '/activities') return answer(200, [{ id: '9', name: 'Remote support' }])
    if (request.method === 'GET' && url.pathname === '/user') return answer(200, { user: url.searchParams.get('email') === 'bo@example.com' ? { id: '7', name: 'Bo' } : null })
    return answer(404, { error: 'unknown' })
  }
}
