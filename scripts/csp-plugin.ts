// Adds the Content-Security-Policy meta tag to the built renderer only: the dev server
// needs inline scripts for hot reload, the shipped app never does.
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp'

export function cspMetaPlugin(): Plugin {
  return {
    name: 'stint-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      // frame-ancestors only works as a header (browsers ignore it, with a warning, in a meta tag);
      // the app:// protocol and the browser host send the full policy as a header.
      const policy = CONTENT_SECURITY_POLICY.split('; ')
        .filter((directive) => !directive.startsWith('frame-ancestors'))
        .join('; ')
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`)
    },
  }
}
