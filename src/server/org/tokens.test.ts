// Device tokens on SQLite and PostgreSQL: shown once, stored as a hash, listed without
// secrets, revoked for good, and remembered as "last used" without a write per request.
import { beforeEach, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { OrgService } from './org-service'
import { DeviceTokens, generateToken, hashToken, LAST_USED_RESOLUTION_MS } from './tokens'

const T0 = Date.UTC(2026, 2, 2, 9, 0)

it('makes tokens of 32 random bytes behind a recognisable prefix', () => {
  const tokens = new Set(Array.from({ length: 50 }, generateToken))
  expect(tokens.size).toBe(50)
  for (const token of tokens) {
    expect(token).toMatch(/^stint_[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token.slice(6), 'base64url')).toHaveLength(32)
  }
  // The FIPS 180-2 test vector: the hash is plain hex SHA-256, checkable by any tool.
  expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

const postgres = usePostgresCluster()

function tokenSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let now: number
  let tokens: DeviceTokens
  beforeEach(async () => {
    now = T0
    const org = new OrgService(t.db, () => now)
    await org.initOrganisation({ name: 'Acme', adminName: 'Ana', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    tokens = new DeviceTokens(t.db, () => now)
  })

  it('issues a token once: the table holds its SHA-256 and nothing from which it could be read back', async () => {
    const issued = await tokens.issueToken({ user: 'BO@example.com', label: " Bo's laptop " })
    expect(issued).toMatchObject({ label: "Bo's laptop", createdAt: T0 })
    const row = await t.db.selectFrom('device_tokens').selectAll().where('id', '=', issued.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(hashToken(issued.token))
    expect(Object.values(row).some((value) => typeof value === 'string' && value.includes(issued.token.slice(6)))).toBe(false)
    const principal = await tokens.authenticate(issued.token)
    expect(principal).toMatchObject({ email: 'bo@example.com', role: 'member', tokenId: issued.id })
  })

  it('lists labels and dates, never a token or its hash', async () => {
    const first = await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })
    now += 1000
    const second = await tokens.issueToken({ user: 'bo@example.com', label: 'desktop' })
    const list = await tokens.listTokens({ user: 'bo@example.com' })
    expect(list).toEqual([
      { id: second.id, label: 'desktop', createdAt: T0 + 1000, lastUsedAt: null, revokedAt: null },
      { id: first.id, label: 'laptop', createdAt: T0, lastUsedAt: null, revokedAt: null },
    ])
    const text = JSON.stringify(list)
    for (const secret of [first.token, second.token, hashToken(first.token), hashToken(second.token)]) expect(text).not.toContain(secret)
  })

  it('revokes a token for good, and says so when asked twice', async () => {
    const issued = await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })
    now += 60_000
    expect(await tokens.revokeToken({ id: issued.id })).toMatchObject({ id: issued.id, revokedAt: T0 + 60_000 })
    expect(await tokens.authenticate(issued.token)).toBeNull()
    await expect(tokens.revokeToken({ id: issued.id })).rejects.toThrow(/already revoked.*Nothing was changed/)
    await expect(tokens.revokeToken({ id: 'no-such-token' })).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses a token without a label, or for someone unknown', async () => {
    await expect(tokens.issueToken({ user: 'bo@example.com', label: '  ' })).rejects.toThrow(/label: a label is needed/)
    const error = await tokens.issueToken({ user: 'zed@example.com', label: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StintError)
    expect((error as StintError).code).toBe('not_found')
    expect(await t.db.selectFrom('device_tokens').selectAll().execute()).toHaveLength(1) // the admin's from init
  })

  it('accepts nothing that is not a live token', async () => {
    const issued = await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })
    for (const guess of ['', 'stint_', issued.token.slice(0, -1), `${issued.token}x`, issued.token.toUpperCase(), hashToken(issued.token), generateToken()]) {
      expect(await tokens.authenticate(guess)).toBeNull()
    }
  })

  it('records when a token was last used, at most once a minute', async () => {
    const issued = await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })
    const lastUsed = async () => (await tokens.listTokens({ user: 'bo@example.com' }))[0]?.lastUsedAt
    now = T0 + 10
    await tokens.authenticate(issued.token)
    expect(await lastUsed()).toBe(T0 + 10)
    now = T0 + 10 + LAST_USED_RESOLUTION_MS - 1
    await tokens.authenticate(issued.token)
    expect(await lastUsed()).toBe(T0 + 10)
    now = T0 + 10 + LAST_USED_RESOLUTION_MS
    await tokens.authenticate(issued.token)
    expect(await lastUsed()).toBe(T0 + 10 + LAST_USED_RESOLUTION_MS)
  })
}

describeEachDialect('device tokens', tokenSuite)
