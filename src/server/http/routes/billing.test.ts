// Billing over HTTP on SQLite and PostgreSQL: only admins read or change the billing
// settings and run billing (members and approvers get 403 with the reason, no token 401);
// bad input is a 4xx with the reason and changes nothing; an admin sets rates, holidays and
// settings, runs a closed range, lists the runs and opens one with its bills and the
// difference from the run before; a saved run comes as a workbook, a PDF or InvoiceNinja
// CSV, named with today's names and read back by readers that did not write them.
import type { FastifyInstance } from 'fastify'
import { parse } from 'csv-parse/sync'
import { beforeEach, expect, it } from 'vitest'
import { readPdf } from '../../../../tests/support/pdf-text'
import { readXlsx } from '../../../../tests/support/xlsx-reader'
import { addBillingEntry, billingOrg, BERLIN, localInstant, MEETING, REMOTE, type BillingOrg } from '../../../../tests/support/billing-org'
import { describeEachDialect, usePostgresCluster, useServerDatabase, type TestDialect } from '../../../../tests/support/server-db'
import { buildServerApp } from '../../app'
import { silentLogger } from '../../logger'
import { DeviceTokens } from '../../org/tokens'

const NOW = Date.UTC(2026, 11, 4, 9, 0)
const postgres = usePostgresCluster()

const SETTINGS = {
  currency: 'EUR',
  overlapRule: 'split',
  rounding: { rule: { mode: 'up', minutes: 15, minimumMinutes: 30 }, scope: 'entry' },
  calendar: { workdays: [1, 2, 3, 4, 5], workStartMinute: 480, workEndMinute: 1080 },
  classes: { afterHours: { multiplierBp: 15000 }, holiday: { hourlyMinor: 18000 } },
}

