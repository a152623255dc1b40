// A German approver and technician: the approvals queue, a period's review with its reject
// dialog, Needs attention, the work item dialog and the work picker all read German.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '@shared/settings'
import type { SyncIssue } from '@shared/sync'
import { QUEUE, tessDetail } from '../approvals/approvals-host'
import { DecisionOutcomeView, type DecisionOutcome } from '../approvals/DecisionOutcome'
import { ClientContext } from '../client-context'
import { scriptedHost } from '../testing/scripted-host'
import { workItem } from '../testing/work-items'
import { ApprovalsView } from '../views/ApprovalsView'
import { AttentionView } from '../views/AttentionView'
import { WorkItemDialog } from '../work/WorkItemDialog'
import { WorkItemPicker } from '../work/picker/WorkItemPicker'
import { createWorkStore } from '../work/work-store'
import { I18nProvider } from './i18n-context'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-11-24T10:00:00'))
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const ticket = workItem('w1', 'TICKET-1001', 'Drucker im 2. OG', { favourite: true })

const REFUSED: SyncIssue = {
  id: 'i2',
  kind: 'refused',
  entity: 'entry',
  entityId: 'e2',
  reason: 'The period 2026-11-09 – 2026-11-15 is approved and locked; an administrator can reopen it. This change was not applied.',
  messageId: 'refusal.sync.periodApproved',
  values: { isoStartDay: '2026-11-09', isoEndDay: '2026-11-15' },
  mine: { id: 'e2', day: '2026-11-09', workItemId: 'w1', activityTypeId: null, billable: false, roundedSeconds: 5400, rawSeconds: 5400, description: '' },
  server: null,
  createdAt: Date.parse('2026-11-17T11:05:00'),
}

function germanHost(issues: SyncIssue[] = [REFUSED]) {
  const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), language: 'de' }
  return scriptedHost({
    'settings.get': () => settings,
    'approvals.queue': () => QUEUE,
    'approvals.detail': () => tessDetail(),
    'sync.issues': () => issues,
    'work.listItems': () => [ticket],
    'work.listActivityTypes': () => [],
    'work.listCustomers': () => [],
    'work.recentItems': () => [],
  })
}

function renderGerman(host: ReturnType<typeof germanHost>, view: ReactNode) {
  render(
    <ClientContext.Provider value={host.client}>
      <I18nProvider client={host.client} system={['en-GB']}>
        {view}
      </I18nProvider>
    </ClientContext.Provider>,
  )
}

