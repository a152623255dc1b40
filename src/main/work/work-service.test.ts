import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { EventHub } from '../events'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { WorkService } from './work-service'

let env: TempCore
beforeEach(async () => {
  env = await openTempCore()
})
afterEach(() => env.dispose())

describe('recently used work items', () => {
  it('come by last use in entries or on a timer, most recent first; inactive and unused ones do not', async () => {
    const work = env.core.work
    const [a, b, c, d] = await Promise.all(['A', 'B', 'C', 'D'].map((ref) => work.createWorkItem({ kind: 'ticket', reference: ref, title: ref })))
    const day = '2026-11-16'
    await env.core.timesheet.setCells([{ day, row: { workItemId: a?.id ?? null, activityTypeId: null, billable: true }, totalSeconds: 3600 }])
    env.clock.advance(60_000)
    await env.core.timers.update({ slot: 2, workItemId: b?.id ?? null })
    env.clock.advance(60_000)
    await env.core.timesheet.setCells([{ day, row: { workItemId: c?.id ?? null, activityTypeId: null, billable: true }, totalSeconds: 1800 }])
    await work.updateWorkItem(c?.id ?? '', { kind: 'ticket', reference: 'C', title: 'C', active: false })
    expect(d).toBeDefined()
    expect(await work.recentItemIds()).toEqual([b?.id, a?.id])
  })
})

describe('favourites', () => {
  it('a work item can be marked and unmarked as a favourite; an unknown one is not found', async () => {
    const item = await env.core.work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'One' })
    expect(item.favourite).toBe(false)
    expect((await env.core.work.setFavourite(item.id, true)).favourite).toBe(true)
    expect((await env.core.work.listWorkItems())[0]?.favourite).toBe(true)
    expect((await env.core.work.setFavourite(item.id, false)).favourite).toBe(false)
    await expect(env.core.work.setFavourite('nope', true)).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('customers and their organisation', () => {
  it('a customer may belong to an organisation, trimmed; blank means none', async () => {
    // Through the contract, as the renderer calls it: the request is checked and cleaned first.
    const create = async (request: unknown) => {
      const answer = await invokeCall(env.core.handlers, 'work.createCustomer', request, silentLogger)
      if (!answer.ok) throw new Error(answer.error.message)
      return answer.value
    }
    expect(await create({ name: 'Acme Berlin', organisation: '  Acme Group ' })).toMatchObject({ name: 'Acme Berlin', organisation: 'Acme Group' })
    expect(await create({ name: 'Walk-ins', organisation: '   ' })).toMatchObject({ organisation: null })
    expect(await create({ name: 'Harbour Dental' })).toMatchObject({ organisation: null })
    await expect(create({ name: 'Initech', organisation: 'x'.repeat(121) })).rejects.toThrow(/An organisation can be at most 120 characters/)
    await expect(create({ name: 'Initech', organisation: 42 })).rejects.toThrow(/An organisation is text/)
    expect((await env.core.work.listCustomers()).map((c) => [c.name, c.organisation])).toEqual([
      ['Acme Berlin', 'Acme Group'],
      ['Harbour Dental', null],
      ['Walk-ins', null],
    ])
    // The change goes to the team server with the organisation.
    const queued = await env.core.store.db.selectFrom('sync_outbox').select('entity').where('entity', '=', 'customer').execute()
    expect(queued).toHaveLength(3)
  })
})

describe('look-alike names', () => {
  const call = async (name: Parameters<typeof invokeCall>[1], request: unknown) => {
    const answer = await invokeCall(env.core.handlers, name, request, silentLogger)
    if (!answer.ok) throw new Error(answer.error.message)
    return answer.value
  }

  it('a customer whose name differs only in case, spacing or accent composition is the one that exists', async () => {
    await call('work.createCustomer', { name: 'Café Nord' })
    await expect(call('work.createCustomer', { name: 'CAFE\u0301  nord' })).rejects.toThrow(
      'A customer called "Café Nord" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name. Use that one. Nothing was changed.',
    )
    // Invisible characters never get in at all: the name is refused with the character named.
    await expect(call('work.createCustomer', { name: 'Café\u200b Nord' })).rejects.toThrow(/U\+200B ZERO WIDTH SPACE at character 5/)
    expect((await env.core.work.listCustomers()).map((c) => c.name)).toEqual(['Café Nord'])
  })

  it('a work item with the same reference, or a general one with the same title, is refused naming the one that exists', async () => {
    const work = env.core.work
    await work.createWorkItem({ kind: 'ticket', reference: 'T-1', title: 'Printer' })
    await expect(work.createWorkItem({ kind: 'ticket', reference: 't-1', title: 'Other' })).rejects.toThrow('T-1 already exists ("Printer"); references that differ only in letter case or invisible characters are the same. Book on that one. Nothing was changed.')
    const admin = await work.createWorkItem({ kind: 'general', title: 'Admin work' })
    await expect(work.createWorkItem({ kind: 'general', title: 'ADMIN WORK' })).rejects.toThrow(/A work item called "Admin work" already exists/)
    // Two tickets may share a title; renaming an item to its own name is no clash.
    await work.createWorkItem({ kind: 'ticket', reference: 'T-2', title: 'Printer' })
    await work.updateWorkItem(admin.id, { kind: 'general', title: 'Admin Work' })
  })

  it('an activity type or a contract (within its customer) that looks like one that exists is refused', async () => {
    await expect(env.core.work.saveActivityType(null, { name: 'remote SUPPORT' })).rejects.toThrow(/An activity type called "Remote support" already exists/)
    const customer = await env.core.work.createCustomer('Acme')
    const other = await env.core.work.createCustomer('Initech')
    await env.core.work.createContract({ customerId: customer.id, name: 'Support 2027' })
    await expect(env.core.work.createContract({ customerId: customer.id, name: 'support  2027' })).rejects.toThrow(/A contract called "Support 2027" already exists/)
    await env.core.work.createContract({ customerId: other.id, name: 'Support 2027' })
  })
})

describe('organisation data on a member’s device', () => {
  it('refuses at once what the team server would refuse from a member, and changes nothing', async () => {
    const work = new WorkService({ db: env.core.store.db, clock: env.clock, events: new EventHub(), role: () => 'member' })
    const before = await work.listActivityTypes()
    await expect(work.saveActivityType(null, { name: 'Pentest' })).rejects.toThrow('Activity types, and which one is the default, are set by your organisation’s admin on the team server. Nothing was changed.')
    await expect(work.saveActivityType(before[1]?.id ?? '', { name: before[1]?.name ?? '', isDefault: true })).rejects.toMatchObject({ code: 'forbidden' })
    const customer = await work.createCustomer('Harbour Dental')
    await expect(work.createContract({ customerId: customer.id, name: 'Unlimited', includedMinutes: 6_000_000 })).rejects.toThrow(/^Contracts and their included hours are set by your organisation’s admin/)
    await expect(work.createCustomer('Acme Berlin', 'Acme Group')).rejects.toThrow(/^Only an admin puts a customer in an organisation/)
    await work.createWorkItem({ kind: 'ticket', reference: 'HD-7', title: 'Printer', customerId: customer.id })
    expect(await work.listActivityTypes()).toEqual(before)
    expect(await work.listContracts()).toEqual([])
  })
})
