// Locks every web contents down: no navigation away from the app, no new windows, no
// <webview>, every permission denied, external links never opened by the renderer.
// The window's own preferences (isolation, sandbox, no Node) are in window.ts.
import type { Session, WebContents } from 'electron'
import { isAppUrl } from './app-url'

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function hardenWebContents(contents: Contents, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
