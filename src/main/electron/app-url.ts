// The renderer is served from app://stint/ (a privileged standard scheme), never file://,
// so the CSP's 'self' and the sender checks have one exact origin to compare against.
export const APP_SCHEME = 'app'
export const APP_HOST = 'stint'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** True for a URL of Stint's own renderer: app://stint/… or, in development only, the dev server. */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true
  if (!devServerUrl) return false
  try {
    const dev = new URL(devServerUrl)
    return url.protocol === dev.protocol && url.host === dev.host
  } catch {
    return false // a malformed ELECTRON_RENDERER_URL trusts nothing
  }
}
