import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../clock'
import { createCore, type Core } from '../core'
import { silentLogger } from '../logger'
import { MemorySettingsStore } from '../settings/settings-store'
import { T0 } from '../testing/temp-core'
import { installNativeHost } from './install-native-host'

const dirs: string[] = []
const cores: Core[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function core(options: { setUpBrowser?: Parameters<typeof createCore>[0]['setUpBrowser'] } = {}): Promise<{ core: Core; dataDir: string; manifests: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stint-set-up-'))
  const manifests = mkdtempSync(join(tmpdir(), 'stint-manifests-'))
  dirs.push(dataDir, manifests)
  const made = await createCore({ dataDir, clock: new FakeClock(T0, 'Europe/Berlin'), logger: silentLogger, settings: new MemorySettingsStore(), host: 'web', version: 'test', ...options })
  cores.push(made)
  return { core: made, dataDir, manifests }
}

describe('Settings → Browser extension → Set up', () => {
  it('installs the native host for the browser asked, naming only Stint’s extension', async () => {
    let manifests = ''
    const env = await core({ setUpBrowser: (browser) => installNativeHost({ browser, dataDir: env.dataDir, command: ['/usr/bin/node', '/opt/stint/native-host/host.js'], manifestDir: manifests }) })
    manifests = env.manifests
    const { manifestPath } = await env.core.handlers['extension.setUpBrowser']({ browser: 'chromium' })
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { allowed_origins: string[]; type: string }
    expect(manifest.type).toBe('stdio')
    expect(manifest.allowed_origins).toEqual([expect.stringMatching(/^chrome-extension:\/\/[a-p]{32}\/$/)])
  })

  it('says what failed, and a host that cannot set one up says so', async () => {
    const failing = await core({ setUpBrowser: () => Promise.reject(new Error('EACCES: permission denied')) })
    await expect(failing.core.handlers['extension.setUpBrowser']({ browser: 'firefox' })).rejects.toMatchObject({ code: 'unavailable', message: 'Stint could not set up Firefox for its extension: EACCES: permission denied' })
    const none = await core()
    await expect(none.core.handlers['extension.setUpBrowser']({ browser: 'chromium' })).rejects.toMatchObject({ code: 'unavailable', message: 'This Stint cannot set up a browser for its extension.' })
  })
})
