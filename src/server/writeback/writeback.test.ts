// The write-back engine on SQLite and PostgreSQL, against an in-memory ticket system: an
// approval makes exactly one time entry on the ticket, whatever crashes, retries and
// outages happen on the way; voiding takes it back; reopening, changing and approving
// again corrects only what changed; what cannot be mapped fails before anything is sent.
import { beforeEach, expect, it } from 'vitest'
import { InMemoryTicketSystem } from '../../../tests/support/in-memory-ticket-system'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../tests/support/server-db'
import { addEntry, addWorkItem, approve, changeEntry, MEETING, reopen, submit, TEST_SECRET_KEY, voidIt, writebackOrg, writeStates, type WritebackOrg } from '../../../tests/support/writeback-org'
import { SecretBox } from './secrets'
import { TicketWriteWorker } from './worker'

const MONDAY = '2026-03-02'
const TUESDAY = '2026-03-03'
const T0 = Date.UTC(2026, 2, 6, 17, 0)
const BASE = 'https://redmine.example.com'
const H = 3600

const postgres = usePostgresCluster()

function engineSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let w: WritebackOrg
  let fake: InMemoryTicketSystem
  let ticket42: string
  let noTicket: string

  const worker = (owner = 'one') =>
    new TicketWriteWorker({ db: t.db, connectors: () => fake.connector(), secrets: SecretBox.fromKey(TEST_SECRET_KEY), clock: () => w.clock.now, owner, backoffMs: 1000 })
  /** Runs the worker until nothing is due now. */
  const drain = async (run = worker()) => {
    while ((await run.runOnce()) > 0);
  }

  beforeEach(async () => {
    fake = new InMemoryTicketSystem(BASE)
    fake.users['bo@example.com'] = { id: '7', name: 'Bo' }
    w = await writebackOrg(t.db, { pattern: 'one', baseUrl: BASE, now: T0 })
    ticket42 = await addWorkItem(t.db, 'Printer on fire', `${BASE}/issues/42`, T0)
    noTicket = await addWorkItem(t.db, 'Internal', null, T0)
  })

  it('approval writes each ticket entry exactly once, with the mapped activity and user; entries off any ticket get nothing', async () => {
    const entry = await addEntry(w, { day: MONDAY, seconds: 1.5 * H, workItemId: ticket42, description: 'Replaced the fuser' })
    await addEntry(w, { day: TUESDAY, seconds: H, workItemId: noTicket })
    const period = await submit(w, MONDAY)
    expect(await writeStates(t.db)).toEqual([]) // submitted is not approved (pattern one)
    await approve(w, period)
    await drain()
    await drain()
    const on42 = fake.on('42')
    expect(on42).toHaveLength(1)
    expect(on42[0]).toMatchObject({ seconds: 1.5 * H, day: MONDAY, activityId: '9', userId: '7', comment: 'Replaced the fuser' })
    const [row] = await t.db.selectFrom('ticket_writes').selectAll().execute()
    expect(row).toMatchObject({ entry_id: entry, state: 'written', ticket_id: '42', url: `${BASE}/time_entries/${on42[0]?.externalId}` })
    expect(fake.writeRequests).toBe(1)
  })

  it('a crash after the write landed but before its answer is retried by asking first: still one entry', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    await approve(w, await submit(w, MONDAY))
    fake.crashAfterWrite = 1
    await drain()
    expect(fake.on('42')).toHaveLength(1)
    expect((await writeStates(t.db))[0]).toMatchObject({ state: 'waiting', last_error: 'socket hang up' })
    w.clock.now += 60_000
    await drain()
    expect(fake.on('42')).toHaveLength(1)
    expect(fake.writeRequests).toBe(1)
    expect((await writeStates(t.db))[0]).toMatchObject({ state: 'written', last_error: null })
  })

  it('a lease that ran out mid-write (the worker died) is taken over by asking first: still one entry', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    await approve(w, await submit(w, MONDAY))
    // A worker took the job and wrote, then died before recording it.
    const [job] = await t.db.selectFrom('ticket_writes').selectAll().execute()
    await t.db.updateTable('ticket_writes').set({ lease_owner: 'dead', lease_until: w.clock.now + 1000, attempts: 1 }).execute()
    await fake.connector().write({ writeKey: job?.write_key ?? '', ticketId: '42', day: MONDAY, seconds: H, activityId: '9', userId: '7', comment: '', startedAt: null })
    await drain()
    expect((await writeStates(t.db))[0]?.state).toBe('waiting') // still leased
    w.clock.now += 2000
    await drain()
    expect(fake.on('42')).toHaveLength(1)
    expect((await writeStates(t.db))[0]?.state).toBe('written')
  })

  it('a system that is down delays the write, keeping its reason, and writes once it is back', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    await approve(w, await submit(w, MONDAY))
    fake.mode = 'down'
    await drain()
    w.clock.now += 1000
    await drain()
    const [row] = await t.db.selectFrom('ticket_writes').selectAll().execute()
    expect(row).toMatchObject({ state: 'waiting', last_error: '503 Service Unavailable', attempts: 2 })
    expect(row?.next_attempt_at).toBe(w.clock.now + 2000) // backoff doubles
    fake.mode = 'up'
    await drain()
    expect(fake.on('42')).toHaveLength(0) // not due yet
    w.clock.now += 2000
    await drain()
    expect(fake.on('42')).toHaveLength(1)
  })

  it('a refusal fails with the system’s reason until an admin retries; an unmapped activity or user fails before anything is sent', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42, activityTypeId: MEETING })
    await approve(w, await submit(w, MONDAY))
    await drain()
    expect(fake.writeRequests).toBe(0)
    expect((await writeStates(t.db))[0]).toMatchObject({ state: 'failed', last_error: expect.stringContaining('the activity type "Meeting" has no activity in Redmine') as unknown })
    await w.systems.mapActivity({ system: 'Redmine', activityType: 'Meeting', activity: '10' })
    fake.users = {}
    const { retryWrites } = await import('./ticket-writes')
    await retryWrites(t.db, { state: 'failed' }, () => w.clock.now)
    await drain()
    expect(fake.writeRequests).toBe(0)
    expect((await writeStates(t.db))[0]).toMatchObject({ state: 'failed', last_error: expect.stringContaining('bo@example.com has no user in Redmine') as unknown })
    await w.systems.mapUser({ system: 'Redmine', email: 'bo@example.com', user: '8' })
    fake.mode = 'refusing'
    await retryWrites(t.db, { state: 'failed' }, () => w.clock.now)
    await drain()
    expect((await writeStates(t.db))[0]).toMatchObject({ state: 'failed', last_error: 'Activity is not included in the list' })
    fake.mode = 'up'
    await retryWrites(t.db, { state: 'failed' }, () => w.clock.now)
    await drain()
    expect(fake.on('42')).toMatchObject([{ activityId: '10', userId: '8' }])
  })

  it('void takes back what was written and cancels what was not yet sent', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    const period = await submit(w, MONDAY)
    await approve(w, period)
    await drain()
    expect(fake.on('42')).toHaveLength(1)
    await voidIt(w, period)
    expect((await writeStates(t.db))[0]?.state).toBe('reverse_waiting')
    await drain()
    expect(fake.on('42')).toHaveLength(0)
    expect((await writeStates(t.db))[0]?.state).toBe('reversed')

    const second = await addEntry(w, { day: TUESDAY, seconds: 2 * H, workItemId: ticket42 })
    await approve(w, await submit(w, MONDAY))
    await voidIt(w, period)
    await drain()
    expect(fake.writeRequests).toBe(1)
    expect((await writeStates(t.db)).find((s) => s.entry_id === second)?.state).toBe('cancelled')
  })

  it('reopen, change and approve again: the changed entry is corrected, the unchanged one stays, the deleted one is taken back', async () => {
    const same = await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42, description: 'same' })
    const changed = await addEntry(w, { day: TUESDAY, seconds: H, workItemId: ticket42, description: 'changed' })
    const deleted = await addEntry(w, { day: TUESDAY, seconds: 3 * H, workItemId: ticket42, description: 'deleted' })
    const period = await submit(w, MONDAY)
    await approve(w, period)
    await drain()
    expect(fake.on('42')).toHaveLength(3)
    await reopen(w, period)
    await drain()
    expect(fake.on('42')).toHaveLength(3) // reopening alone changes nothing on the ticket
    await changeEntry(w, changed, { seconds: 2 * H })
    await changeEntry(w, deleted, { deleted: true })
    await submit(w, MONDAY)
    await approve(w, period)
    await drain()
    const on42 = fake.on('42').map((e) => [e.comment, e.seconds])
    expect(on42.sort()).toEqual([
      ['changed', 2 * H],
      ['same', H],
    ])
    expect(fake.writeRequests).toBe(4)
    const states = await writeStates(t.db)
    expect(states.filter((s) => s.entry_id === same).map((s) => s.state)).toEqual(['written'])
    expect(states.filter((s) => s.entry_id === changed).map((s) => s.state).sort()).toEqual(['reversed', 'written'])
    expect(states.filter((s) => s.entry_id === deleted).map((s) => s.state)).toEqual(['reversed'])
  })

  it('with pattern none a submission is the approval and writes at once', async () => {
    await t.db.updateTable('teams').set({ approval_pattern: 'none' }).execute()
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    await submit(w, MONDAY)
    await drain()
    expect(fake.on('42')).toHaveLength(1)
  })

  it('a void while the write is in flight waits for it, then takes back what landed', async () => {
    await addEntry(w, { day: MONDAY, seconds: H, workItemId: ticket42 })
    const period = await submit(w, MONDAY)
    await approve(w, period)
    fake.delayMs = 200
    const writing = worker().runOnce()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await voidIt(w, period)
    await writing
    fake.delayMs = 0
    expect(fake.on('42')).toHaveLength(1)
    expect((await writeStates(t.db))[0]?.state).toBe('reverse_waiting')
    await drain()
    expect(fake.on('42')).toHaveLength(0)
    expect((await writeStates(t.db))[0]?.state).toBe('reversed')
  })

  if (dialect === 'postgres') {
    it('workers racing over one PostgreSQL take each job once', async () => {
      for (let i = 0; i < 30; i++) await addEntry(w, { day: i % 2 ? MONDAY : TUESDAY, seconds: H + i, workItemId: ticket42, description: `n${i}` })
      await approve(w, await submit(w, MONDAY))
      const racers = ['a', 'b', 'c', 'd'].map((owner) => new TicketWriteWorker({ db: t.db, connectors: () => fake.connector(), secrets: SecretBox.fromKey(TEST_SECRET_KEY), clock: () => w.clock.now, owner, batch: 1 }))
      await Promise.all(racers.map((racer) => drain(racer)))
      expect(fake.on('42')).toHaveLength(30)
      expect(fake.writeRequests).toBe(30)
    })
  }
}

describeEachDialect('ticket write-back', engineSuite)
