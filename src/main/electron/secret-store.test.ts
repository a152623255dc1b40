import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { silentLogger } from '../logger'
import { mountTinyDisk, mountsAvailable } from '../testing/real-disks'
import { SafeStorageSecretStore, TOKEN_FILE_NAME } from './secret-store'

// A stand-in for safeStorage: reversible, and visibly not the plain text.
function fakeSafe(backend: string, available = true) {
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    encryptStringAsync: (text: string) => Promise.resolve(Buffer.from(`enc:${Buffer.from(text).toString('base64')}`)),
    decryptStringAsync: (data: Buffer) => {
      const text = data.toString()
      if (!text.startsWith('enc:')) return Promise.reject(new Error('Error while decrypting the ciphertext.'))
      return Promise.resolve({ result: Buffer.from(text.slice(4), 'base64').toString(), shouldReEncrypt: false })
    },
    getSelectedStorageBackend: () => backend as 'gnome_libsecret',
  }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stint-secret-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const TOKEN = 'stint_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

describe('the team token in safeStorage', () => {
  it('keeps only ciphertext, in a private file, and reads it back in a new run', async () => {
    await new SafeStorageSecretStore(fakeSafe('gnome_libsecret'), dir, silentLogger, 'linux').write(TOKEN)
    const file = join(dir, TOKEN_FILE_NAME)
    expect(readFileSync(file, 'utf8')).not.toContain(TOKEN)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = new SafeStorageSecretStore(fakeSafe('gnome_libsecret'), dir, silentLogger, 'linux')
    expect([await again.read(), await again.protection()]).toEqual([TOKEN, 'keychain'])
    await again.write(null)
    expect(await again.read()).toBeNull()
  })

  it('says plain-text where Linux has no keyring, so Settings can warn', async () => {
    expect(await new SafeStorageSecretStore(fakeSafe('basic_text'), dir, silentLogger, 'linux').protection()).toBe('plain-text')
    expect(await new SafeStorageSecretStore(fakeSafe('basic_text'), dir, silentLogger, 'darwin').protection()).toBe('keychain')
  })

  it('without encryption keeps the token for this run only, never in a file', async () => {
    const store = new SafeStorageSecretStore(fakeSafe('unknown', false), dir, silentLogger, 'linux')
    await store.write(TOKEN)
    expect([await store.read(), await store.protection()]).toEqual([TOKEN, 'memory'])
    expect(() => statSync(join(dir, TOKEN_FILE_NAME))).toThrow()
  })

  it('asks again for a token it can no longer decrypt', async () => {
    await new SafeStorageSecretStore(fakeSafe('gnome_libsecret'), dir, silentLogger, 'linux').write(TOKEN)
    const other = { ...fakeSafe('gnome_libsecret'), decryptStringAsync: () => Promise.reject(new Error('bad key')) }
    expect(await new SafeStorageSecretStore(other, dir, silentLogger, 'linux').read()).toBeNull()
  })
})

describe.skipIf(!mountsAvailable)('the team token on a full disk', () => {
  let undo: (() => void) | null = null
  afterEach(() => {
    undo?.()
    undo = null
  })

  it('a new token that does not fit leaves the stored one whole, no temporary file, and says why', async () => {
    undo = mountTinyDisk(dir, 64)
    const store = new SafeStorageSecretStore(fakeSafe('gnome_libsecret'), dir, silentLogger, 'linux')
    await store.write(TOKEN)
    const file = join(dir, TOKEN_FILE_NAME)
    const before = readFileSync(file)
    // Fill the disk to the last byte.
    writeFileSync(join(dir, 'filler'), Buffer.alloc(56 * 1024))
    try {
      for (;;) appendFileSync(join(dir, 'filler'), Buffer.alloc(512))
    } catch {
      // full
    }

    await expect(store.write(`${TOKEN}-rotated-${'x'.repeat(4096)}`)).rejects.toThrow(
      new StintError(
        'unavailable',
        `The disk holding ${dir} is full, so Stint could not save the team server token. The token saved before is as it was. Free some space on that disk and try again.`,
        { id: 'refusal.storage.diskFull', values: { place: dir, doing: 'saveToken', kept: 'token' } },
      ),
    )
    expect(readFileSync(file).equals(before)).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['filler', TOKEN_FILE_NAME])
    expect(await new SafeStorageSecretStore(fakeSafe('gnome_libsecret'), dir, silentLogger, 'linux').read()).toBe(TOKEN)
  })
})
