// The browser host: the built renderer and the same handler map as the Electron main
// process, over HTTP on loopback only. Calls and the event stream need the per-launch
// secret in an Authorization header, which the page's bridge sends and which reaches no
// other address. Never a cookie: cookies are not scoped by port, so one would go to every
// other service on 127.0.0.1 as well. The renderer's files are public code and need no
// secret. Host and Origin must be this server's own, which also defeats DNS rebinding
// and cross-site requests. CSV exports are downloaded from a one-time, unguessable
// address that only a call with the secret hands out.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { EVENT_NAMES } from '@shared/contract'
import { primeChunks } from '@shared/csv-writer'
import { contentDisposition } from '@shared/export-columns'
import { StintError, type Envelope } from '@shared/errors'
import { invokeCall } from '../api/invoke'
import type { Core } from '../core'
import type { Logger } from '../logger'
import { contentTypeOf, resolveInside, securityHeaders } from '../renderer-files'
import { csvJobChunks, type CsvJob } from '../reports/exporter'
import { DOWNLOAD_PATH_PREFIX, type WebDownloads } from './downloads'
import { MAX_IMPORT_BYTES } from '@shared/import/import-types'

export const MAX_BODY_BYTES = 1024 * 1024
/** An import uploads a whole file (MAX_IMPORT_BYTES of text, which JSON may escape to twice as many bytes); the handler refuses a larger file in words. */
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024
const API_PREFIX = '/api/call/'
const EVENTS_PATH = '/api/events'
const HEARTBEAT_MS = 25_000

export interface WebHostOptions {
  core: Pick<Core, 'handlers' | 'events'>
  rendererDir: string
  token: string
  logger: Logger
  port?: number
  /** A server already listening (listenForWebHost), so a taken port is found before the data folder is opened. */
  listening?: Server
  /** The core's export destination (createCore's exportDestination): the downloads this host serves. */
  downloads?: WebDownloads
}

export interface WebHost {
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The secret of "Authorization: Bearer <secret>", the only way it is accepted. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer (\S+)$/.exec(header ?? '')
  return match?.[1]
}

/**
 * Keep-alive comments stop proxies and browsers from dropping an idle event stream. They
 * run only while a page listens: a host with no page open never wakes up for them.
 */
function keepAliveWhileListened(beat: () => void, listeners: () => number): { listening(): void; left(): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null
  const stop = () => {
    if (timer !== null) clearInterval(timer)
    timer = null
  }
  return {
    listening: () => {
      if (timer !== null) return
      timer = setInterval(beat, HEARTBEAT_MS)
      timer.unref()
    },
    left: () => {
      if (listeners() === 0) stop()
    },
    stop,
  }
}

/** The path with its percent-encoding undone, or null when that encoding is malformed. */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

const STATUS_OF: Record<string, number> = {
  invalid_request: 400,
  unknown_call: 404,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
}

function send(res: ServerResponse, status: number, body: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...securityHeaders(contentType), 'Cache-Control': 'no-store' })
  res.end(body)
}

function sendEnvelope(res: ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok ? 200 : (STATUS_OF[envelope.error.code] ?? 500)
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8')
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) return null
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Streams a job's CSV. The first chunk (64 KB of rows, or the team server's first bytes)
 * is made before any header is sent, so a refusal or an early failure is an error page
 * with a reason. A failure after that destroys the response instead of ending it: the
 * browser marks the download failed rather than keeping a cut-off file as if complete.
 */
async function sendDownload(res: ServerResponse, job: CsvJob, logger: Logger): Promise<void> {
  const stop = new AbortController()
  res.on('close', () => stop.abort(new Error('the browser closed the download')))
  let chunks: AsyncIterable<string | Uint8Array>
  try {
    chunks = await primeChunks(csvJobChunks(job, stop.signal))
  } catch (error) {
    if (error instanceof StintError) return send(res, STATUS_OF[error.code] ?? 500, `The export could not be made: ${error.message}`)
    logger.error('a CSV export failed before its first byte', error)
    return send(res, 500, 'The export could not be made; nothing was downloaded. The details are in the log.')
  }
  res.writeHead(200, {
    ...securityHeaders(job.file?.mediaType ?? 'text/csv; charset=utf-8'),
    'Content-Disposition': contentDisposition(job.fileName),
    'Cache-Control': 'no-store',
  })
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), res)
  } catch (error) {
    if (!stop.signal.aborted) logger.error('a CSV download failed halfway; the response was cut off so that no partial file passes for complete', error)
    res.destroy()
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
}

