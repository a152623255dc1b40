// The desktop app's end of the browser extension's channel: a local socket that the
// native-messaging host (src/main/native-host/host.ts) connects to. A Unix socket in the
// data folder that only this user may open (0600), a named pipe on Windows. Plain Node,
// started by the Electron main process and by the browser host alike. Every request is
// read with the shared schemas; answers and refusals go back in the app's language, and a
// `tickets` event goes to every connection whenever a timer changes.
import { createHash } from 'node:crypto'
import { chmod, rm } from 'node:fs/promises'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { ExtensionRequestSchema, timerOfTicket, unreadableRequest, type ExtensionMessage, type ExtensionRequest, type TicketTimer } from '@shared/extension-protocol'
import { readableError, refuse, StintError } from '@shared/errors'
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { timerCommand } from '@shared/ticket-link'
import { checkTicketUrl } from '@shared/ticket-url'
import type { Timer } from '@shared/timers'
import type { WorkItem } from '@shared/work'
import type { EventHub } from '../events'
import type { Logger } from '../logger'
import { FrameDecoder, FrameError, encodeFrame } from '../native-host/framing'
import { stopTicketTimer, type CommandFeedback } from '../timers/timer-commands'
import type { TimerEngine } from '../timers/timer-engine'

const MAX_CONNECTIONS = 16

/** Where the app listens for its data folder: a socket file in it, or a pipe named after it on Windows. */
export function ticketSocketPath(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return `\\\\.\\pipe\\stint-extension-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`
  return join(dataDir, 'extension.sock')
}

export interface TicketSocketOptions {
  path: string
  timers: Pick<TimerEngine, 'list' | 'startForTicket' | 'stopForTicket' | 'stop' | 'discard' | 'pause'>
  workItems: () => Promise<readonly Pick<WorkItem, 'id' | 'reference' | 'ticketUrl'>[]>
  events: EventHub
  /** How a stop asks about a short run and tells what it booked (the app's dialogs and notifications). */
  feedback: CommandFeedback
  translator?: () => Translator
  logger: Logger
}

export interface TicketSocket {
  readonly path: string
  close(): Promise<void>
}

/** Every ticket timer that runs or is paused. */
function ticketTimers(timers: readonly Timer[], items: readonly Pick<WorkItem, 'id' | 'reference' | 'ticketUrl'>[]): TicketTimer[] {
  const itemOf = new Map(items.map((i) => [i.id, i]))
  return timers.flatMap((t) => {
    const item = t.workItemId === null ? undefined : itemOf.get(t.workItemId)
    if (item?.reference == null || t.state === 'idle') return []
    return [{ ref: item.reference, url: item.ticketUrl, state: t.state, slot: t.slot, closedSeconds: t.closedSeconds, runningSince: t.runningSince }]
  })
}

/** The page as stored (the URL parser's spelling), or a refusal in words. */
function pageOf(url: string): string {
  const checked = checkTicketUrl(url)
  if (!checked.ok) throw new StintError('invalid_request', `Refused: ${checked.problem}`)
  return checked.url
}

/** A socket file left by an app that did not close cleanly is removed; one that answers belongs to a running Stint. */
async function clearStaleSocket(path: string): Promise<void> {
  if (process.platform === 'win32') return
  const answered = await new Promise<boolean>((resolve) => {
    const probe = connect(path)
    probe.once('connect', () => {
      probe.destroy()
      resolve(true)
    })
    probe.once('error', () => resolve(false))
  })
  if (answered) throw new Error(`another Stint is already serving the browser extension at ${path}`)
  await rm(path, { force: true })
}

