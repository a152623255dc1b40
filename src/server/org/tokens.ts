// Device tokens: how a desktop proves who it works for. The token is shown once, when it
// is issued; the server keeps only its SHA-256, so a copy of the database lets no one
// sign in. A revoked token, or one of a deactivated user, opens nothing.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { newId } from '@shared/ids'
import type { Clock } from '../clock'
import type { Role, ServerDatabase } from '../db/schema'
import { parseInput } from '../errors'
import { TokenLabelSchema, UserRefSchema } from './inputs'
import { NOTHING_CHANGED, requireOrganisation, resolveUser, type Db } from './lookup'
import { inWriteTransaction } from './transactions'

export const TOKEN_PREFIX = 'stint_'
/** `stint_` and 32 random bytes in base64url (43 characters, no padding). */
const TOKEN_SHAPE = /^stint_[A-Za-z0-9_-]{43}$/
/** Recording every request's time would make each read a write; a minute is fine-grained enough. */
export const LAST_USED_RESOLUTION_MS = 60_000

export interface IssuedToken {
  id: string
  userId: string
  label: string
  /** The secret itself: shown to the admin once and never again. */
  token: string
  createdAt: number
}

export interface TokenInfo {
  id: string
  label: string
  createdAt: number
  lastUsedAt: number | null
  revokedAt: number | null
}

/** Who a valid token speaks for. */
export interface Principal {
  userId: string
  tokenId: string
  name: string
  email: string
  role: Role
}

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export function looksLikeToken(text: string): boolean {
  return TOKEN_SHAPE.test(text)
}

/** Stores a new token for a user inside the caller's transaction. */
export async function insertToken(db: Db, userId: string, label: string, now: number): Promise<IssuedToken> {
  const token = generateToken()
  const id = newId()
  await db.insertInto('device_tokens').values({ id, user_id: userId, label, token_hash: hashToken(token), created_at: now }).execute()
  return { id, userId, label, token, createdAt: now }
}

const IssueSchema = z.object({ user: UserRefSchema, label: TokenLabelSchema })
const RevokeSchema = z.object({ id: z.string().trim().min(1, 'say which token, by its id (`token list` shows them)') })
const ListSchema = z.object({ user: UserRefSchema })

export class DeviceTokens {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: Clock,
  ) {}

  async issueToken(input: { user: string; label: string }): Promise<IssuedToken> {
    const { user, label } = parseInput(IssueSchema, input, 'Issuing the token')
    return inWriteTransaction(this.db, 'Issuing the token', async (trx) => {
      await requireOrganisation(trx)
      const row = await resolveUser(trx, user)
      if (row.deactivated_at !== null) {
        throw new StintError('conflict', `${row.email} is deactivated, so no token can be issued for them. ${NOTHING_CHANGED}`)
      }
      return insertToken(trx, row.id, label, this.clock())
    })
  }

  async revokeToken(input: { id: string }): Promise<TokenInfo> {
    const { id } = parseInput(RevokeSchema, input, 'Revoking the token')
    return inWriteTransaction(this.db, 'Revoking the token', async (trx) => {
      const row = await trx.selectFrom('device_tokens').selectAll().where('id', '=', id).executeTakeFirst()
      if (!row) throw new StintError('not_found', `There is no token ${id} (\`token list --email …\` shows a user's tokens). ${NOTHING_CHANGED}`)
      if (row.revoked_at !== null) throw new StintError('conflict', `The token ${id} ("${row.label}") was already revoked. ${NOTHING_CHANGED}`)
      const now = this.clock()
      await trx.updateTable('device_tokens').set({ revoked_at: now }).where('id', '=', id).execute()
      return { id, label: row.label, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: now }
    })
  }

  /** A user's tokens, newest first: labels and dates only, never a secret or a hash. */
  async listTokens(input: { user: string }): Promise<TokenInfo[]> {
    const { user } = parseInput(ListSchema, input, 'Listing tokens')
    const row = await resolveUser(this.db, user)
    const tokens = await this.db
      .selectFrom('device_tokens')
      .select(['id', 'label', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', row.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
    return tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.created_at, lastUsedAt: t.last_used_at, revokedAt: t.revoked_at }))
  }

  /**
   * The principal of a live token, or null: unknown, revoked, or its user deactivated.
   * The lookup goes by hash, so the database never compares the secret itself.
   */
  async authenticate(token: string): Promise<Principal | null> {
    if (!looksLikeToken(token)) return null
    const row = await this.db
      .selectFrom('device_tokens')
      .innerJoin('users', 'users.id', 'device_tokens.user_id')
      .select(['device_tokens.id as tokenId', 'device_tokens.last_used_at', 'users.id as userId', 'users.name', 'users.email', 'users.role'])
      .where('device_tokens.token_hash', '=', hashToken(token))
      .where('device_tokens.revoked_at', 'is', null)
      .where('users.deactivated_at', 'is', null)
      .executeTakeFirst()
    if (!row) return null
    const now = this.clock()
    if (row.last_used_at === null || now - row.last_used_at >= LAST_USED_RESOLUTION_MS) {
      await this.db.updateTable('device_tokens').set({ last_used_at: now }).where('id', '=', row.tokenId).execute()
    }
    return { userId: row.userId, tokenId: row.tokenId, name: row.name, email: row.email, role: row.role }
  }
}
