// A small node:http fake of a ticket system's REST API for the connectors written from
// documentation (Zammad, Jira, GLPI, Freshdesk): it records every request (method, path
// with query, headers, JSON body) and answers from a route table the test writes, so a test
// checks the request shape the docs give and feeds back the documented answers.
import { createServer, type IncomingHttpHeaders } from 'node:http'

export interface FakeRequest {
  method: string
  /** Path and query, as sent. */
  url: string
  headers: IncomingHttpHeaders
  json: unknown
}

export interface FakeAnswer {
  status?: number
  json?: unknown
  headers?: Record<string, string>
  /** Wait this long before answering (to test timeouts). */
  delayMs?: number
}

export type Route = (request: FakeRequest) => FakeAnswer | undefined

export interface FakeTicketSystem {
  url: string
  requests: FakeRequest[]
  /** Routes are tried newest first; the first that answers wins; none: 404. */
  route(method: string, path: RegExp, answer: FakeAnswer | ((request: FakeRequest, match: RegExpExecArray) => FakeAnswer)): void
  close(): Promise<void>
}

export async function startFakeTicketSystem(): Promise<FakeTicketSystem> {
  const routes: Route[] = []
  const requests: FakeRequest[] = []
  const server = createServer((req, res) => {
    let raw = ''
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    req.on('end', () => {
      const request: FakeRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, json: raw ? (JSON.parse(raw) as unknown) : null }
      requests.push(request)
      const answer = routes.reduceRight<FakeAnswer | undefined>((found, route) => found ?? route(request), undefined) ?? { status: 404, json: { message: 'no such route in the fake' } }
      setTimeout(() => {
        if (res.destroyed) return
        res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...answer.headers })
        res.end(answer.json === undefined ? '' : JSON.stringify(answer.json))
      }, answer.delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route(method, path, answer) {
      routes.push((request) => {
        if (request.method !== method) return undefined
        const match = path.exec(request.url)
        if (!match) return undefined
        return typeof answer === 'function' ? answer(request, match) : answer
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