describe('Approvals in German', () => {
  it('the queue: heading, columns, German periods and the select boxes’ names', async () => {
    renderGerman(germanHost(), <ApprovalsView periodId={null} />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Genehmigungen' })).toBeTruthy()
    const table = await screen.findByRole('table', { name: /Zeiträume, die auf Ihre Genehmigung warten/ })
    const headers = within(table).getAllByRole('columnheader').map((cell) => cell.textContent)
    expect(headers).toEqual(['', 'Mitglied', 'Zeitraum', 'Stufe', 'Eingereicht', 'Gesamt', 'Abrechenbar', 'Soll-Abweichung', 'Prüfen'])
    expect(screen.getByRole('checkbox', { name: 'Zeitraum 16.–22. Nov. 2026 von Tess Tech auswählen' })).toBeTruthy()
    expect(screen.getByRole('checkbox', { name: 'Alle Zeiträume auswählen' })).toBeTruthy()
    expect(screen.getByText('2 Zeiträume warten')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Auswahl genehmigen' })).toBeTruthy()
  })

  it('a period’s review and its reject dialog', async () => {
    renderGerman(germanHost(), <ApprovalsView periodId="p-tess" />)
    expect(await screen.findByRole('button', { name: 'Stufe 1 genehmigen' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Seit der Ablehnung geändert' })).toBeTruthy()
    expect(screen.getByRole('table', { name: /Von Tess Tech gebuchte Zeit, 16\.–22\. Nov\. 2026/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Ablehnen…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Zeitraum 16.–22. Nov. 2026 von Tess Tech ablehnen?' })
    expect(within(dialog).getByRole('textbox', { name: 'Begründung' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Abbrechen' })).toBeTruthy()
    expect(within(dialog).getByText(/Strg/).closest('p')?.textContent).toBe('Sagen Sie, was zu ändern ist, zum Beispiel: „Der Vor-Ort-Einsatz am Mittwoch fehlt.“ Strg+Enter lehnt ab.')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Zeitraum ablehnen' }))
    expect(within(dialog).getByRole('alert').textContent).toMatch(/^Geben Sie eine Begründung an: Tess Tech/)
  })
  it('the team server’s answer to each period of a decision, in German; one without an id as the server wrote it', async () => {
    const week = { member: 'Tess Tech', isoStartDay: '2026-11-16', isoEndDay: '2026-11-22' }
    const results: DecisionOutcome['results'] = [
      { periodId: 'p-tess', name: 'Tess', ok: true, message: 'Approved Tess Tech’s period 2026-11-16 – 2026-11-22 at level 1; it now waits for a level 2 approver.', messageId: 'decision.approvedAtLevel1', values: { ...week, level: 2 }, period: null },
      { periodId: 'p-olaf', name: 'Olaf', ok: false, message: 'Nobody approves or rejects their own time; another approver of the team has to. Nothing was changed.', messageId: 'refusal.flowNotKept', values: { refusal: 'refusal.flow.notOwnTime' }, period: null },
      { periodId: 'p-old', name: 'Old', ok: false, message: 'An older server’s sentence.', period: null },
    ]
    renderGerman(germanHost(), <DecisionOutcomeView outcome={{ kind: 'approve', at: Date.parse('2026-11-24T10:00:00'), results }} onDismiss={() => undefined} />)
    const items = (await screen.findAllByRole('listitem')).map((item) => item.textContent)
    expect(items).toEqual([
      '✓Der Zeitraum Mo 16. Nov. – So 22. Nov. von Tess Tech ist auf Stufe 1 genehmigt; er wartet jetzt auf einen Genehmiger der Stufe 2.',
      expect.stringMatching(/✕.*Niemand genehmigt oder lehnt die eigene Zeit ab; ein anderer Genehmiger des Teams muss das tun\. Es wurde nichts geändert\.$/),
      expect.stringMatching(/✕.*An older server’s sentence\.$/),
    ])
  })
})


describe('Needs attention in German', () => {
  it('a refused change with its fields, choices and hint', async () => {
    const host = germanHost()
    renderGerman(host, <AttentionView work={createWorkStore(host.client)} />)
    expect(await screen.findByRole('heading', { level: 1, name: 'Zu klären' })).toBeTruthy()
    expect(await screen.findByText('Abgelehnt')).toBeTruthy()
    expect(screen.getByRole('button', { name: /^Erneut senden/ })).toBeTruthy()
    expect(screen.getByRole('button', { name: /^Meine Änderung verwerfen/ })).toBeTruthy()
    expect(screen.getByRole('rowheader', { name: 'Tag' }).closest('tr')?.textContent).toContain('Mo 9. Nov. 2026')
    expect(screen.getByRole('rowheader', { name: 'Abrechenbar' }).closest('tr')?.textContent).toContain('Nicht abrechenbar')
    expect(screen.getByRole('link', { name: 'Stundenzettel' }).closest('p')?.textContent).toBe('Oder korrigieren Sie die Zeile im Stundenzettel: Die korrigierte Änderung wird erneut gesendet.')
  })

  it('names the change and gives the server’s reason in German; a reason whose id this version does not know stays as the server wrote it', async () => {
    const newer: SyncIssue = { ...REFUSED, id: 'i3', entity: 'workItem', entityId: 'w9', mine: { reference: 'T-1042', title: 'Drucker' }, reason: 'A rule of a newer server.', messageId: 'refusal.sync.fromTheFuture', values: {} }
    const host = germanHost([REFUSED, newer])
    renderGerman(host, <AttentionView work={createWorkStore(host.client)} />)
    const entry = await screen.findByRole('article', { name: 'Eintrag vom Mo 9. Nov. 2026' })
    expect(entry.querySelector('.issue__reason')?.textContent).toBe(
      'Der Server hat diese Änderung abgelehnt. Der Zeitraum Mo 9. Nov. – So 15. Nov. ist genehmigt und gesperrt; ein Administrator kann ihn wieder öffnen. Diese Änderung wurde nicht übernommen.',
    )
    const item = screen.getByRole('article', { name: 'Arbeitselement T-1042' })
    expect(item.querySelector('.issue__reason')?.textContent).toBe('Der Server hat diese Änderung abgelehnt. A rule of a newer server.')
  })
})

describe('The work dialogs in German', () => {
  it('the work item dialog: fields, kinds, examples and a German problem', async () => {
    renderGerman(germanHost(), <WorkItemDialog item={null} customers={[]} contracts={[]} onSaved={() => {}} onCustomerCreated={() => {}} onClose={() => {}} />)
    const dialog = await screen.findByRole('dialog', { name: 'Neues Arbeitselement' })
    expect(within(dialog).getByRole('option', { name: 'Arbeitsauftrag' })).toBeTruthy()
    expect(within(dialog).getByRole('combobox', { name: 'Kunde' })).toBeTruthy()
    expect(within(dialog).getByRole('option', { name: 'Kein Kunde (intern)' })).toBeTruthy()
    expect(within(dialog).getByText('Wählen Sie zuerst einen Kunden: Verträge gehören zu einem Kunden.')).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Arbeitselement anlegen' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Geben Sie einen Titel ein, zum Beispiel „Drucker im 2. OG“.')
  })

  it('the picker: No work item, the favourites group and the option’s marks', async () => {
    renderGerman(germanHost(), <WorkItemPicker label="Arbeitselement" items={[ticket]} value={null} onChange={() => {}} allowNone />)
    const input = await screen.findByRole('combobox', { name: 'Arbeitselement' })
    expect(input.getAttribute('placeholder')).toBe('Kein Arbeitselement · tippen zum Suchen')
    fireEvent.keyDown(input, { key: 'ArrowDown' })
    expect(screen.getByRole('group', { name: 'Favoriten' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'TICKET-1001 · Drucker im 2. OG, Favorit' })).toBeTruthy()
    expect(screen.getByRole('option', { name: 'Kein Arbeitselement' })).toBeTruthy()
    fireEvent.change(input, { target: { value: 'Switch' } })
    expect(screen.getByText('Kein aktives Arbeitselement passt zu „Switch“.')).toBeTruthy()
  })
})
