// Builds window.stint from the contract over IPC. Nothing else is exposed: no
// ipcRenderer, no generic send; the IPC event object never reaches the page.
import type { ContextBridge, IpcRenderer } from 'electron'
import { buildBridge, type StintBridge } from '@shared/bridge'
import type { Envelope } from '@shared/errors'
import { IPC_CALL_PREFIX, IPC_EVENT_PREFIX } from '@shared/ipc-channels'

export function createIpcBridge(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): StintBridge {
  return buildBridge(
    (name, request) => ipcRenderer.invoke(IPC_CALL_PREFIX + name, request) as Promise<Envelope<unknown>>,
    (name, listener) => {
      const channel = IPC_EVENT_PREFIX + name
      const forward = (_event: unknown, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => {
        ipcRenderer.removeListener(channel, forward)
      }
    },
  )
}

export function exposeStint(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): void {
  contextBridge.exposeInMainWorld('stint', createIpcBridge(ipcRenderer))
}
