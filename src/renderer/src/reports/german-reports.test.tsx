// A German technician's Reports: the Summary, the month views and contract usage read
// German — headings, choices, table headers, the groups the engine names in English
// ("No customer", days, weeks) and the sentences screen readers hear.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CallRequest } from '@shared/contract'
import { createTranslator } from '@shared/i18n/translator'
import type { MonthViewResult } from '@shared/month-views'
import { SELF_ACTOR } from '@shared/timesheet'
import type { ContractUsage, ReportQuery, ReportResult, ReportRow } from '@shared/reports'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import { ClientContext } from '../client-context'
import { I18nProvider } from '../i18n/i18n-context'
import { scriptedHost } from '../testing/scripted-host'
import { hoursBars, shareBars } from './chart-data'
import { alertSentence, meterText } from './contracts/usage-text'
import { keyLabel, rangeProblemText } from './report-text'
import { ReportsView } from './ReportsView'

const H = 3600
const GERMAN = createTranslator('de')

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-18T10:00:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  window.location.hash = ''
})

const SETTINGS: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: 'de' }
const sums = (billable: number, nonBillable: number) => ({ totalSeconds: billable + nonBillable, billableSeconds: billable, nonBillableSeconds: nonBillable, entryCount: 1 })

function rowsFor(query: CallRequest<'reports.run'>): ReportRow[] {
  const key = (dimension: ReportRow['keys'][0]['dimension'], id: string | null, label: string) => ({ dimension, id, label })
  if (query.groupBy.join() === 'customer,activityType') {
    return [
      { keys: [key('customer', 'c-acme', 'Acme GmbH'), key('activityType', 'a-rem', 'Fernwartung')], ...sums(4 * H, 0), expectedSeconds: null },
      { keys: [key('customer', null, 'No customer'), key('activityType', 'a-rem', 'Fernwartung')], ...sums(0, 2 * H), expectedSeconds: null },
    ]
  }
  if (query.groupBy[0] === 'day') return [{ keys: [key('day', '2026-11-16', '2026-11-16')], ...sums(4 * H, 2 * H), expectedSeconds: 8 * H }]
  return [{ keys: [key(query.groupBy[0] ?? 'customer', 'c-acme', 'Acme GmbH')], ...sums(4 * H, 0), expectedSeconds: null }, { keys: [key(query.groupBy[0] ?? 'customer', null, 'No customer')], ...sums(0, 2 * H), expectedSeconds: null }]
}

function resultFor(request: CallRequest<'reports.run'>): ReportResult {
  const rows = rowsFor(request)
  return {
    query: { filters: {}, weekStartsOn: 1, ...request } as ReportQuery,
    rows,
    totals: { ...sums(4 * H, 2 * H), entryCount: 2 },
    people: 1,
    expectedSeconds: 168 * H,
    utilisation: { billableShare: 4 / 6, ofExpected: 6 / 168, billableOfExpected: 4 / 168 },
  }
}

const month = (query: CallRequest<'reports.month'>): MonthViewResult =>
  ({
    month: query.month,
    from: `${query.month}-01`,
    to: `${query.month}-30`,
    view: query.view,
    statuses: ['draft', 'submitted', 'approved', 'rejected'],
    totals: { ...sums(H + 1800, 0), entryCount: 1 },
    rowCount: query.view === 'entries' ? 1 : 0,
    rows:
      query.view === 'entries'
        ? [
            {
              entryId: 'e1', day: '2026-11-16', reference: 'HD-1042', title: 'Drucker im 3. OG offline', workItemId: 'w1', customerId: 'c1', customerName: 'Acme GmbH',
              organisation: null, userId: 'u1', userName: SELF_ACTOR, activityTypeName: 'Fernwartung', billable: true, seconds: H + 1800, description: '', status: 'draft',
              createdAt: new Date('2026-11-16T14:05:00').getTime(),
            },
          ]
        : [],
  }) as MonthViewResult

