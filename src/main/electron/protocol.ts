// Serves the built renderer on app://stint/ with the strict CSP as a response header.
// Only files inside the renderer folder are served; anything else is a 404.
import { readFile } from 'node:fs/promises'
import type { Protocol } from 'electron'
import { contentTypeOf, resolveInside, securityHeaders } from '../renderer-files'
import { APP_HOST, APP_SCHEME } from './app-url'

export const PRIVILEGED_APP_SCHEME = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

export async function appProtocolResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  const url = new URL(requestUrl)
  const file = url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null
  if (!file) return new Response('Not found', { status: 404 })
  try {
    const body = await readFile(file)
    return new Response(body, { status: 200, headers: securityHeaders(contentTypeOf(file)) })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(rendererDir, request.url))
}
