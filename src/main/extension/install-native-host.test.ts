import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXTENSION_PUBLIC_KEY, extensionIdOfKey, installNativeHost, nativeHostManifestDir } from './install-native-host'

const dirs: string[] = []
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'stint-host-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('installing the native-messaging host', () => {
  it('knows the extension by the id its manifest key gives it', () => {
    const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/manifest.json'), 'utf8')) as { key: string }
    expect(manifest.key).toBe(EXTENSION_PUBLIC_KEY)
    expect(extensionIdOfKey(EXTENSION_PUBLIC_KEY)).toBe('jegeifgeopalhjggclaknmljmjcnogjn')
  })

  it('writes a launcher for this data folder and a manifest that allows only the extension', async () => {
    const dataDir = temp()
    const manifestDir = temp()
    const installed = await installNativeHost({ browser: 'chromium', dataDir, command: ["/usr/bin/no'de", '/opt/stint/out/native-host/host.js'], manifestDir, platform: 'linux' })
    const manifest = JSON.parse(readFileSync(installed.manifestPath, 'utf8')) as Record<string, unknown>
    expect(installed.manifestPath).toBe(join(manifestDir, 'app.stint.native_host.json'))
    expect(manifest).toEqual({ name: 'app.stint.native_host', description: 'Stint: timers from ticket pages', path: installed.launcherPath, type: 'stdio', allowed_origins: ['chrome-extension://jegeifgeopalhjggclaknmljmjcnogjn/'] })
    const launcher = readFileSync(installed.launcherPath, 'utf8')
    expect(launcher).toContain(`export STINT_EXTENSION_SOCKET='${join(dataDir, 'extension.sock')}'`)
    expect(launcher).toContain(`exec '/usr/bin/no'\\''de' '/opt/stint/out/native-host/host.js' "$@"`)
    expect(statSync(installed.launcherPath).mode & 0o777).toBe(0o700)
  })

  it('names Firefox’s extension id in allowed_extensions', async () => {
    const installed = await installNativeHost({ browser: 'firefox', dataDir: temp(), command: ['/opt/Stint/stint', '--stint-native-host'], manifestDir: temp(), platform: 'linux' })
    expect(JSON.parse(readFileSync(installed.manifestPath, 'utf8'))).toMatchObject({ allowed_extensions: ['extension@stint.app'] })
    expect(readFileSync(installed.launcherPath, 'utf8')).toContain(`exec '/opt/Stint/stint' '--stint-native-host' "$@"`)
  })

  it('puts manifests where each browser looks', () => {
    expect(nativeHostManifestDir('chromium', 'linux', '/home/u', {})).toBe('/home/u/.config/chromium/NativeMessagingHosts')
    expect(nativeHostManifestDir('chrome', 'linux', '/home/u', { XDG_CONFIG_HOME: '/cfg' })).toBe('/cfg/google-chrome/NativeMessagingHosts')
    expect(nativeHostManifestDir('firefox', 'linux', '/home/u', {})).toBe('/home/u/.mozilla/native-messaging-hosts')
    expect(nativeHostManifestDir('chrome', 'darwin', '/Users/u', {})).toBe('/Users/u/Library/Application Support/Google/Chrome/NativeMessagingHosts')
  })
})
