import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '@shared/csp'
import { resolveInside } from '../renderer-files'
import { appProtocolResponse, handleAppProtocol } from './protocol'

const INDEX_HTML = '<!doctype html><title>Stint</title><script type="module" src="./assets/x.js"></script>'
const SCRIPT = 'console.log("stint")'
const SECRET = 'the technician’s private notes'

let base: string
let rendererDir: string

beforeAll(() => {
  // <base>/renderer holds the built app; <base>/secret.txt sits right beside it.
  base = mkdtempSync(join(tmpdir(), 'stint-protocol-'))
  rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(rendererDir, 'assets', 'x.js'), SCRIPT)
  writeFileSync(join(base, 'secret.txt'), SECRET)
  mkdirSync(join(base, 'renderer-evil'))
  writeFileSync(join(base, 'renderer-evil', 'x.js'), SECRET)
})

afterAll(() => {
  rmSync(base, { recursive: true, force: true })
})

describe('serving the renderer on app://stint', () => {
  it('serves index.html for the root, with the strict CSP and an HTML content type', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://stint/')

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX_HTML)
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('serves index.html by its name too', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://stint/index.html?from=tray')

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(INDEX_HTML)
  })

  it('serves a built script as JavaScript, also under the CSP', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://stint/assets/x.js')

    expect(response.status).toBe(200)
    expect(await response.text()).toBe(SCRIPT)
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers 404 for a file the build does not have', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://stint/assets/missing.js')

    expect(response.status).toBe(404)
  })

  it('answers 404 for a folder', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://stint/assets/')

    expect(response.status).toBe(404)
  })

  it.each([
    'app://stint/../secret.txt',
    'app://stint/%2e%2e%2fsecret.txt',
    'app://stint/%2E%2E%2Fsecret.txt',
    'app://stint/%2e%2e/secret.txt',
    'app://stint/assets/..%2f..%2fsecret.txt',
    'app://stint/..%5csecret.txt',
    'app://stint/%2e%2e%2frenderer-evil%2fx.js',
    'app://stint/index.html%00.js',
    'app://stint/%00',
    'app://stint/%E0%A4%A',
  ])('never lets %s out of the renderer folder', async (url) => {
    const response = await appProtocolResponse(rendererDir, url)

    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain(SECRET)
  })

  it('answers 404 for another host on the same scheme', async () => {
    const response = await appProtocolResponse(rendererDir, 'app://evil/index.html')

    expect(response.status).toBe(404)
    expect(await response.text()).not.toBe(INDEX_HTML)
  })

  it('is installed as the handler of the app: scheme and answers through it', async () => {
    const installed: { scheme: string; handler: Parameters<Protocol['handle']>[1] }[] = []
    handleAppProtocol(
      {
        handle(scheme, handler) {
          installed.push({ scheme, handler })
        },
      },
      rendererDir,
    )

    expect(installed.map((entry) => entry.scheme)).toEqual(['app'])
    const handler = installed[0]?.handler
    if (!handler) throw new Error('no handler installed')
    const response = await handler(new Request('app://stint/assets/x.js'))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(SCRIPT)
  })
})

describe('resolving a request path inside the renderer folder', () => {
  const root = '/srv/stint/renderer'

  it.each([
    ['/', '/srv/stint/renderer/index.html'],
    ['', '/srv/stint/renderer/index.html'],
    ['/index.html', '/srv/stint/renderer/index.html'],
    ['/assets/x.js', '/srv/stint/renderer/assets/x.js'],
    ['/assets/../index.html', '/srv/stint/renderer/index.html'],
    ['//assets/x.js', '/srv/stint/renderer/assets/x.js'],
    ['/assets/my%20icon.svg', '/srv/stint/renderer/assets/my icon.svg'],
  ])('maps %j to %s', (pathname, file) => {
    expect(resolveInside(root, pathname)).toBe(file)
  })

  it.each([
    ['/../secret.txt', 'a parent folder'],
    ['/%2e%2e%2fsecret.txt', 'an encoded parent folder'],
    ['/assets/../../secret.txt', 'a parent folder further down'],
    ['/../renderer-evil/x.js', 'a sibling folder whose name starts like the root'],
    ['/.', 'the folder itself'],
    ['/index.html%00.png', 'an encoded NUL'],
    ['/%E0%A4%A', 'broken percent-encoding'],
  ])('refuses %j (%s)', (pathname) => {
    expect(resolveInside(root, pathname)).toBeNull()
  })
})
