import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { describe, expect, it } from 'vitest'
import { CALL_NAMES } from '@shared/contract'
import { StintError, type Envelope } from '@shared/errors'
import { IPC_CALL_PREFIX } from '@shared/ipc-channels'
import type { Handlers } from '../api/invoke'
import { cannedHandlers, cannedTimer as timerIn, recordingHandlers } from '../testing/canned-handlers'
import type { Logger } from '../logger'
import { FORBIDDEN, registerIpcHandlers, type SenderPolicy } from './ipc'

type InvokeListener = Parameters<IpcMain['handle']>[1]

/** Records what the adapter registers, and lets a test deliver an invoke the way Electron would. */
class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly registered: string[] = []
  private readonly listeners = new Map<string, InvokeListener>()

  handle(channel: string, listener: InvokeListener): void {
    this.registered.push(channel)
    this.listeners.set(channel, listener)
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel)
  }

  async invoke(channel: string, senderFrame: FakeFrame | null, request?: unknown): Promise<unknown> {
    const listener = this.listeners.get(channel)
    if (!listener) throw new Error(`nothing handles ${channel}`)
    // The adapter reads only senderFrame (and its url); the rest of Electron's event is not needed.
    const event = { senderFrame: senderFrame as unknown as WebFrameMain | null } as unknown as IpcMainInvokeEvent
    const result: unknown = await listener(event, request)
    return result
  }
}

/** To the adapter a frame is its URL; identity is what tells the main frame apart from any other. */
interface FakeFrame {
  url: string
}

function frameAt(url: string): FakeFrame {
  return { url }
}

function recordingLogger(): Logger & { warnings: string[]; errors: unknown[][] } {
  const warnings: string[] = []
  const errors: unknown[][] = []
  return {
    warnings,
    errors,
    info() {},
    warn(message) {
      warnings.push(message)
    },
    error(message, ...details) {
      errors.push([message, ...details])
    },
  }
}

const APP_URL = 'app://stint/index.html'

function setUp(options: { mainFrameUrl?: string; devServerUrl?: string; handlers?: Partial<Handlers> } = {}) {
  const ipcMain = new FakeIpcMain()
  const logger = recordingLogger()
  const recorded = recordingHandlers()
  const main = frameAt(options.mainFrameUrl ?? APP_URL)
  const policy: SenderPolicy = {
    mainFrame: () => main as unknown as WebFrameMain,
    ...(options.devServerUrl ? { devServerUrl: options.devServerUrl } : {}),
  }
  const handlers: Handlers = { ...recorded.handlers, ...options.handlers }
  const names = registerIpcHandlers(ipcMain, { handlers, logger, policy })
  return { ipcMain, logger, calls: recorded.calls, main, names }
}

describe('registering the contract on ipcMain', () => {
  it('registers exactly one handler per contract call, on its own channel, and nothing else', () => {
    const { ipcMain, names } = setUp()

    const expected = CALL_NAMES.map((name) => IPC_CALL_PREFIX + name)
    expect([...ipcMain.registered].sort()).toEqual([...expected].sort())
    expect(new Set(ipcMain.registered).size).toBe(ipcMain.registered.length)
    expect(names).toEqual(CALL_NAMES)
  })
})

