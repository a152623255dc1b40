import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeCall } from '../api/invoke'
import { silentLogger } from '../logger'
import { openTempCore, type TempCore } from '../testing/temp-core'

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
