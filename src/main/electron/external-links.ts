// The one way Stint opens a web page: a work item's ticket page, in the system's browser.
// The service checked the address already; this adapter checks it once more at the edge, so
// nothing but an http(s) address ever reaches the shell (a file: or custom-scheme address
// would start a program).
import type { Shell } from 'electron'
import { checkTicketUrl } from '@shared/ticket-url'

export function externalOpener(shell: Pick<Shell, 'openExternal'>): (url: string) => Promise<void> {
  return async (url) => {
    const checked = checkTicketUrl(url)
    if (!checked.ok) throw new Error(`Stint opens only http(s) pages; refused ${JSON.stringify(url.slice(0, 80))}.`)
    await shell.openExternal(checked.url, { activate: true })
  }
}
