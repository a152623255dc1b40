// The API document as a page a person can read (/v1/docs): made on the server from the
// same document, plain HTML with one inline style and no script, no font, no image and
// nothing remote. Its Content-Security-Policy allows that one style (by its hash) and
// nothing else.
import { createHash } from 'node:crypto'

type Json = Record<string, unknown>

const STYLE = `
:root { color-scheme: light dark; --fg: #1d232a; --bg: #fbfbfa; --muted: #5b6570; --line: #d9dde1; --code: #f0f2f4; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ec; --bg: #15191d; --muted: #9aa4ae; --line: #2f363d; --code: #1f252b; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid var(--line); text-transform: capitalize; }
section { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.9rem; margin: 0.75rem 0; }
.op { display: flex; gap: 0.6rem; align-items: baseline; flex-wrap: wrap; }
.method { font: 600 0.8rem ui-monospace, monospace; text-transform: uppercase; padding: 0.1rem 0.4rem; border-radius: 4px; border: 1px solid currentColor; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.85rem; }
pre { background: var(--code); padding: 0.6rem; border-radius: 4px; overflow-x: auto; max-height: 28rem; }
p, .muted { color: var(--muted); margin: 0.3rem 0; white-space: pre-line; }
summary { cursor: pointer; }
`

export const DOCS_CSP = `default-src 'none'; style-src '${'sha256-' + createHash('sha256').update(STYLE).digest('base64')}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`

/** A document field that should be text; anything else shows as nothing. */
const textOf = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback)

const escape = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/** Description text as the page shows it: escaped, with CommonMark's `code` spans as code. */
const prose = (text: string): string => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>')

function block(title: string, value: unknown): string {
  return `<details><summary>${escape(title)}</summary><pre>${escape(JSON.stringify(value, null, 2))}</pre></details>`
}

function operationHtml(path: string, method: string, op: Json): string {
  const parts = [`<div class="op"><span class="method">${escape(method)}</span><code>${escape(path)}</code><span>${escape(textOf(op['summary']))}</span></div>`]
  if (typeof op['description'] === 'string') parts.push(`<p>${prose(op['description'])}</p>`)
  if (Array.isArray(op['parameters'])) parts.push(block('Parameters', op['parameters']))
  const body = (op['requestBody'] as Json | undefined)?.['content'] as Json | undefined
  if (body) parts.push(block('Request body', (body['application/json'] as Json | undefined)?.['schema']))
  for (const [status, response] of Object.entries((op['responses'] ?? {}) as Record<string, Json>)) {
    const content = response['content'] as Record<string, Json> | undefined
    const [mediaType, media] = Object.entries(content ?? {})[0] ?? []
    const schema = media?.['schema'] as Json | undefined
    const title = `${status} ${textOf(response['description'])}${mediaType && mediaType !== 'application/json' ? ` (${mediaType})` : ''}`
    parts.push(schema && !('$ref' in schema) && Object.keys(schema).length > 0 ? block(title, schema) : `<div class="muted">${escape(title)}</div>`)
  }
  return `<section>${parts.join('\n')}</section>`
}

export function docsPage(document: Json, openApiPath: string): string {
  const info = (document['info'] ?? {}) as Json
  const byTag = new Map<string, string[]>()
  for (const [path, methods] of Object.entries((document['paths'] ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op['tags'] as string[] | undefined)?.[0] ?? 'other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationHtml(path, method, op)])
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>\n${ops.join('\n')}`).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(textOf(info['title'], 'API'))}</title><style>${STYLE}</style></head>
<body><h1>${escape(textOf(info['title'], 'API'))} <span class="muted">${escape(textOf(info['version']))}</span></h1>
<p>${prose(textOf(info['description']))}</p>
<p>The machine-readable document: <a href="${escape(openApiPath)}">${escape(openApiPath)}</a> (OpenAPI 3.1).</p>
${sections}
</body></html>
`
}
