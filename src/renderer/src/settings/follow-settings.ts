// The settings as they are now and as they change: read once, then every change pushed
// by the host (this window, the tray, another window). A change pushed while the first
// read is still on its way is newer than that read's answer, which is then dropped.
import type { StintClient } from '@shared/bridge'
import type { Settings } from '@shared/settings'

/** Calls `apply` with the settings and each later change; `failed` if the first read fails. Returns the unsubscribe. */
export function followSettings(client: StintClient, apply: (settings: Settings) => void, failed?: (error: unknown) => void): () => void {
  let live = true
  client.settings
    .get({})
    .then((settings) => live && apply(settings))
    .catch((error: unknown) => live && failed?.(error))
  const off = client.events['settings.changed'](({ settings }) => {
    live = false
    apply(settings)
  })
  return () => {
    live = false
    off()
  }
}
