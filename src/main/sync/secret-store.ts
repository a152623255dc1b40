// Where the team server token lives. In the app: encrypted with the OS keychain through
// Electron's safeStorage (src/main/electron/secret-store.ts); the browser host keeps it
// in memory only, so it never reaches a plain file. `protection` is shown in Settings,
// with a warning where Linux has no keyring and safeStorage falls back to plain text.
// Asynchronous, as safeStorage is; the sync service reads it once at start and keeps it.
export type SecretProtection = 'keychain' | 'plain-text' | 'memory'

export interface SecretStore {
  protection(): Promise<SecretProtection>
  read(): Promise<string | null>
  write(secret: string | null): Promise<void>
}

export class MemorySecretStore implements SecretStore {
  private secret: string | null = null
  protection(): Promise<SecretProtection> {
    return Promise.resolve('memory')
  }
  read(): Promise<string | null> {
    return Promise.resolve(this.secret)
  }
  write(secret: string | null): Promise<void> {
    this.secret = secret
    return Promise.resolve()
  }
}
