// Installs the native-messaging host for one browser: a launcher in the data folder (it
// names the program to run and this data folder's socket) and the host
// manifest where the browser looks for it, allowing only Stint's extension. On Windows the
// browsers find the manifest through the registry (HKCU), which `reg add` writes.
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { NATIVE_HOST_NAME } from '@shared/extension-protocol'
import { ticketSocketPath } from './ticket-socket'

export const NATIVE_HOST_BROWSERS = ['chromium', 'chrome', 'firefox'] as const
export type NativeHostBrowser = (typeof NATIVE_HOST_BROWSERS)[number]

/** The public key in src/extension/manifest.json: it fixes the extension's id wherever it is loaded. */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAt2bdbWcgL6wG4BVJTAWdxzJe2j4SVrKgqUQJvlMNATDXFyDDMyPtqjqx6sY6EFQiF865mINTNw0lISiD6tp5dT3zzqp0d4IYRO8VZHrhpjVzhHMfsdF9o+sMhgoZJrrAJSJ4X23Q7Ob9EvE0Btmg+yIJgPskogD7vCfYOS89e/Yin5ebd1mwFQAzeZJnEGtB0d6Z5NFXb0MTsCVHxrh0b3T5etZNsiFtc9VhwBSPdpcVrUMTzUYJ70a1abD7Xqf8oNJ+Y0+1FL+oCrmeWejMYO7NOrZVuOV9IYAMS/o2BtTMlrO16kSOuoIL0HxHWnL1/POta99URRBMFDNcXIgrYQIDAQAB'
/** Firefox knows an extension by the id its manifest declares (browser_specific_settings.gecko.id). */
export const FIREFOX_EXTENSION_ID = 'extension@stint.app'

/** Chromium's id of an extension with this public key: the first 128 bits of its SHA-256, written with the letters a–p. */
export function extensionIdOfKey(publicKeyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32)
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('')
}

/** Where each browser reads per-user host manifests (Linux and macOS); Windows uses the registry key of `registryKey`. */
export function nativeHostManifestDir(browser: NativeHostBrowser, platform: NodeJS.Platform = process.platform, home = homedir(), env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') {
    const support = join(home, 'Library', 'Application Support')
    return join({ chromium: join(support, 'Chromium'), chrome: join(support, 'Google', 'Chrome'), firefox: join(support, 'Mozilla') }[browser], 'NativeMessagingHosts')
  }
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Stint', 'native-host')
  const config = env['XDG_CONFIG_HOME'] || join(home, '.config')
  if (browser === 'firefox') return join(home, '.mozilla', 'native-messaging-hosts')
  return join(config, browser === 'chrome' ? 'google-chrome' : 'chromium', 'NativeMessagingHosts')
}

function registryKey(browser: NativeHostBrowser): string {
  const vendor = { chromium: 'Chromium', chrome: 'Google\\Chrome', firefox: 'Mozilla' }[browser]
  return `HKCU\\Software\\${vendor}\\NativeMessagingHosts\\${NATIVE_HOST_NAME}`
}

export interface InstallNativeHostOptions {
  browser: NativeHostBrowser
  /** The app's data folder: its socket is the one the host connects to, and the launcher is kept there. */
  dataDir: string
  /**
   * The program the launcher runs and its arguments: Node and out/native-host/host.js for the
   * browser host; Stint's own executable with --stint-native-host for the desktop app (its
   * fuses forbid running it as plain Node).
   */
  command: readonly string[]
  /** Where the manifest goes instead of the browser's usual folder (a test browser's profile). */
  manifestDir?: string
  platform?: NodeJS.Platform
}

export interface InstalledNativeHost {
  manifestPath: string
  launcherPath: string
  allowed: string
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`

export async function installNativeHost(options: InstallNativeHostOptions): Promise<InstalledNativeHost> {
  const platform = options.platform ?? process.platform
  const socket = ticketSocketPath(options.dataDir, platform)
  const launcherDir = join(options.dataDir, 'native-host')
  await mkdir(launcherDir, { recursive: true, mode: 0o700 })
  let launcherPath: string
  if (platform === 'win32') {
    launcherPath = join(launcherDir, 'stint-native-host.cmd')
    const command = options.command.map((part) => `"${part}"`).join(' ')
    await writeFile(launcherPath, `@echo off\r\nset "STINT_EXTENSION_SOCKET=${socket}"\r\n${command} %*\r\n`)
  } else {
    launcherPath = join(launcherDir, 'stint-native-host')
    const command = options.command.map(shellQuote).join(' ')
    await writeFile(launcherPath, `#!/bin/sh\n# Written by Stint: the browser extension's native-messaging host for the data folder it names.\nexport STINT_EXTENSION_SOCKET=${shellQuote(socket)}\nexec ${command} "$@"\n`)
    await chmod(launcherPath, 0o700)
  }
  const chromiumId = extensionIdOfKey(EXTENSION_PUBLIC_KEY)
  const allowed = options.browser === 'firefox' ? FIREFOX_EXTENSION_ID : `chrome-extension://${chromiumId}/`
  const manifest = {
    name: NATIVE_HOST_NAME,
    description: 'Stint: timers from ticket pages',
    path: launcherPath,
    type: 'stdio',
    ...(options.browser === 'firefox' ? { allowed_extensions: [allowed] } : { allowed_origins: [allowed] }),
  }
  const manifestDir = options.manifestDir ?? nativeHostManifestDir(options.browser, platform)
  await mkdir(manifestDir, { recursive: true })
  const manifestPath = join(manifestDir, `${NATIVE_HOST_NAME}${platform === 'win32' ? `-${options.browser}` : ''}.json`)
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  if (platform === 'win32' && options.manifestDir === undefined) {
    await promisify(execFile)('reg', ['add', registryKey(options.browser), '/ve', '/t', 'REG_SZ', '/d', manifestPath, '/f'])
  }
  return { manifestPath, launcherPath, allowed }
}