export async function startTicketSocket(options: TicketSocketOptions): Promise<TicketSocket> {
  const { timers, logger } = options
  const translator = options.translator ?? (() => ENGLISH)
  const connections = new Set<Socket>()

  const stateOf = async (ticket: { ref: string; url: string }): Promise<TicketTimer> => {
    const found = timerOfTicket(ticketTimers(await timers.list(), await options.workItems()), ticket)
    return found ?? { ref: ticket.ref, url: ticket.url, state: 'idle', slot: null, closedSeconds: 0, runningSince: null }
  }

  const carryOut = async (request: ExtensionRequest): Promise<TicketTimer> => {
    const ticket = { ref: request.ref, url: pageOf(request.url) }
    switch (request.type) {
      case 'state':
        return stateOf(ticket)
      case 'start': {
        const command = timerCommand('start', request.ref, request.title, request.customer, request.url)
        if (!command.ok) throw new StintError('invalid_request', `Refused: ${command.problem}`)
        if (command.value.action === 'start') await timers.startForTicket(command.value)
        return stateOf(ticket)
      }
      case 'pause': {
        const now = await stateOf(ticket)
        if (now.slot === null) throw refuse('not_found', 'refusal.noTimerFor', { ref: request.ref })
        if (now.state === 'running') await timers.pause(now.slot)
        return stateOf(ticket)
      }
      case 'stop':
        await stopTicketTimer(timers, ticket, options.feedback, translator())
        return stateOf(ticket)
    }
  }

  const answer = async (raw: unknown): Promise<ExtensionMessage> => {
    const parsed = ExtensionRequestSchema.safeParse(raw)
    if (!parsed.success) return unreadableRequest(raw, `Stint did not understand the extension's request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`)
    try {
      return { id: parsed.data.id, ok: true, timer: await carryOut(parsed.data) }
    } catch (error) {
      if (!(error instanceof StintError)) {
        logger.error(`the browser extension's ${parsed.data.type} request failed`, error)
        return { id: parsed.data.id, ok: false, error: { code: 'internal', message: 'Stint could not do this; the details are in its log.' } }
      }
      const body = { code: error.code, message: error.message, ...(error.refusal ? { messageId: error.refusal.id, values: error.refusal.values ?? {} } : {}) }
      return { id: parsed.data.id, ok: false, error: { code: error.code, message: readableError(body, translator()).slice(0, 2000) } }
    }
  }

  const send = (socket: Socket, message: ExtensionMessage) => {
    if (!socket.destroyed) socket.write(encodeFrame(message))
  }

  const server: Server = createServer((socket) => {
    if (connections.size >= MAX_CONNECTIONS) {
      socket.destroy()
      return
    }
    connections.add(socket)
    const decoder = new FrameDecoder()
    // Answers go back in the order the requests came.
    let queue = Promise.resolve()
    socket.on('data', (chunk: Buffer) => {
      let messages: unknown[]
      try {
        messages = decoder.push(chunk)
      } catch (error) {
        logger.warn(`the browser extension's channel sent something unreadable (${error instanceof FrameError ? error.message : String(error)}); it was closed`)
        socket.destroy()
        return
      }
      for (const message of messages) queue = queue.then(async () => send(socket, await answer(message)))
    })
    socket.on('error', () => socket.destroy())
    socket.on('close', () => connections.delete(socket))
  })

  const unsubscribe = options.events.subscribe((name, payload) => {
    if (name !== 'timers.changed' || connections.size === 0 || !('timers' in payload)) return
    void options
      .workItems()
      .then((items) => {
        const event: ExtensionMessage = { type: 'tickets', timers: ticketTimers(payload.timers, items) }
        for (const socket of connections) send(socket, event)
      })
      .catch((error: unknown) => logger.error('the browser extension could not be told of a timer change', error))
  })

  await clearStaleSocket(options.path)
  // Only this user may connect: the socket is made under a umask that leaves it 0600, and set so again.
  const previousMask = process.platform === 'win32' ? undefined : process.umask(0o177)
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.path, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } finally {
    if (previousMask !== undefined) process.umask(previousMask)
  }
  if (process.platform !== 'win32') await chmod(options.path, 0o600)
  logger.info(`the browser extension's channel is open at ${options.path}`)

  return {
    path: options.path,
    close: async () => {
      unsubscribe()
      for (const socket of connections) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
