// Registers every contract call on ipcMain through one wrapper: calls from anything but
// the main frame of Stint's own window are refused before the request is even parsed.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { CALL_NAMES, type CallName } from '@shared/contract'
import type { Envelope } from '@shared/errors'
import { IPC_CALL_PREFIX } from '@shared/ipc-channels'
import { invokeCall, type Handlers } from '../api/invoke'
import type { Logger } from '../logger'
import { isAppUrl } from './app-url'

export interface SenderPolicy {
  /** The main frame of the app's window, or null while there is none. */
  mainFrame(): WebFrameMain | null
  devServerUrl?: string
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, policy: SenderPolicy): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  const mainFrame = policy.mainFrame()
  if (!mainFrame || frame !== mainFrame) return false
  return isAppUrl(frame.url, policy.devServerUrl)
}

export const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: the call did not come from Stint’s own window.' },
}

export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  options: { handlers: Handlers; logger: Logger; policy: SenderPolicy },
): CallName[] {
  const { handlers, logger, policy } = options
  for (const name of CALL_NAMES) {
    ipcMain.handle(IPC_CALL_PREFIX + name, async (event, request: unknown) => {
      if (!isTrustedSender(event, policy)) {
        logger.warn(`refused ${name} from a foreign frame ${event.senderFrame?.url ?? '(gone)'}`)
        return FORBIDDEN
      }
      return invokeCall(handlers, name, request, logger)
    })
  }
  return [...CALL_NAMES]
}
