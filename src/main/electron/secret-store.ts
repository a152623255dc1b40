// The team server token, encrypted with the operating system's keychain through
// Electron's safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/kwallet on
// Linux) and kept as ciphertext in a 0600 file in the data folder. Where Linux has no
// keyring, safeStorage falls back to a hard-coded key ('basic_text'): the store then
// says 'plain-text' so Settings can warn; it never pretends the token is protected.
import { existsSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SafeStorage } from 'electron'
import { writeFileAtomically } from '../files/atomic-write'
import { storageError } from '../files/storage-errors'
import type { Logger } from '../logger'
import type { SecretProtection, SecretStore } from '../sync/secret-store'

export const TOKEN_FILE_NAME = 'team-token.bin'

type Safe = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>

export class SafeStorageSecretStore implements SecretStore {
  private readonly file: string
  /** Only when the OS offers no encryption at all: the token lives until the app quits. */
  private memory: string | null = null

  constructor(
    private readonly safe: Safe,
    dataDir: string,
    private readonly logger: Logger,
    private readonly platform: NodeJS.Platform = process.platform,
    /** The file it keeps its one secret in: the team token's, or a ticket system's (ticket-system-<id>.bin). */
    fileName = TOKEN_FILE_NAME,
  ) {
    this.file = join(dataDir, fileName)
  }

  async protection(): Promise<SecretProtection> {
    if (!(await this.safe.isAsyncEncryptionAvailable())) return 'memory'
    if (this.platform === 'linux' && this.safe.getSelectedStorageBackend() === 'basic_text') return 'plain-text'
    return 'keychain'
  }

  async read(): Promise<string | null> {
    if (this.memory !== null) return this.memory
    if (!existsSync(this.file) || !(await this.safe.isAsyncEncryptionAvailable())) return null
    try {
      const { result, shouldReEncrypt } = await this.safe.decryptStringAsync(await readFile(this.file))
      if (shouldReEncrypt) await this.write(result) // the keychain rotated its key
      return result
    } catch (error) {
      // A keychain that changed (another OS user, a reset keyring) cannot decrypt: ask for the token again.
      this.logger.warn('the stored team server token could not be decrypted; it has to be entered again', error)
      return null
    }
  }

  async write(secret: string | null): Promise<void> {
    this.memory = null
    if (secret === null) {
      rmSync(this.file, { force: true })
      return
    }
    if (!(await this.safe.isAsyncEncryptionAvailable())) {
      this.memory = secret
      return
    }
    const ciphertext = await this.safe.encryptStringAsync(secret)
    try {
      // Whole or not at all: a full disk must not leave an empty token file in place of the old one.
      writeFileAtomically(this.file, ciphertext)
    } catch (error) {
      throw storageError(error, { doing: 'saveToken', place: dirname(this.file), kept: 'token' }) ?? error
    }
  }
}