/** Takes the port on 127.0.0.1 first; requests wait until startWebHost answers them. Rejects (EADDRINUSE…) when the port is taken. */
export async function listenForWebHost(port: number): Promise<Server> {
  const server = createServer()
  await listen(server, port)
  return server
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, token, logger } = options
  const streams = new Set<ServerResponse>()
  let port = 0
  const ownOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`]

  const unsubscribe = core.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!ownHosts().includes(req.headers.host ?? '')) return send(res, 421, 'This Stint host answers only on its own address.')
    const origin = req.headers.origin
    if (origin !== undefined && !ownOrigins().includes(origin)) return send(res, 403, 'Refused: request from another origin.')

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const path = decodedPath(url.pathname)
    if (path === null) return send(res, 400, 'The address has a malformed percent-encoding (a % not followed by two hex digits of valid UTF-8).')

    // Downloads carry their own one-time secret in the address (downloads.ts).
    if (url.pathname.startsWith(DOWNLOAD_PATH_PREFIX)) {
      if (req.method !== 'GET') return send(res, 405, 'Use GET to download an export.')
      const taken = options.downloads?.take(path.slice(DOWNLOAD_PATH_PREFIX.length))
      if (taken?.status !== 'ready') return send(res, 404, 'This download link has expired or was already used: each works once, within a minute. Export again in Stint.')
      return sendDownload(res, taken.job, logger)
    }

    if (url.pathname.startsWith('/api/')) {
      if (!sameSecret(bearerToken(req.headers.authorization), token)) {
        return send(res, 401, 'Open Stint with the URL that `npm run web` printed: it carries this launch’s secret.')
      }
    } else {
      const queryToken = url.searchParams.get('token') ?? undefined
      // The page takes the secret from its address itself; a wrong one is worth saying at once.
      if (queryToken !== undefined && !sameSecret(queryToken, token)) {
        return send(res, 401, 'This link has an outdated token. Use the URL that `npm run web` printed this time.')
      }
    }

    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, 'Use POST for API calls.')
      // Browsers always send Origin with a POST; a request without one did not come from the page.
      if (origin === undefined) return send(res, 403, 'Refused: API calls must carry an Origin header.')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'API calls take application/json.')
      const limit = path.startsWith(`${API_PREFIX}import.`) ? MAX_IMPORT_BODY_BYTES : MAX_BODY_BYTES
      const body = await readBody(req, limit)
      if (body === null) return send(res, 413, `Request body over ${limit} bytes.`)
      let request: unknown
      try {
        request = body.length === 0 ? {} : JSON.parse(body)
      } catch {
        return sendEnvelope(res, { ok: false, error: { code: 'invalid_request', message: 'The request body is not valid JSON; nothing was changed.' } })
      }
      const name = path.slice(API_PREFIX.length)
      return sendEnvelope(res, await invokeCall(core.handlers, name, request, logger))
    }

    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Content-Type-Options': 'nosniff' })
      res.write(`: stint events ${EVENT_NAMES.join(' ')}\n\n`)
      streams.add(res)
      keepAlive.listening()
      req.on('close', () => {
        if (streams.delete(res)) keepAlive.left()
      })
      return
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.')
    const file = resolveInside(rendererDir, url.pathname)
    if (!file) return send(res, 404, 'Not found.')
    try {
      const content = await readFile(file)
      res.writeHead(200, { ...securityHeaders(contentTypeOf(file)), 'Cache-Control': 'no-cache' })
      res.end(req.method === 'HEAD' ? undefined : content)
    } catch {
      send(res, 404, 'Not found.')
    }
  }

  const server: Server = options.listening ?? createServer()
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('web host request failed', error)
      if (!res.headersSent) send(res, 500, 'Stint could not answer this request.')
      else res.end()
    })
  })
  const keepAlive = keepAliveWhileListened(() => {
    for (const stream of streams) stream.write(': keep-alive\n\n')
  }, () => streams.size)

  if (!server.listening) await listen(server, options.port ?? 0)
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: async () => {
      keepAlive.stop()
      options.downloads?.clear()
      unsubscribe()
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()))
    },
  }
}