const usage = (query: CallRequest<'reports.contractUsage'>): ContractUsage => ({
  month: query.month,
  from: `${query.month}-01`,
  to: `${query.month}-30`,
  statuses: ['draft', 'submitted', 'approved', 'rejected'],
  contracts: [
    {
      contractId: 'k1', contractName: 'Support 2026', customerId: 'c1', customerName: 'Acme GmbH', includedSeconds: 40 * H, usedSeconds: 33 * H, billableSeconds: 32 * H,
      nonBillableSeconds: H, entryCount: 20, beyondIncludedSeconds: 0, share: 0.8, level: 'warning',
    },
  ],
})

function renderGerman(view: ReactNode) {
  const host = scriptedHost({
    'settings.get': () => SETTINGS,
    'sync.account': () => null,
    'reports.run': (request) => resultFor(request),
    'reports.month': (query) => month(query),
    'reports.contractUsage': (query) => usage(query),
    'work.listCustomers': () => [{ id: 'c-acme', name: 'Acme GmbH', organisation: null }],
    'work.listContracts': () => [],
    'work.listItems': () => [],
    'work.listActivityTypes': () => [{ id: 'a-rem', name: 'Fernwartung', active: true, isDefault: true }],
  })
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']}>
        {view}
      </I18nProvider>
    </ClientContext.Provider>,
  )
  return host
}

describe('Reports in German', () => {
  it('the Summary reads German: tabs, range, groupings, totals, the nested table and “Kein Kunde”', async () => {
    window.location.hash = '#reports/tab=summary&range=thisMonth&by=customer,activityType'
    renderGerman(<ReportsView param="tab=summary&range=thisMonth&by=customer,activityType" />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Berichte' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Übersicht' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Verträge' })).toBeTruthy()
    expect(screen.getByRole('radio', { name: 'Dieser Monat' })).toBeTruthy()
    expect(screen.getByRole('combobox', { name: 'Erste Gruppierung' })).toHaveProperty('value', 'customer')
    expect(screen.getByRole('combobox', { name: 'Zweite Gruppierung' })).toHaveProperty('value', 'activityType')
    expect(await screen.findByRole('button', { name: /^Kunden: alle/ })).toBeTruthy()
    expect(await screen.findByText('Abrechenbarer Anteil')).toBeTruthy()
    const table = await screen.findByRole('table', { name: /^Zeit nach Kunde, dann Tätigkeitsart, 1\.–30\. Nov\. 2026/ })
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Kunde', 'Tätigkeitsart', 'Gesamt', 'Abrechenbar', 'Nicht abrechenbar', 'Einträge'])
    expect(within(table).getByRole('rowheader', { name: 'Kein Kunde' })).toBeTruthy()
    expect(screen.getByText('2 Einträge')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Bericht exportieren (CSV)' })).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Daten als Tabelle zeigen' })).toHaveLength(2)
  })

  it('says a custom range the wrong way round in German, with German dates', async () => {
    renderGerman(<ReportsView param="tab=summary&range=custom&from=2026-11-20&to=2026-11-10" />)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Es wird nichts angezeigt. Der Zeitraum endet (10. Nov. 2026), bevor er beginnt (20. Nov. 2026): Der letzte Tag muss am oder nach dem ersten liegen.',
    )
  })

  it('the month views have German headers, dates and counts', async () => {
    renderGerman(<ReportsView param="tab=month" />)
    expect(await screen.findByRole('heading', { name: 'Ihre Zeit im November 2026' })).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Je Ticket' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Voriger Monat, Oktober 2026' })).toBeTruthy()
    const table = await screen.findByRole('table')
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent)
    expect(headers.slice(0, 5)).toEqual(['Tag', 'Ticket-Nr.', 'Titel', 'Zeit', 'Abrechenbar'])
    expect(within(table).getByText('16. Nov. 2026')).toBeTruthy()
    expect(within(table).getByText('16. Nov. 2026, 14:05')).toBeTruthy()
    expect(within(table).getByText('Ja')).toBeTruthy()
    // The device's own user, as the host names them, reads German.
    expect(within(table).getByText('Sie')).toBeTruthy()
    expect(screen.getByText('1 Eintrag')).toBeTruthy()
  })

  it('contract usage speaks German on its meter and in its call-out', async () => {
    renderGerman(<ReportsView param="tab=contracts" />)
    expect(await screen.findByRole('heading', { name: 'Vertragsnutzung im November 2026' })).toBeTruthy()
    const meter = await screen.findByRole('meter', { name: 'Genutzte Inklusivstunden von Acme GmbH · Support 2026' })
    expect(meter.getAttribute('aria-valuetext')).toBe('32 Std. von 40 Std., 80 %')
    expect(screen.getByText(/1 Vertrag braucht Aufmerksamkeit im November 2026/)).toBeTruthy()
    fireEvent.click(screen.getByRole('tab', { name: 'Übersicht' }))
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Übersicht' }).getAttribute('aria-selected')).toBe('true'))
  })
})

