// A standalone technician's ticket-system credentials: one secret per system in the secret
// store (safeStorage in the app, memory in the browser host), as JSON of the connector's
// fields. Never in the database, the settings, the log, or an answer to the window.
import { MemorySecretStore, type SecretProtection, type SecretStore } from '../sync/secret-store'

export interface TicketSecrets {
  protection(): Promise<SecretProtection>
  read(systemId: string): Promise<Record<string, string> | null>
  write(systemId: string, credentials: Readonly<Record<string, string>> | null): Promise<void>
}

/** One SecretStore per system, made by `storeFor` (the app's: a safeStorage file named by the system's id). */
export class KeyedTicketSecrets implements TicketSecrets {
  private readonly stores = new Map<string, SecretStore>()
  constructor(private readonly storeFor: (systemId: string) => SecretStore) {}

  private store(systemId: string): SecretStore {
    let store = this.stores.get(systemId)
    if (!store) {
      store = this.storeFor(systemId)
      this.stores.set(systemId, store)
    }
    return store
  }

  protection(): Promise<SecretProtection> {
    return this.store('probe').protection()
  }

  async read(systemId: string): Promise<Record<string, string> | null> {
    const text = await this.store(systemId).read()
    if (text === null) return null
    try {
      const value: unknown = JSON.parse(text)
      return value && typeof value === 'object' ? (value as Record<string, string>) : null
    } catch {
      return null
    }
  }

  write(systemId: string, credentials: Readonly<Record<string, string>> | null): Promise<void> {
    return this.store(systemId).write(credentials === null ? null : JSON.stringify(credentials))
  }
}

export const memoryTicketSecrets = (): TicketSecrets => new KeyedTicketSecrets(() => new MemorySecretStore())
