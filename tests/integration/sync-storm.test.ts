// Proof that change numbering never loses a change: eight people with two devices each
// push and pull at once (an approver deciding periods, an admin adding, renaming and
// merging work items, which re-points other people's entries), on SQLite, on PostgreSQL,
// and with two server processes sharing one PostgreSQL. Every device's pulls, taken again
// and again during the storm and once at the end, must hold exactly what the server
// committed for its person and for the reference data: nothing missed, nothing twice, and
// no entry before the work item it is booked on.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServerApp } from '../../src/server/app'
import { openServerDatabase, type OpenedServerDatabase } from '../../src/server/db/open'
import { silentLogger } from '../../src/server/logger'
import { httpTransport } from '../../src/main/sync/transport'
import { hasPostgres, postgresSuiteName } from '../support/postgres'
import { usePostgresCluster, startPostgresBeforeAll } from '../support/server-db'
import { buildServerBundle, startServerProcess, type ServerProcess } from '../support/server-process'
import { seededRandom } from '@shared/testing/seeded-random'
import { serverStateFor, startingItems, StormDevice, stormOrg } from '../support/sync-storm'

const PEOPLE = 8
const DEVICES_EACH = 2
const ROUNDS = 9
// Small pages, so page boundaries fall everywhere: between streams and inside runs of one.
const PAGE = 7

async function storm(opened: OpenedServerDatabase, urls: readonly string[], seed: number): Promise<void> {
  const { people, tokens } = await stormOrg(opened.db, PEOPLE, DEVICES_EACH)
  const admin = people[0]
  const adminToken = tokens.get(admin?.id ?? '')?.[0] ?? ''
  await httpTransport(urls[0] ?? '', adminToken).push({ deviceId: 'setup', mutations: startingItems() })

  const devices: StormDevice[] = []
  for (const [p, person] of people.entries()) {
    for (const [d, token] of (tokens.get(person.id) ?? []).entries()) {
      // Devices spread over the server processes; a person's two devices usually on different ones.
      devices.push(new StormDevice(person, `p${p}d${d}`, urls[(p + d) % urls.length] ?? '', token, PAGE))
    }
  }
  const random = seededRandom(seed)
  await Promise.all(
    devices.map(async (device, index) => {
      const url = urls[index % urls.length] ?? ''
      const token = tokens.get(device.person.id)?.[index % DEVICES_EACH] ?? ''
      await device.pullAll()
      for (let round = 0; round < ROUNDS; round++) {
        if (device.person.role === 'admin' && device.name.endsWith('d0')) await device.adminRound(random, url, token)
        else await device.memberRound(random)
        if (device.person.role === 'approver' && device.name.endsWith('d0')) await device.approverRound(random)
        await device.pullAll()
      }
    }),
  )

  const problems: string[] = []
  for (const device of devices) {
    await device.pullAll()
    problems.push(...device.problems)
    const expected = await serverStateFor(opened.db, device.person.id)
    for (const [key, version] of expected) {
      if (device.held.get(key) !== version) problems.push(`${device.name}: ${key} is at version ${version} on the server, the device has ${device.held.get(key) ?? 'nothing'}`)
    }
    for (const key of device.held.keys()) if (!expected.has(key)) problems.push(`${device.name}: holds ${key}, which is not its to have`)
  }
  // The storm did real work: entries, decisions and merges all happened.
  const counts = await Promise.all([
    opened.db.selectFrom('time_entries').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    opened.db.selectFrom('period_events').select((eb) => eb.fn.countAll<number | string>().as('n')).where('to_status', 'in', ['approved', 'rejected']).executeTakeFirstOrThrow(),
  ])
  expect(Number(counts[0].n)).toBeGreaterThan(PEOPLE * DEVICES_EACH * ROUNDS * 2)
  expect(Number(counts[1].n)).toBeGreaterThan(0)
  expect(problems.slice(0, 20)).toEqual([])
}

describe('a storm of devices on SQLite: every pull holds exactly what committed', () => {
  it('eight people, two devices each, an approver and an admin, all at once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-storm-'))
    const opened = await openServerDatabase({ dataDir })
    const app = buildServerApp({ db: opened.db, clock: () => Date.now(), logger: silentLogger })
    try {
      await storm(opened, [await app.listen({ host: '127.0.0.1', port: 0 })], 1)
    } finally {
      await app.close()
      await opened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

const postgres = usePostgresCluster()

describe.skipIf(!hasPostgres())(postgresSuiteName('a storm of devices on PostgreSQL: every pull holds exactly what committed'), () => {
  startPostgresBeforeAll(postgres)
  let bundle: Awaited<ReturnType<typeof buildServerBundle>> | undefined
  beforeAll(async () => {
    bundle = await buildServerBundle()
  }, 120_000)
  afterAll(() => bundle?.remove())

  it('one server process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-storm-'))
    const opened = await openServerDatabase({ url: await (await postgres.cluster()).createDatabase(), dataDir })
    const app = buildServerApp({ db: opened.db, clock: () => Date.now(), logger: silentLogger })
    try {
      await storm(opened, [await app.listen({ host: '127.0.0.1', port: 0 })], 2)
    } finally {
      await app.close()
      await opened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 60_000)

  it('two server processes on one database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stint-storm-'))
    const url = await (await postgres.cluster()).createDatabase()
    const opened = await openServerDatabase({ url, dataDir })
    const servers: ServerProcess[] = []
    try {
      if (!bundle) throw new Error('no server bundle')
      for (let i = 0; i < 2; i++) servers.push(await startServerProcess(bundle.entry, { dataDir, databaseUrl: url }))
      await storm(opened, servers.map((s) => s.url), 3)
    } finally {
      await Promise.all(servers.map((s) => s.stop()))
      await opened.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 90_000)
})
