// The admin's story, on SQLite and on PostgreSQL: set up the organisation once, add
// people and teams, name approvers, choose the period rule; and every refusal says what
// was wrong and leaves the database exactly as it was.
import type { Kysely } from 'kysely'
import { beforeEach, expect, it } from 'vitest'
import { StintError } from '@shared/errors'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import type { ServerDatabase } from '../db/schema'
import type { InputError } from '../errors'
import { OrgService } from './org-service'
import { DeviceTokens, hashToken } from './tokens'

const T0 = Date.UTC(2026, 2, 2, 9, 0)

/** Runs `action`, expects a refusal of `code`, and checks the database did not change. */
async function refusedWithoutChange(t: { db: Kysely<ServerDatabase> }, action: () => Promise<unknown>, code: StintError['code'], message: RegExp) {
  const snapshot = async () => ({
    org: await t.db.selectFrom('org').selectAll().execute(),
    users: await t.db.selectFrom('users').selectAll().orderBy('id').execute(),
    teams: await t.db.selectFrom('teams').selectAll().orderBy('id').execute(),
    members: await t.db.selectFrom('team_members').selectAll().orderBy('user_id').execute(),
    approvers: await t.db.selectFrom('team_approvers').selectAll().orderBy('user_id').execute(),
    tokens: await t.db.selectFrom('device_tokens').selectAll().orderBy('id').execute(),
  })
  const before = await snapshot()
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  )
  expect(error, 'expected a refusal').toBeInstanceOf(StintError)
  expect((error as StintError).code).toBe(code)
  expect((error as StintError).message).toMatch(message)
  expect((error as StintError).message).toMatch(/nothing was changed/i)
  expect(await snapshot()).toEqual(before)
  return error as StintError
}

const postgres = usePostgresCluster()

function orgSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let now: number
  let org: OrgService
  let tokens: DeviceTokens
  beforeEach(() => {
    now = T0
    org = new OrgService(t.db, () => now)
    tokens = new DeviceTokens(t.db, () => now)
  })
  const setUp = () => org.initOrganisation({ name: 'Acme IT', adminName: 'Ana Admin', adminEmail: ' Ana@Example.COM ' })

  it('sets up the organisation once: its admin, lower-cased, and a first token stored only as a hash', async () => {
    const { organisation, admin, token } = await setUp()
    expect(organisation).toMatchObject({ name: 'Acme IT', periodRule: { kind: 'weekly', weekStartsOn: 1 }, createdAt: T0 })
    expect(admin).toMatchObject({ name: 'Ana Admin', email: 'ana@example.com', role: 'admin', createdAt: T0, deactivatedAt: null })
    expect(token.token).toMatch(/^stint_[A-Za-z0-9_-]{43}$/)
    const stored = await t.db.selectFrom('device_tokens').selectAll().execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]?.token_hash).toBe(hashToken(token.token))
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/)
    // Nowhere in the row is the token itself.
    expect(JSON.stringify(stored)).not.toContain(token.token)
    expect(JSON.stringify(stored)).not.toContain(token.token.slice('stint_'.length))
    expect((await tokens.authenticate(token.token))?.email).toBe('ana@example.com')
  })

  it('refuses to set up a second time, whoever asks', async () => {
    await setUp()
    await refusedWithoutChange(
      t,
      () => org.initOrganisation({ name: 'Other Co', adminName: 'Eve', adminEmail: 'eve@example.com' }),
      'conflict',
      /already set up for "Acme IT"/,
    )
  })

  it('lets only one of two simultaneous setups win', async () => {
    const results = await Promise.allSettled([
      org.initOrganisation({ name: 'First', adminName: 'Ana', adminEmail: 'ana@example.com' }),
      org.initOrganisation({ name: 'Second', adminName: 'Bo', adminEmail: 'bo@example.com' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected')
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(StintError)
    expect(await t.db.selectFrom('org').select('name').execute()).toHaveLength(1)
    expect(await t.db.selectFrom('users').select('email').execute()).toHaveLength(1)
  })

  it('asks for init before anything else', async () => {
    await expect(org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })).rejects.toThrow(/no organisation yet.*init/)
    await expect(org.addTeam({ name: 'Field' })).rejects.toThrow(/no organisation yet/)
  })

  it('checks the setup input and names each wrong field', async () => {
    const error = await refusedWithoutChange(t, () => org.initOrganisation({ name: '', adminName: 'Ana', adminEmail: 'not-an-email' }), 'invalid_request', /name: a name is needed; adminEmail: this is not an email/)
    expect((error as InputError).issues.map((issue) => issue.path)).toEqual(['name', 'adminEmail'])
  })

  it('adds people with a role and refuses a second account for one email, in any letter case', async () => {
    await setUp()
    now = T0 + 1000
    const bo = await org.addUser({ name: ' Bo Tech ', email: 'BO@example.com', role: 'member' })
    expect(bo).toMatchObject({ name: 'Bo Tech', email: 'bo@example.com', role: 'member', createdAt: T0 + 1000 })
    await refusedWithoutChange(t, () => org.addUser({ name: 'Bo Again', email: 'Bo@Example.com', role: 'admin' }), 'conflict', /bo@example.com already belongs to Bo Tech/)
    await refusedWithoutChange(t, () => org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'boss' }), 'invalid_request', /role: the role must be member, approver or admin/)
    expect((await org.listUsers()).map((u) => u.email)).toEqual(['ana@example.com', 'bo@example.com'])
  })

  it('changes roles, but never leaves the organisation without an active admin', async () => {
    await setUp()
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    await refusedWithoutChange(t, () => org.setRole({ user: 'ana@example.com', role: 'member' }), 'conflict', /only active admin/)
    await refusedWithoutChange(t, () => org.deactivateUser({ user: 'ana@example.com' }), 'conflict', /only active admin/)
    expect(await org.setRole({ user: 'BO@example.com', role: 'admin' })).toMatchObject({ email: 'bo@example.com', role: 'admin' })
    expect(await org.setRole({ user: 'ana@example.com', role: 'approver' })).toMatchObject({ role: 'approver' })
    await refusedWithoutChange(t, () => org.setRole({ user: 'nobody@example.com', role: 'admin' }), 'not_found', /no user nobody@example.com/)
  })

  it('deactivates a person: their tokens stop working and they cannot be deactivated twice', async () => {
    await setUp()
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    const issued = await tokens.issueToken({ user: 'bo@example.com', label: 'laptop' })
    expect(await tokens.authenticate(issued.token)).not.toBeNull()
    now = T0 + 5000
    expect(await org.deactivateUser({ user: 'bo@example.com' })).toMatchObject({ deactivatedAt: T0 + 5000 })
    expect(await tokens.authenticate(issued.token)).toBeNull()
    await refusedWithoutChange(t, () => org.deactivateUser({ user: 'bo@example.com' }), 'conflict', /already deactivated/)
    await refusedWithoutChange(t, () => tokens.issueToken({ user: 'bo@example.com', label: 'new laptop' }), 'conflict', /deactivated/)
  })

  it('makes teams with an approval pattern (one by default) and unique names in any letter case', async () => {
    await setUp()
    expect(await org.addTeam({ name: 'Field Service' })).toMatchObject({ name: 'Field Service', approvalPattern: 'one', members: [], approvers: [] })
    expect(await org.addTeam({ name: 'Helpdesk', pattern: 'two' })).toMatchObject({ approvalPattern: 'two' })
    await refusedWithoutChange(t, () => org.addTeam({ name: 'field service' }), 'conflict', /already a team called "Field Service"/)
    await refusedWithoutChange(t, () => org.addTeam({ name: 'Ops', pattern: 'three' }), 'invalid_request', /pattern: the approval pattern must be none, one or two/)
    expect(await org.setApprovalPattern({ team: 'HELPDESK', pattern: 'none' })).toMatchObject({ name: 'Helpdesk', approvalPattern: 'none' })
    expect((await org.listTeams()).map((team) => team.name)).toEqual(['Field Service', 'Helpdesk'])
  })

  it('puts people in teams by email and team name, once each', async () => {
    await setUp()
    await org.addTeam({ name: 'Field' })
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    expect(await org.addMember({ team: 'field', user: 'Bo@Example.com' })).toMatchObject({ added: true, team: { members: [{ email: 'bo@example.com' }] } })
    expect(await org.addMember({ team: 'Field', user: 'bo@example.com' })).toMatchObject({ added: false })
    expect(await t.db.selectFrom('team_members').selectAll().execute()).toHaveLength(1)
    await refusedWithoutChange(t, () => org.addMember({ team: 'Nope', user: 'bo@example.com' }), 'not_found', /no team "Nope"/)
    expect(await org.removeMember({ team: 'Field', user: 'bo@example.com' })).toMatchObject({ removed: true, team: { members: [] } })
    expect(await org.removeMember({ team: 'Field', user: 'bo@example.com' })).toMatchObject({ removed: false })
  })

  it('names approvers per level, only among approvers and admins, all or none of a list', async () => {
    await setUp()
    await org.addTeam({ name: 'Field', pattern: 'two' })
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'approver' })
    await org.addUser({ name: 'Di', email: 'di@example.com', role: 'approver' })
    const team = await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com', 'DI@example.com', 'cy@example.com'] })
    expect(team.approvers).toEqual([
      { level: 1, user: expect.objectContaining({ email: 'cy@example.com' }) as unknown },
      { level: 1, user: expect.objectContaining({ email: 'di@example.com' }) as unknown },
    ])
    await org.setApprovers({ team: 'Field', level: 2, users: ['ana@example.com'] })
    // A list with one wrong name changes nothing, not even the valid part.
    await refusedWithoutChange(t, () => org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com', 'bo@example.com'] }), 'conflict', /bo@example.com is a member; only approvers and admins/)
    await refusedWithoutChange(t, () => org.setApprovers({ team: 'Field', level: 1, users: ['ghost@example.com'] }), 'not_found', /no user ghost@example.com/)
    await refusedWithoutChange(t, () => org.setApprovers({ team: 'Field', level: 3, users: [] }), 'invalid_request', /level: the approval level must be 1 or 2/)
    // An approver who approves somewhere cannot become a plain member.
    await refusedWithoutChange(t, () => org.setRole({ user: 'cy@example.com', role: 'member' }), 'conflict', /approves timesheets of Field \(level 1\)/)
    const cleared = await org.setApprovers({ team: 'Field', level: 1, users: [] })
    expect(cleared.approvers).toEqual([{ level: 2, user: expect.objectContaining({ email: 'ana@example.com' }) as unknown }])
  })

  it('refuses one person as approver at both levels of a team: two levels mean two people', async () => {
    await setUp()
    await org.addTeam({ name: 'Field', pattern: 'two' })
    await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'approver' })
    await org.addUser({ name: 'Di', email: 'di@example.com', role: 'approver' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['cy@example.com'] })
    await refusedWithoutChange(
      t,
      () => org.setApprovers({ team: 'Field', level: 2, users: ['di@example.com', 'cy@example.com'] }),
      'conflict',
      /^cy@example.com already approves "Field" at level 1, and nobody approves the same timesheet at two levels\. Name someone else here, or take them off level 1 first\. Nothing was changed\.$/,
    )
    await org.setApprovers({ team: 'Field', level: 2, users: ['di@example.com'] })
    await refusedWithoutChange(t, () => org.setApprovers({ team: 'Field', level: 1, users: ['di@example.com'] }), 'conflict', /di@example.com already approves "Field" at level 2/)
    // Another team is another matter.
    await org.addTeam({ name: 'Office', pattern: 'two' })
    await org.setApprovers({ team: 'Office', level: 2, users: ['cy@example.com'] })
  })

  it('keeps the period rule everyone follows, checked by the shared schema', async () => {
    await setUp()
    expect(await org.setPeriodRule({ kind: 'biweekly', weekStartsOn: 1, anchor: '2026-03-02' })).toEqual({ kind: 'biweekly', weekStartsOn: 1, anchor: '2026-03-02' })
    expect((await org.organisation())?.periodRule).toEqual({ kind: 'biweekly', weekStartsOn: 1, anchor: '2026-03-02' })
    await refusedWithoutChange(t, () => org.setPeriodRule({ kind: 'weekly', weekStartsOn: 7 }), 'invalid_request', /weekStartsOn: the first day of the week/)
    await refusedWithoutChange(t, () => org.setPeriodRule({ kind: 'fortnightly' }), 'invalid_request', /kind/)
  })

  it("answers a person's profile: role, teams with their pattern, what they approve, the period rule", async () => {
    await setUp()
    await org.addTeam({ name: 'Field', pattern: 'two' })
    await org.addTeam({ name: 'Helpdesk' })
    const cy = await org.addUser({ name: 'Cy', email: 'cy@example.com', role: 'approver' })
    await org.addMember({ team: 'Helpdesk', user: 'cy@example.com' })
    await org.setApprovers({ team: 'Field', level: 2, users: ['cy@example.com'] })
    await org.setPeriodRule({ kind: 'monthly' })
    expect(await org.profile(cy.id)).toEqual({
      user: cy,
      organisation: { name: 'Acme IT', periodRule: { kind: 'monthly' } },
      teams: [{ id: expect.any(String) as unknown, name: 'Helpdesk', approvalPattern: 'one' }],
      approves: [{ teamId: expect.any(String) as unknown, teamName: 'Field', level: 2 }],
    })
  })
}

describeEachDialect('the organisation service', orgSuite)
