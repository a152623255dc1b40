// One bad change never stops a push, on SQLite and on PostgreSQL: the server answers each
// mutation on its own (applied, conflict, or refused with the reason), a malformed push is
// a 400 that says what was wrong, and nothing a device sends is answered 500.
import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { newId } from '@shared/ids'
import { MAX_PUSH_MUTATIONS, PushResponseSchema, type MutationResult } from '@shared/sync'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { buildServerApp } from '../../app'
import { silentLogger } from '../../logger'
import { OrgService } from '../../org/org-service'
import { DeviceTokens } from '../../org/tokens'

const H = 3600
const MONDAY = '2026-03-02'
const T0 = Date.UTC(2026, 2, 6, 17, 0)
const postgres = usePostgresCluster()

type Json = Record<string, unknown>

const entry = (id: string, patch: Json = {}): Json => ({
  id: newId(),
  type: 'entry.put',
  baseVersion: null,
  entry: { id, day: MONDAY, workItemId: null, activityTypeId: null, billable: true, description: '', source: 'grid', rawSeconds: H, roundedSeconds: H, updatedAt: 1, deletedAt: null, ...patch },
})
const customer = (id: string, name: string): Json => ({ id: newId(), type: 'customer.put', baseVersion: null, customer: { id, name, organisation: null, updatedAt: 1, deletedAt: null } })
const contract = (id: string, customerId: string): Json => ({
  id: newId(),
  type: 'contract.put',
  baseVersion: null,
  contract: { id, customerId, name: 'Support', includedMinutes: 600, updatedAt: 1, deletedAt: null },
})
const workItem = (id: string, patch: Json = {}): Json => ({
  id: newId(),
  type: 'workItem.put',
  baseVersion: null,
  item: { id, kind: 'ticket', reference: null, title: 'Printer', customerId: null, contractId: null, billable: true, active: true, updatedAt: 1, deletedAt: null, ...patch },
})

function pushSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let app: FastifyInstance
  let token: string
  /** Contracts are organisation data: only an admin's device may push them (src/server/org/authority.ts). */
  let adminToken: string

  beforeEach(async () => {
    const org = new OrgService(t.db, () => T0)
    await org.initOrganisation({ name: 'Acme IT', adminName: 'Ana', adminEmail: 'ana@example.com' })
    await org.addUser({ name: 'Bo', email: 'bo@example.com', role: 'member' })
    token = (await new DeviceTokens(t.db, () => T0).issueToken({ user: 'bo@example.com', label: 'laptop' })).token
    adminToken = (await new DeviceTokens(t.db, () => T0).issueToken({ user: 'ana@example.com', label: 'desk' })).token
    app = buildServerApp({ db: t.db, clock: () => T0, logger: silentLogger })
    await app.ready()
  })
  afterEach(async () => {
    await app.close()
  })

  const send = async (payload: string | Json | unknown[], bearer = token) => {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })
    return { status: response.statusCode, body: response.json<Json>() }
  }
  const push = async (mutations: Json[], bearer = token): Promise<MutationResult[]> => {
    const response = await send({ deviceId: 'bo-laptop', mutations }, bearer)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    return PushResponseSchema.parse(response.body).results
  }
  const messageOf = (body: Json) => (body['error'] as { message: string }).message
  const entries = async () => (await t.db.selectFrom('time_entries').select(['id', 'description']).orderBy('id').execute()).map((r) => r.id)

  it('refuses an entry on a day that does not exist, with a sentence naming it, and applies the rest', async () => {
    const bad = entry('e-bad', { day: '2026-02-30' })
    const good = entry('e-good')
    const submit = { id: newId(), type: 'period.submit', start: '2026-02-30', end: '2026-03-08' }
    const results = await push([bad, good, submit])
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [bad['id'], 'refused'],
      [good['id'], 'applied'],
      [submit['id'], 'refused'],
    ])
    expect(results[0]?.status === 'refused' && results[0].reason).toMatch(/"2026-02-30" is not a real date: February 2026 has days 01 to 28/)
    expect(results[2]?.status === 'refused' && results[2].reason).toMatch(/"2026-02-30" is not a real date/)
    expect(await entries()).toEqual(['e-good'])
  })

  it('answers a change the schema refuses with the schema’s sentence, and applies the others', async () => {
    const nul = entry('e-nul', { description: 'before\u0000after' })
    const invisible = workItem('w-zwsp', { title: 'Acme\u200b' })
    const unknownType = { id: newId(), type: 'entry.delete', entryId: 'e-1' }
    const missingFields = { id: newId(), type: 'entry.put' }
    const notUuid = { ...entry('e-id'), id: 'change-1' }
    const good = entry('e-good')
    const results = await push([nul, invisible, unknownType, missingFields, notUuid, good])
    expect(results.map((r) => r.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'refused', 'applied'])
    const reasons = results.map((r) => (r.status === 'refused' ? r.reason : ''))
    expect(reasons[0]).toMatch(/An entry description cannot contain invisible or control characters: it has U\+0000 NUL at character 7/)
    expect(reasons[1]).toMatch(/A work item title cannot contain invisible or control characters: it has U\+200B ZERO WIDTH SPACE/)
    expect(reasons[2]).toMatch(/"entry.delete" is not a kind of change this server knows/)
    expect(reasons[3]).toMatch(/entry/)
    expect(reasons[4]).toMatch(/a client mutation id is a UUID/)
    for (const reason of reasons.slice(0, 5)) expect(reason).toMatch(/This change was not applied; the rest of the push was\./)
    expect(await entries()).toEqual(['e-good'])
  })

  it('refuses an id with a control character in it (PostgreSQL cannot store a NUL) instead of failing the push', async () => {
    const results = await push([entry('e\u0000x'), entry('e-good')])
    expect(results.map((r) => r.status)).toEqual(['refused', 'applied'])
    expect(results[0]?.status === 'refused' && results[0].reason).toMatch(/entry\.id/)
  })

  it('applies the first of two changes with one id, answers an identical second as its replay and refuses a different one', async () => {
    const first = entry('e-1')
    const replay = { ...first }
    const other = { ...entry('e-2'), id: first['id'] }
    const results = await push([first, replay, other])
    expect(results[0]).toEqual({ id: first['id'], status: 'applied', version: 1 })
    expect(results[1]).toEqual(results[0])
    expect(results[2]).toMatchObject({ id: first['id'], status: 'refused', reason: expect.stringMatching(/already used by an earlier change in this push/) as string })
    expect(await entries()).toEqual(['e-1'])
    // Sent again as a whole, every answer is the same.
    expect(await push([first, replay, other])).toEqual(results)
  })

  it('refuses a contract of a customer the server does not have, and a work item or entry linked to something unknown, applying the rest in one go', async () => {
    const orphan = contract('k-orphan', 'no-such-customer')
    const item = workItem('w-1', { contractId: 'no-such-contract' })
    const booked = entry('e-booked', { workItemId: 'no-such-item' })
    const typed = entry('e-typed', { activityTypeId: 'no-such-type' })
    const acme = customer('c-acme', 'Acme')
    const fine = contract('k-fine', 'c-acme')
    const results = await push([orphan, item, booked, typed, acme, fine, entry('e-good')], adminToken)
    expect(results.map((r) => r.status)).toEqual(['refused', 'refused', 'refused', 'refused', 'applied', 'applied', 'applied'])
    expect(results[0]?.status === 'refused' && results[0].reason).toMatch(/customer .*the server does not have/)
    expect(results[1]?.status === 'refused' && results[1].reason).toMatch(/contract .*the server does not have/)
    expect(results[2]?.status === 'refused' && results[2].reason).toMatch(/work item .*the server does not have/)
    expect(results[3]?.status === 'refused' && results[3].reason).toMatch(/activity type .*the server does not have/)
    expect(await entries()).toEqual(['e-good'])
    expect((await t.db.selectFrom('contracts').select('id').execute()).map((r) => r.id)).toEqual(['k-fine'])
  })

  it('gives each change it does not take its refusal id and values beside the English reason older devices read, the same again on a replay', async () => {
    const long = entry('e-long', { rawSeconds: 20 * H, roundedSeconds: 20 * H })
    const longer = entry('e-longer', { rawSeconds: 5 * H, roundedSeconds: 5 * H })
    const unknown = { ...entry('e-gone'), baseVersion: 3 }
    const booked = entry('e-booked', { workItemId: 'no-such-item' })
    const terms = contract('k-1', 'c-1')
    const submit = { id: newId(), type: 'period.submit', start: MONDAY, end: '2026-03-08' }
    const results = await push([long, longer, unknown, booked, terms, submit])
    const said = results.map((r) => (r.status === 'applied' ? null : { reason: r.reason, messageId: r.messageId, values: r.values }))
    expect(said).toEqual([
      null,
      { reason: 'A day has at most 24 hours: 2026-03-02 would have 25.00 h. This change was not applied.', messageId: 'refusal.sync.dayOver24h', values: { isoDay: MONDAY, hours: 25 } },
      { reason: 'The server has no copy of this entry any more.', messageId: 'refusal.sync.entryNoCopy', values: undefined },
      {
        reason: 'This entry is booked on a work item the server does not have (yet). Sync again; if it stays, book the time on another item. This change was not applied.',
        messageId: 'refusal.sync.entryWorkItemMissing',
        values: undefined,
      },
      {
        reason: 'Contracts and their included hours are set by your organisation’s admin on the team server. This change was not applied.',
        messageId: 'refusal.sync.notApplied',
        values: { refusal: 'refusal.contractsAdminOnly' },
      },
      {
        reason:
          'You are in no team on the team server, so no one could approve this timesheet. Ask your Stint admin to put you in a team (`team member add`), then submit again. Nothing was changed.',
        messageId: 'refusal.flowNotKept',
        values: { refusal: 'refusal.path.noTeam' },
      },
    ])
    expect(await push([longer, submit])).toEqual([results[1], results[5]])
  })

  it('takes a batch that lists an entry before the work item it is booked on (an older device’s retry order)', async () => {
    const results = await push([entry('e-1', { workItemId: 'w-1' }), workItem('w-1', { customerId: 'c-1', contractId: 'k-1' }), contract('k-1', 'c-1'), customer('c-1', 'Acme')], adminToken)
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied'])
  })

  it('refuses moving an entry out of a submitted period into an open one, and applies the rest of the push', async () => {
    // The entry's old day lies in a period none of the pushed days is in: its lock must still be found.
    const org = new OrgService(t.db, () => T0)
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addMember({ team: 'Field', user: 'bo@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['ana@example.com'] })
    expect((await push([entry('e-1')])).map((r) => r.status)).toEqual(['applied'])
    const submitted = await push([{ id: newId(), type: 'period.submit', start: MONDAY, end: '2026-03-08' }])
    expect(submitted.map((r) => r.status), JSON.stringify(submitted)).toEqual(['applied'])
    // Submitting moves the period's entries too: the change is based on the server's version now.
    const before = await t.db.selectFrom('time_entries').select(['day', 'version']).where('id', '=', 'e-1').executeTakeFirstOrThrow()
    const moved = { ...entry('e-1', { day: '2026-03-09' }), baseVersion: before.version }
    const results = await push([moved, entry('e-2', { day: '2026-03-10' })])
    expect(results.map((r) => r.status)).toEqual(['refused', 'applied'])
    expect(results[0]?.status === 'refused' && results[0].reason).toMatch(/2026-03-02 – 2026-03-08 is submitted for approval/)
    expect(results[0]).toMatchObject({ messageId: 'refusal.sync.periodSubmitted', values: { isoStartDay: MONDAY, isoEndDay: '2026-03-08' } })
    expect(await t.db.selectFrom('time_entries').select(['day', 'version']).where('id', '=', 'e-1').executeTakeFirstOrThrow()).toEqual(before)
  })

  it('judges an entry sent after a submission in the same push against the now submitted period', async () => {
    // The push's first reads are for its leading entries; the submission between them changes what the later entry meets.
    const org = new OrgService(t.db, () => T0)
    await org.addTeam({ name: 'Field', pattern: 'one' })
    await org.addMember({ team: 'Field', user: 'bo@example.com' })
    await org.setApprovers({ team: 'Field', level: 1, users: ['ana@example.com'] })
    const results = await push([entry('e-1'), { id: newId(), type: 'period.submit', start: MONDAY, end: '2026-03-08' }, entry('e-2', { day: '2026-03-03' })])
    expect(results.map((r) => r.status), JSON.stringify(results)).toEqual(['applied', 'applied', 'refused'])
    expect(results[2]?.status === 'refused' && results[2].reason).toMatch(/2026-03-02 – 2026-03-08 is submitted for approval/)
    expect(await entries()).toEqual(['e-1'])
  })

  it('refuses only the change a database rule rejects, even one the server did not foresee', async () => {
    // A rule the server's own checks know nothing of stands in for an unforeseen constraint.
    if (dialect === 'sqlite') {
      await sql`CREATE TRIGGER no_boom BEFORE INSERT ON time_entries WHEN NEW.description = 'boom' BEGIN SELECT RAISE(ABORT, 'no boom'); END`.execute(t.db)
    } else {
      await sql`ALTER TABLE time_entries ADD CONSTRAINT no_boom CHECK (description <> 'boom')`.execute(t.db)
    }
    const boom = entry('e-boom', { description: 'boom' })
    const results = await push([entry('e-1'), boom, entry('e-2', { day: '2026-03-03' }), workItem('w-1')])
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused', 'applied', 'applied'])
    expect(results[1]?.status === 'refused' && results[1].reason).toMatch(/could not store this change/)
    expect(await entries()).toEqual(['e-1', 'e-2'])
    const seqs = (await t.db.selectFrom('time_entries').select('seq').execute()).map((r) => r.seq)
    // Entries are numbered from their person's stream: every stamp stays inside the numbers the push took there.
    const counter = (await t.db.selectFrom('change_streams').select('change_seq').executeTakeFirstOrThrow()).change_seq
    expect(Math.max(...seqs)).toBeLessThanOrEqual(counter)
    expect(new Set(seqs).size).toBe(seqs.length)
  })

  it('refuses only the change that breaks a rule checked at commit', async () => {
    // A link checked at commit, which no statement of the push itself can see failing.
    if (dialect === 'sqlite') {
      await sql`CREATE TABLE late_parent (id TEXT PRIMARY KEY)`.execute(t.db)
      await sql`CREATE TABLE late_child (id TEXT REFERENCES late_parent (id) DEFERRABLE INITIALLY DEFERRED)`.execute(t.db)
      await sql`CREATE TRIGGER late AFTER INSERT ON time_entries WHEN NEW.description = 'late' BEGIN INSERT INTO late_child VALUES ('missing'); END`.execute(t.db)
    } else {
      await sql`CREATE TABLE late_parent (id TEXT PRIMARY KEY)`.execute(t.db)
      await sql`CREATE TABLE late_child (id TEXT REFERENCES late_parent (id) DEFERRABLE INITIALLY DEFERRED)`.execute(t.db)
      await sql`CREATE FUNCTION late() RETURNS trigger AS $$ BEGIN IF NEW.description = 'late' THEN INSERT INTO late_child VALUES ('missing'); END IF; RETURN NEW; END $$ LANGUAGE plpgsql`.execute(t.db)
      await sql`CREATE TRIGGER late AFTER INSERT ON time_entries FOR EACH ROW EXECUTE FUNCTION late()`.execute(t.db)
    }
    const results = await push([entry('e-1'), entry('e-late', { description: 'late', day: '2026-03-03' }), entry('e-2', { day: '2026-03-04' })])
    expect(results.map((r) => r.status)).toEqual(['applied', 'refused', 'applied'])
    expect(await entries()).toEqual(['e-1', 'e-2'])
  })

  it('answers a malformed push with 400 and a reason, changing nothing', async () => {
    const cases: [string | Json | unknown[], RegExp][] = [
      ['{"deviceId": "x", "mutations": [', /not valid JSON/],
      [[entry('e-1')], /push.*object/i],
      ['"just text"', /push.*object/i],
      [{ mutations: [entry('e-1')] }, /deviceId/],
      [{ deviceId: 'x', mutations: 'all of them' }, /mutations/],
      [{ deviceId: 'x', mutations: [] }, /mutations/],
      [{ deviceId: 'x', mutations: Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => entry(`e-${i}`)) }, /at most 500 mutations/],
      [{ deviceId: 'x', mutations: [entry('e-1'), 'not a change'] }, /mutations\.1/],
      [{ deviceId: 'x', mutations: [entry('e-1'), { type: 'entry.put' }] }, /mutations\.1\.id/],
    ]
    for (const [payload, reason] of cases) {
      const response = await send(payload)
      expect(response.status, JSON.stringify(payload).slice(0, 80)).toBe(400)
      expect(messageOf(response.body)).toMatch(reason)
      expect(messageOf(response.body)).toMatch(/[Nn]othing was changed/)
    }
    expect(await entries()).toEqual([])
  })

  it('refuses days that do not exist on the report and export routes with the day’s sentence', async () => {
    const call = async (url: string, payload: Json) => {
      const response = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload })
      return { status: response.statusCode, message: messageOf(response.json<Json>()) }
    }
    const report = await call('/v1/reports', { from: '2026-02-30', to: '2026-03-08', groupBy: ['day'] })
    expect(report).toMatchObject({ status: 400, message: expect.stringMatching(/"2026-02-30" is not a real date: February 2026 has days 01 to 28/) as string })
    const exported = await call('/v1/exports/csv', { what: { kind: 'entries', from: '2026-02-01', to: '2026-02-29' }, scope: 'team' })
    expect(exported).toMatchObject({ status: 400, message: expect.stringMatching(/"2026-02-29" is not a real date: February 2026 has days 01 to 28/) as string })
    const month = await call('/v1/reports/month', { month: '2026-13', view: 'entries' })
    expect(month).toMatchObject({ status: 400, message: expect.stringMatching(/"2026-13" is not a month/) as string })
  })
}

describeEachDialect('pushing changes one by one', pushSuite)