function routeSuite(dialect: TestDialect) {
  const t = useServerDatabase(dialect, postgres)
  let o: BillingOrg
  let app: FastifyInstance
  const token = { ana: '', bo: '', di: '' }
  const as = (who: keyof typeof token | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
    app.inject({ method, url, headers: who ? { authorization: `Bearer ${token[who]}` } : {}, ...(payload === undefined ? {} : { payload: payload as object }) })

  beforeEach(async () => {
    o = await billingOrg(t.db, NOW)
    const tokens = new DeviceTokens(t.db, () => NOW)
    for (const who of ['ana', 'bo', 'di'] as const) token[who] = (await tokens.issueToken({ user: `${who}@example.com`, label: 'laptop' })).token
    app = buildServerApp({ db: t.db, clock: () => NOW, logger: silentLogger })
  })

  it('lets only admins near billing: members and approvers 403 with the reason, no token 401, nothing changed', async () => {
    const calls = [
      ['GET', '/v1/billing/settings', undefined],
      ['PUT', '/v1/billing/settings', SETTINGS],
      ['PUT', '/v1/billing/holidays', { holidays: [{ day: '2026-12-24', name: 'Christmas Eve' }] }],
      ['PUT', '/v1/billing/rates', { rates: [{ scope: 'activity', activityTypeId: REMOTE, hourlyMinor: 9000 }] }],
      ['POST', '/v1/billing/runs', { from: '2026-11-01', to: '2026-11-30' }],
      ['GET', '/v1/billing/runs', undefined],
      ['GET', '/v1/billing/runs/some-id', undefined],
      ['GET', '/v1/billing/runs/some-id/export?file=xlsx', undefined],
    ] as const
    for (const [method, url, body] of calls) {
      for (const who of ['bo', 'di'] as const) {
        const answer = await as(who, method, url, body)
        expect(answer.statusCode, `${who} ${method} ${url}`).toBe(403)
        expect(answer.json<{ error: unknown }>().error).toMatchObject({ code: 'forbidden', messageId: 'refusal.server.needsRole', values: { needed: 'admin', role: who === 'bo' ? 'member' : 'approver' } })
      }
      expect((await as(null, method, url, body)).statusCode).toBe(401)
    }
    for (const table of ['billing_settings', 'billing_holidays', 'billing_rates', 'billing_runs'] as const) expect(await t.db.selectFrom(table).selectAll().execute()).toEqual([])
  })

  it('refuses bad input with a 4xx and the reason, never a 500, and changes nothing', async () => {
    const bad: [string, 'PUT' | 'POST' | 'GET', string, unknown, number, string][] = [
      ['unknown currency', 'PUT', '/v1/billing/settings', { ...SETTINGS, currency: 'XYZ' }, 400, 'currency'],
      ['hours that end before they start', 'PUT', '/v1/billing/settings', { ...SETTINGS, calendar: { workdays: [1], workStartMinute: 600, workEndMinute: 500 } }, 400, 'calendar.workEndMinute'],
      ['an overlap rule that is none', 'PUT', '/v1/billing/settings', { ...SETTINGS, overlapRule: 'double' }, 400, 'overlapRule'],
      ['a fractional amount', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'activity', activityTypeId: REMOTE, hourlyMinor: 90.5 }] }, 400, 'rates.0.hourlyMinor'],
      ['a negative rate', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'activity', activityTypeId: REMOTE, hourlyMinor: -1 }] }, 400, 'rates.0.hourlyMinor'],
      ['a huge multiplier', 'PUT', '/v1/billing/settings', { ...SETTINGS, classes: { weekend: { multiplierBp: 10 ** 12 } } }, 400, 'classes.weekend'],
      ['a bad day', 'PUT', '/v1/billing/holidays', { holidays: [{ day: '2026-02-30', name: 'No such day' }] }, 400, 'holidays.0.day'],
      ['from after to', 'POST', '/v1/billing/runs', { from: '2026-11-30', to: '2026-11-01' }, 400, 'to'],
      ['a range too long', 'POST', '/v1/billing/runs', { from: '2024-01-01', to: '2026-11-01' }, 400, 'to'],
      ['an unknown grouping', 'POST', '/v1/billing/runs', { from: '2026-11-01', to: '2026-11-30', groupBy: 'colour' }, 400, 'groupBy'],
      ['a file of no kind', 'GET', '/v1/billing/runs/some-id/export?file=docx', undefined, 400, 'file'],
      ['no file kind at all', 'GET', '/v1/billing/runs/some-id/export', undefined, 400, 'file'],
      ['a language Stint does not speak', 'GET', '/v1/billing/runs/some-id/export?file=pdf&language=fr', undefined, 400, 'language'],
      ['a question it does not take', 'GET', '/v1/billing/runs/some-id/export?file=pdf&format=a3', undefined, 400, 'format'],
    ]
    for (const [label, method, url, body, status, path] of bad) {
      const answer = await as('ana', method, url, body)
      expect(answer.statusCode, label).toBe(status)
      expect(answer.json<{ error: { issues?: { path: string }[] } }>().error.issues?.map((i) => i.path).join(' '), label).toContain(path)
    }
    const refused: [string, 'PUT' | 'POST' | 'GET', string, unknown, number, string][] = [
      ['a rate for a customer nobody has', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'customer', targetId: 'nobody', activityTypeId: '*', hourlyMinor: 100 }] }, 404, 'refusal.billing.rateTargetMissing'],
      ['an activity rate for all', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'activity', activityTypeId: '*', hourlyMinor: 100 }] }, 400, 'refusal.billing.rateShape'],
      ['a holiday twice', 'PUT', '/v1/billing/holidays', { holidays: [{ day: '2026-12-24', name: 'A' }, { day: '2026-12-24', name: 'B' }] }, 400, 'refusal.billing.holidayTwice'],
      ['a range not over', 'POST', '/v1/billing/runs', { from: '2026-12-01', to: '2026-12-04' }, 400, 'refusal.billing.rangeNotClosed'],
      ['a run nobody made', 'GET', '/v1/billing/runs/nope', undefined, 404, 'refusal.billing.runMissing'],
      ['the file of a run nobody made', 'GET', '/v1/billing/runs/nope/export?file=xlsx', undefined, 404, 'refusal.billing.runMissing'],
      ['a contract nobody has', 'PUT', '/v1/billing/settings', { ...SETTINGS, contracts: [{ contractId: 'nope', overlapRule: 'full', rounding: null }] }, 404, 'refusal.billing.rateTargetMissing'],
    ]
    for (const [label, method, url, body, status, id] of refused) {
      const answer = await as('ana', method, url, body)
      expect([answer.statusCode, answer.json<{ error: { messageId?: string } }>().error.messageId], label).toEqual([status, id])
    }
    for (const table of ['billing_settings', 'billing_holidays', 'billing_rates', 'billing_runs', 'contract_billing'] as const) expect(await t.db.selectFrom(table).selectAll().execute(), table).toEqual([])
  })

  it('an admin sets rates, holidays and settings, runs a month, lists the runs and opens one with the difference', async () => {
    expect((await as('ana', 'GET', '/v1/billing/settings')).json()).toMatchObject({ settings: { currency: 'EUR', overlapRule: 'full' }, holidays: [], rates: [] })
    expect((await as('ana', 'PUT', '/v1/billing/settings', { ...SETTINGS, contracts: [{ contractId: o.muellerContract, overlapRule: 'primary', rounding: null }] })).statusCode).toBe(200)
    expect((await as('ana', 'PUT', '/v1/billing/holidays', { holidays: [{ day: '2026-11-18', name: 'Buß- und Bettag' }] })).statusCode).toBe(200)
    const rates = await as('ana', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'activity', activityTypeId: REMOTE, hourlyMinor: 9000 }, { scope: 'customer', targetId: o.mueller, activityTypeId: '*', hourlyMinor: 10000 }] })
    expect(rates.json()).toMatchObject({ settings: { overlapRule: 'split' }, holidays: [{ day: '2026-11-18' }], contracts: [{ contractId: o.muellerContract, overlapRule: 'primary' }], rates: [{ scope: 'activity', targetId: null, activityTypeId: REMOTE, hourlyMinor: 9000 }, { scope: 'customer', targetId: o.mueller, hourlyMinor: 10000 }] })

    // Tuesday 17:00–19:00 on Müller (one hour normal, one after hours ×1.5), and a meeting not yet approved.
    const tue = (h: number) => localInstant('2026-11-17', h * 60, BERLIN)
    await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-17', workItemId: o.items.muellerLoose, activityTypeId: REMOTE, billable: true, status: 'approved', runs: [{ startedAt: tue(17), endedAt: tue(19) }] }, NOW)
    const meeting = await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-17', workItemId: o.items.muellerLoose, activityTypeId: MEETING, billable: true, status: 'submitted', seconds: 1800 }, NOW)
    const first = await as('ana', 'POST', '/v1/billing/runs', { from: '2026-11-01', to: '2026-11-30', groupBy: 'workItem' })
    expect(first.statusCode).toBe(201)
    const run1 = first.json<{ run: { id: string; totalMinor: number; bills: unknown[]; leftOut: unknown[]; diff: unknown } }>().run
    expect(run1).toMatchObject({ totalMinor: 25000, createdBy: o.ana.userId, diff: null, leftOut: [{ entryId: meeting, reason: 'notApproved', seconds: 1800 }] })
    expect(run1.bills).toMatchObject([{ customerId: o.mueller, totalMinor: 25000, lines: [{ rateClass: 'normal', seconds: 3600, amountMinor: 10000, source: 'customer' }, { rateClass: 'afterHours', seconds: 3600, multiplierBp: 15000, amountMinor: 15000 }] }])

    await t.db.updateTable('time_entries').set({ status: 'approved' }).where('id', '=', meeting).execute()
    const second = (await as('ana', 'POST', '/v1/billing/runs', { from: '2026-11-01', to: '2026-11-30' })).json<{ run: { id: string } }>()
    const runs = (await as('ana', 'GET', '/v1/billing/runs')).json<{ runs: { id: string; totalMinor: number }[] }>()
    expect(runs.runs.map((r) => [r.id, r.totalMinor])).toEqual([[second.run.id, 30000], [run1.id, 25000]])
    const opened = await as('ana', 'GET', `/v1/billing/runs/${second.run.id}`)
    expect(opened.json()).toMatchObject({ run: { previousRunId: run1.id, diff: { added: [{ entryId: meeting, billedSeconds: 1800 }], removed: [], customers: [{ customerId: o.mueller, beforeMinor: 25000, afterMinor: 30000 }] } } })
  })

  it('gives an admin a saved run as a workbook, a PDF and InvoiceNinja CSV, with names and whose time was left out', async () => {
    await as('ana', 'PUT', '/v1/billing/settings', SETTINGS)
    await as('ana', 'PUT', '/v1/billing/rates', { rates: [{ scope: 'customer', targetId: o.mueller, activityTypeId: '*', hourlyMinor: 10000 }] })
    const tue = (h: number) => localInstant('2026-11-17', h * 60, BERLIN)
    await addBillingEntry(t.db, { userId: o.bo.userId, day: '2026-11-17', workItemId: o.items.mueller, activityTypeId: REMOTE, billable: true, status: 'approved', runs: [{ startedAt: tue(17), endedAt: tue(19) }] }, NOW)
    await addBillingEntry(t.db, { userId: o.cy.userId, day: '2026-11-18', workItemId: o.items.harbour, activityTypeId: MEETING, billable: true, status: 'submitted', seconds: 1800 }, NOW)
    const run = (await as('ana', 'POST', '/v1/billing/runs', { from: '2026-11-01', to: '2026-11-30' })).json<{ run: { id: string } }>().run
    // A name changed after the run: the file says today's.
    await t.db.updateTable('contracts').set({ name: 'Müller care 2027' }).where('id', '=', o.muellerContract).execute()
    const tail = run.id.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toLowerCase()

    const xlsx = await as('ana', 'GET', `/v1/billing/runs/${run.id}/export?file=xlsx`)
    expect(xlsx.statusCode).toBe(200)
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(xlsx.headers['content-disposition']).toContain(`stint-billing-2026-11-01-to-2026-11-30-${tail}.xlsx`)
    const bills = readXlsx(xlsx.rawPayload, 1)
    expect(bills.values()).toEqual([
      ['Customer', 'Contract', 'Rate class', 'Hours', 'Rate', 'Multiplier', 'Rate from', 'Amount', 'Entries'],
      ['Müller GmbH', 'Müller care 2027', 'Normal', 1, 100, 1, 'customer rate', 100, 1],
      ['Müller GmbH', 'Müller care 2027', 'After hours', 1, 100, 1.5, 'customer rate', 150, 1],
      // The one entry ran into the evening: two lines, one entry.
      ['Müller GmbH', 'Total for Müller GmbH', null, 2, null, null, null, 250, 1],
      [null, 'Total of all bills', null, 2, null, null, null, 250, 1],
    ])
    expect(readXlsx(xlsx.rawPayload, 2).values()).toEqual([
      ['Day', 'Person', 'Work item', 'Activity type', 'Hours', 'Why'],
      ['2026-11-18', 'Cy', 'Harbour printers', 'Meeting', 0.5, 'not approved'],
    ])

    const csv = await as('ana', 'GET', `/v1/billing/runs/${run.id}/export?file=invoiceNinja`)
    expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8'])
    const records: string[][] = parse(csv.body.replace(/^\uFEFF/, ''))
    expect(records.slice(1).map((r) => [r[0], r[1], r[3], r[5], r[6], r[8]])).toEqual([
      [`ST-${tail}-01`, 'Müller GmbH', 'Müller care 2027', '1.00', '100.00', '100.00'],
      [`ST-${tail}-01`, 'Müller GmbH', 'Müller care 2027', '1.00', '150.00', '150.00'],
    ])

    const pdf = await as('ana', 'GET', `/v1/billing/runs/${run.id}/export?file=pdf&language=de`)
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf'])
    const lines = (await readPdf(pdf.rawPayload)).flatMap((page) => page.lines)
    expect(lines).toContain('Summe aller Rechnungen: 250,00 €')
    expect(lines).toContain('Müller care 2027 | Außerhalb der Arbeitszeit | 1,00 | 100,00 € × 1,5 | 150,00 €')
    expect(lines).toContain('Tag | Person · Arbeitselement | Stunden | Grund')
    expect(lines).toContain('18. Nov. 2026 | Cy · Harbour printers | 0,50 | nicht genehmigt')

    // Members and approvers get no file of it either.
    for (const who of ['bo', 'di'] as const) expect((await as(who, 'GET', `/v1/billing/runs/${run.id}/export?file=pdf`)).statusCode).toBe(403)
  })
}

describeEachDialect('billing over HTTP', routeSuite)