describe('report text helpers in German', () => {
  it('names the engine’s groups in German: no customer, days, weeks, months, statuses, billable', () => {
    expect(keyLabel(GERMAN, { dimension: 'customer', id: null, label: 'No customer' })).toBe('Kein Kunde')
    expect(keyLabel(GERMAN, { dimension: 'contract', id: null, label: '(none)' })).toBe('(keine Angabe)')
    expect(keyLabel(GERMAN, { dimension: 'day', id: '2026-12-03', label: '2026-12-03' })).toBe('Do 3. Dez. 2026')
    expect(keyLabel(GERMAN, { dimension: 'week', id: '2026-11-30', label: 'Week of 30 Nov 2026' })).toBe('Woche ab 30. Nov. 2026')
    expect(keyLabel(GERMAN, { dimension: 'month', id: '2026-12', label: '2026-12' })).toBe('Dezember 2026')
    expect(keyLabel(GERMAN, { dimension: 'status', id: 'approved', label: 'Approved' })).toBe('Genehmigt')
    expect(keyLabel(GERMAN, { dimension: 'billable', id: 'non-billable', label: 'Non-billable' })).toBe('Nicht abrechenbar')
    expect(keyLabel(GERMAN, { dimension: 'customer', id: 'c1', label: 'Acme GmbH' })).toBe('Acme GmbH')
  })

  it('labels chart bars and the “Other” bar in German', () => {
    const bars = hoursBars([], { from: '2026-11-30', to: '2026-12-01' }, 'day', 1, null, 1, GERMAN)
    expect(bars.map((b) => [b.short, b.long])).toEqual([
      ['Mo 30.', 'Mo 30. Nov. 2026'],
      ['Di 1.', 'Di 1. Dez. 2026'],
    ])
    const rows = Array.from({ length: 10 }, (_, i): ReportRow => ({ keys: [{ dimension: 'customer', id: `c${i}`, label: `K${i}` }], ...sums(H * (10 - i), 0), expectedSeconds: null }))
    expect(shareBars(rows, 8, GERMAN).at(-1)?.label).toBe('Sonstige (3)')
  })

  it('writes the contract alert and the meter in German, and a too long range with German numbers', () => {
    const alert = { month: '2026-11', contractName: 'Support 2026', customerName: 'Acme', level: 'warning' as const, includedSeconds: 40 * H, billableSeconds: 32 * H }
    expect(alertSentence(alert, '2026-11', 'hmm', GERMAN)).toBe('Acme · Support 2026 hat diesen Monat 80 % von 40 Inklusivstunden verbraucht.')
    expect(meterText(44 * H + 1800, 40 * H, GERMAN)).toBe('44 Std. 30 Min. von 40 Std., 111 %, 4 Std. 30 Min. darüber')
    expect(rangeProblemText(GERMAN, '2016-11-10', '2026-11-10', '')).toMatch(/^Ein Bericht umfasst höchstens drei Jahre \(1\.096 Tage\); 10\. Nov\. 2016 bis 10\. Nov\. 2026 sind 3\.653 Tage\./)
  })
})
