// Where the team server token lives. In the app: encrypted with the OS keychain through
// Electron's safeStorage (src/main/electron/secret-store.ts); the browser host keeps it
// in memory only, so it never reaches a plain file. `protection` is shown in Settings,
// with a warning where Linux has no keyring and safeStorage falls back to plain text.
export type SecretProtection = 'keychain' | 'plain-text' | 'memory'

export interface SecretStore {
  readonly protection: SecretProtection
  read(): string | null
  write(secret: string | null): void
}

export class MemorySecretStore implements SecretStore {
  readonly protection = 'memory'
  private secret: string | null = null
  read(): string | null {
    return this.secret
  }
  write(secret: string | null): void {
    this.secret = secret
  }
}
