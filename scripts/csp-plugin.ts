// Adds the Content-Security-Policy meta tag to the built renderer only: the dev server
// needs inline scripts for hot reload, the shipped app never does.
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp'

export function cspMetaPlugin(): Plugin {
  return {
    name: 'stint-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    ${meta}`)
    },
  }
}
