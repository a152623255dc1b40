// Ticket-system credentials at rest: AES-256-GCM with a key that is not in the database.
// The key is STINT_SERVER_SECRET_KEY (32 bytes as 64 hex digits or base64; every server
// process of one database needs the same one) or, without it, a key file made at first use
// in the data folder, readable by the server's user only. A stolen database (or backup)
// alone does not give the credentials away. Each ciphertext is bound to its ticket system's
// id, so one system's credentials cannot be pasted into another's row.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { refuse, type StintError } from '@shared/errors'

export const SECRET_KEY_VARIABLE = 'STINT_SERVER_SECRET_KEY'
export const SECRET_KEY_FILE = 'secret.key'
const VERSION = 'v1'

const unreadable = (): StintError => refuse('unavailable', 'refusal.ticket.credentialsUnreadable', { variable: SECRET_KEY_VARIABLE, file: SECRET_KEY_FILE })

function keyFromText(text: string, where: string): Buffer {
  const trimmed = text.trim()
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex')
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0)
  if (decoded.length === 32) return decoded
  throw refuse('invalid_request', 'refusal.ticket.badSecretKey', { where })
}

/** Encrypts and decrypts credentials; holds the key only in memory. */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(text: string, where = 'The secret key'): SecretBox {
    return new SecretBox(keyFromText(text, where))
  }

  /** The key from STINT_SERVER_SECRET_KEY, else from `<dataDir>/secret.key`, made (0600) when missing. */
  static open(env: NodeJS.ProcessEnv, dataDir: string): SecretBox {
    const fromEnv = env[SECRET_KEY_VARIABLE]
    if (fromEnv !== undefined && fromEnv !== '') return SecretBox.fromKey(fromEnv, SECRET_KEY_VARIABLE)
    const path = join(dataDir, SECRET_KEY_FILE)
    mkdirSync(dataDir, { recursive: true })
    try {
      // 'wx': of two processes starting at once, one makes it and the other reads it.
      writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 })
      chmodSync(path, 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    return SecretBox.fromKey(readFileSync(path, 'utf8'), path)
  }

  encrypt(plain: Readonly<Record<string, string>>, boundTo: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(boundTo))
    const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()])
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.')
  }

  decrypt(stored: string, boundTo: string): Record<string, string> {
    const [version, iv, tag, body] = stored.split('.')
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) throw unreadable()
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'))
      decipher.setAAD(Buffer.from(boundTo))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
      return JSON.parse(plain) as Record<string, string>
    } catch {
      // Never the reason's details: they would say nothing but "wrong key", and could leak.
      throw unreadable()
    }
  }
}
