// The native-messaging host: the browser starts it for the Stint extension (only that
// extension: the host manifest's allowed_origins names its id) and talks to it on
// stdin/stdout. It reads each message with the shared schemas, forwards it to the running
// desktop app's local socket (src/main/extension/ticket-socket.ts) and passes the app's
// answers and timer events back, checked again. When the app is not running, each request
// is answered "unavailable" and the extension falls back to stint:// links.
import { connect, type Socket } from 'node:net'
import type { Readable, Writable } from 'node:stream'
import { ExtensionMessageSchema, ExtensionRequestSchema, unreadableRequest, type ExtensionMessage } from '@shared/extension-protocol'
import { FrameDecoder, FrameError, encodeFrame } from './framing'

export interface NativeHostOptions {
  input: Readable
  output: Writable
  socketPath: string
  /** Messages for the person who runs it by hand (stderr: Chromium logs it, never reads it). */
  log?: (line: string) => void
}

const NOT_RUNNING = 'Stint is not running. Start Stint, then try again.'

/** Runs until the browser closes stdin; resolves then. */
export function runNativeHost(options: NativeHostOptions): Promise<void> {
  const { input, output, socketPath } = options
  const log = options.log ?? (() => undefined)
  const fromBrowser = new FrameDecoder()
  let app: Socket | null = null
  let connecting: Promise<Socket | null> | null = null

  const toBrowser = (message: ExtensionMessage) => {
    output.write(encodeFrame(message))
  }

  const appSocket = (): Promise<Socket | null> => {
    if (app) return Promise.resolve(app)
    connecting ??= new Promise<Socket | null>((resolve) => {
      const socket = connect(socketPath)
      const fromApp = new FrameDecoder()
      socket.once('connect', () => {
        app = socket
        resolve(socket)
      })
      socket.on('data', (chunk: Buffer) => {
        try {
          for (const raw of fromApp.push(chunk)) {
            const parsed = ExtensionMessageSchema.safeParse(raw)
            if (parsed.success) toBrowser(parsed.data)
            else log('the app sent a message the extension would not understand; it was dropped')
          }
        } catch (error) {
          log(`the app's channel sent something unreadable (${error instanceof FrameError ? error.message : String(error)})`)
          socket.destroy()
        }
      })
      socket.on('error', () => resolve(null))
      socket.on('close', () => {
        const wasOpen = app === socket
        app = null
        connecting = null
        if (wasOpen) toBrowser({ type: 'offline' })
      })
    }).finally(() => {
      if (!app) connecting = null
    })
    return connecting
  }

  const forward = async (raw: unknown) => {
    const parsed = ExtensionRequestSchema.safeParse(raw)
    if (!parsed.success) {
      toBrowser(unreadableRequest(raw, `The Stint host refused a message: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ')}`))
      return
    }
    const socket = await appSocket()
    if (!socket) {
      toBrowser({ id: parsed.data.id, ok: false, error: { code: 'unavailable', message: NOT_RUNNING } })
      return
    }
    socket.write(encodeFrame(parsed.data))
  }

  return new Promise<void>((resolve) => {
    let queue = Promise.resolve()
    input.on('data', (chunk: Buffer) => {
      let messages: unknown[]
      try {
        messages = fromBrowser.push(chunk)
      } catch (error) {
        log(`the browser sent something unreadable (${error instanceof FrameError ? error.message : String(error)}); stopping`)
        input.destroy()
        return
      }
      for (const message of messages) queue = queue.then(() => forward(message))
    })
    const end = () => {
      void queue.then(() => {
        app?.destroy()
        resolve()
      })
    }
    input.once('end', end)
    input.once('close', end)
  })
}