describe('who may call', () => {
  it('refuses a page in another frame, even one that is served from app://stint', async () => {
    const { ipcMain, calls, logger } = setUp()
    const iframe = frameAt(APP_URL)

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.start', iframe, { slot: 2 })

    expect(reply).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
    expect(logger.warnings.join('\n')).toContain('timers.start')
  })

  it('refuses a call whose frame is already gone', async () => {
    const { ipcMain, calls } = setUp()

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.stop', null, { slot: 2 })

    expect(reply).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
  })

  it('refuses the main window once it has been navigated away to a web site', async () => {
    const { ipcMain, calls, main } = setUp()
    main.url = 'https://example.com/'

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.list', main, {})

    expect(reply).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
  })

  it('refuses every call while there is no main window at all', async () => {
    const ipcMain = new FakeIpcMain()
    const { handlers, calls } = recordingHandlers()
    registerIpcHandlers(ipcMain, { handlers, logger: recordingLogger(), policy: { mainFrame: () => null } })

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'app.info', frameAt(APP_URL), {})

    expect(reply).toEqual(FORBIDDEN)
    expect(calls).toEqual([])
  })

  it('lets Stint’s own window start a timer and hands back the timer', async () => {
    const { ipcMain, calls, main } = setUp()

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.start', main, { slot: 2 })

    expect(reply).toEqual({ ok: true, value: timerIn(2, 'running') })
    expect(calls).toEqual([{ name: 'timers.start', request: { slot: 2 } }])
  })

  it('treats a call without a request as an empty one', async () => {
    const { ipcMain, main } = setUp()

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'app.info', main)

    expect(reply).toEqual({ ok: true, value: cannedHandlers()['app.info']({}) })
  })

  describe('the development server', () => {
    const DEV = 'http://localhost:5173'

    it('is trusted while Stint runs against it', async () => {
      const { ipcMain, calls, main } = setUp({ mainFrameUrl: `${DEV}/`, devServerUrl: DEV })

      const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.list', main, {})

      expect(reply).toMatchObject({ ok: true })
      expect(calls).toHaveLength(1)
    })

    it('is refused in a build that has no development server', async () => {
      const { ipcMain, calls, main } = setUp({ mainFrameUrl: `${DEV}/` })

      const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.list', main, {})

      expect(reply).toEqual(FORBIDDEN)
      expect(calls).toEqual([])
    })

    it('does not extend to another port on the same machine', async () => {
      const { ipcMain, calls, main } = setUp({ mainFrameUrl: 'http://localhost:5174/', devServerUrl: DEV })

      const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.list', main, {})

      expect(reply).toEqual(FORBIDDEN)
      expect(calls).toEqual([])
    })
  })
})

describe('what a trusted window may send', () => {
  it('refuses a slot that is not a number and names the field', async () => {
    const { ipcMain, calls, main } = setUp()

    const reply = (await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.start', main, { slot: 'three' })) as Envelope<unknown>

    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringContaining('slot') as unknown,
        issues: [{ path: 'slot', message: 'slot must be a whole number from 1 to 9' }],
        messageId: 'refusal.requestRefused',
        values: { call: 'timers.start', summary: 'slot: slot must be a whole number from 1 to 9.' },
      },
    })
    expect(calls).toEqual([])
  })

  it('refuses a request carrying a field the contract does not know, naming that field', async () => {
    const { ipcMain, calls, main } = setUp()

    const reply = (await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.start', main, { slot: 2, extra: true })) as Envelope<unknown>

    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('invalid_request')
    expect(reply.error.issues).toEqual([{ path: 'extra', message: '"extra" is not a field of this call' }])
    expect(calls).toEqual([])
  })
})

describe('when a handler fails', () => {
  it('reports an internal error without leaking its message or stack, and logs the error', async () => {
    const failure = new Error('SQLITE_CORRUPT at /home/tech/.config/Stint/stint.db')
    const { ipcMain, main, logger } = setUp({
      handlers: {
        'timers.stop': () => {
          throw failure
        },
      },
    })

    const reply = (await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.stop', main, { slot: 4 })) as Envelope<unknown>

    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('internal')
    expect(reply.error.message).not.toContain('SQLITE_CORRUPT')
    expect(reply.error.message).not.toContain('stint.db')
    expect(Object.keys(reply.error)).toEqual(['code', 'message', 'messageId', 'values'])
    expect([reply.error.messageId, reply.error.values]).toEqual(['refusal.internal', { call: expect.any(String) as string }])
    expect(JSON.stringify(reply)).not.toContain('ipc.test.ts') // where the stack would point
    expect(logger.errors.some((entry) => entry.includes(failure))).toBe(true)
  })

  it('passes a Stint error through to the window with its own message', async () => {
    const { ipcMain, main, logger } = setUp({
      handlers: {
        'timers.start': () => {
          throw new StintError('conflict', 'Slot 3 is already running.')
        },
      },
    })

    const reply = await ipcMain.invoke(IPC_CALL_PREFIX + 'timers.start', main, { slot: 3 })

    expect(reply).toEqual({ ok: false, error: { code: 'conflict', message: 'Slot 3 is already running.' } })
    expect(logger.errors).toEqual([])
  })
})
