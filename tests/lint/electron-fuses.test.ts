// The packaged app's Electron fuses, read the way electron-builder reads its own config
// (its loader and its schema check), so a misspelt key fails here and not in a release.
// Fuses are flipped in the Electron binary itself: no environment variable or command-line
// flag of whoever starts Stint can turn it into a Node runtime or open an inspector.
import { join } from 'node:path'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

describe('the packaged app’s Electron fuses', () => {
  it('forbid running as Node, NODE_OPTIONS and --inspect; encrypt cookies; load only the checked app.asar', async () => {
    const config = await getConfig(root, null, null)
    await validateConfiguration(config, new DebugLogger(false))
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // Stint serves its pages from app://, never file://, so file pages need no extra rights.
      grantFileProtocolExtraPrivileges: false,
    })
    // electron-builder's loader and schema check take a few seconds on their own, more on a
    // busy machine (it once passed the 5 s default in a CI run).
  }, 60_000)
})
