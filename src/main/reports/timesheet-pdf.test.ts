// The printed timesheet, read back with an independent reader (pdf.js, Mozilla's PDF
// engine, in tests/support/pdf-text.ts): the text of each page as lines.
import { describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { SELF_ACTOR, type PeriodEvent, type Timesheet } from '@shared/timesheet'
import { readPdf, type ReadPage } from '../../../tests/support/pdf-text'
import { timesheetPdf, type PdfRow, type TimesheetPdfInput } from './timesheet-pdf'

// The history's times are this zone's wall clock.
process.env.TZ = 'Europe/Berlin'

const lineWith = (page: ReadPage | undefined, start: string) => page?.lines.find((line) => line.startsWith(start))

function daysOf(start: string, count: number): Timesheet['days'] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.parse(`${start}T12:00:00Z`) + index * 86_400_000)
    return { day: date.toISOString().slice(0, 10), weekday: date.getUTCDay(), expectedSeconds: 0 }
  })
}

const at = (iso: string) => Date.parse(iso)
const event = (id: string, when: string, actor: string, from: string, to: string, reason: string | null = null): PeriodEvent => ({ id, at: at(when), actor, from, to, reason })

const HISTORY: PeriodEvent[] = [
  event('1', '2026-12-07T08:15:00Z', 'Ana Technician', 'open', 'submitted'),
  event('2', '2026-12-07T10:00:00Z', 'Ben Lead', 'submitted', 'rejected', 'Tuesday is missing the on-call hour.'),
  event('3', '2026-12-07T11:30:00Z', 'Ana Technician', 'rejected', 'submitted'),
  event('4', '2026-12-08T09:00:00Z', 'Ben Lead', 'submitted', 'submitted'),
  event('5', '2026-12-08T14:45:00Z', 'Clara Controller', 'submitted', 'approved'),
]

function weekInput(overrides: Partial<TimesheetPdfInput> = {}): TimesheetPdfInput {
  const days = daysOf('2026-11-30', 7)
  const rows: PdfRow[] = [
    { item: 'TICKET-1 · Printer jam', customer: 'Acme GmbH', activity: 'Remote support', billable: true, seconds: [5400, 7200, 0, 0, 1800, 0, 0], totalSeconds: 14_400 },
    { item: 'Internal', customer: null, activity: 'Meeting', billable: false, seconds: [0, 3600, 2700, 0, 0, 0, 0], totalSeconds: 6300 },
  ]
  return {
    sheet: { start: '2026-11-30', end: '2026-12-06', label: 'Week of 30 Nov 2026', status: 'approved', level: null, reason: null, history: HISTORY, days },
    rows,
    person: 'Ana Technician',
    heading: 'Week of 30 Nov 2026',
    unit: 'hmm',
    translator: createTranslator('en'),
    printedAt: at('2026-12-09T16:20:00Z'),
    ...overrides,
  }
}

describe('the printed timesheet of a week', () => {
  it('is one A4 portrait page with the person, the period, the grid with its totals, the status and its history, and signature lines', async () => {
    const pages = await readPdf(await timesheetPdf(weekInput()))
    expect(pages).toHaveLength(1)
    const [page] = pages
    expect(page?.width).toBeCloseTo(595.28, 1)
    expect(page?.height).toBeCloseTo(841.89, 1)
    const lines = page?.lines ?? []
    expect(lines[0]).toBe('Timesheet: Week of 30 Nov 2026')
    expect(lines).toContain('Person: Ana Technician')
    expect(lines).toContain('Period: Week of 30 Nov 2026, 30 Nov – 6 Dec 2026 (Weekly)')
    expect(lines).toContain('Period status: Approved')
    // The columns: a weekday and its date over each day.
    expect(lineWith(page, 'Mon')).toBe('Mon | Tue | Wed | Thu | Fri | Sat | Sun')
    expect(lines).toContain('Work item · customer · activity | Total')
    expect(lines).toContain('30 Nov | 1 Dec | 2 Dec | 3 Dec | 4 Dec | 5 Dec | 6 Dec')
    // Each row: its name, its hours on their days, its total; the customer and activity under the name.
    expect(lineWith(page, 'TICKET-1')).toBe('TICKET-1 · Printer jam | 1:30 | 2:00 | 0:30 | 4:00')
    expect(lines).toContain('Acme GmbH · Remote support')
    expect(lineWith(page, 'Internal')).toBe('Internal | 1:00 | 0:45 | 1:45')
    expect(lines).toContain('Meeting · Non-billable')
    expect(lineWith(page, 'Total per day')).toBe('Total per day | 1:30 | 3:00 | 0:45 | 0:00 | 0:30 | 0:00 | 0:00 | 5:45')
    expect(lines).toContain('Total for the period: 5:45')
    // Who changed the status and when (Berlin time), with the reason of the rejection.
    expect(lines).toContain('When | Who | Change | Reason')
    expect(lines).toContain('7 Dec 2026, 09:15 | Ana Technician | Submitted | —')
    expect(lines).toContain('7 Dec 2026, 11:00 | Ben Lead | Rejected | Tuesday is missing the on-call hour.')
    expect(lines).toContain('8 Dec 2026, 10:00 | Ben Lead | Approved at level 1 | —')
    expect(lines).toContain('8 Dec 2026, 15:45 | Clara Controller | Approved at level 2 | —')
    // Signature and date lines for both, the technician's name under theirs.
    expect(lines).toContain('Technician’s signature | Date | Approver’s signature | Date')
    expect(lines).toContain('Ana Technician')
    expect(lines).toContain('Printed 9 Dec 2026, 17:20 from Stint | Page 1 of 1')
  })

  it('says a submitted period waits for its level, a reopened one why, and one never submitted so', async () => {
    const waiting = await readPdf(await timesheetPdf(weekInput({ sheet: { ...weekInput().sheet, status: 'submitted', level: 2, history: HISTORY.slice(0, 4) } })))
    expect(waiting[0]?.lines).toContain('Period status: Submitted — waiting for level 2 approval')
    const reopened = [...HISTORY, event('6', '2026-12-10T08:00:00Z', 'Admin', 'approved', 'open', 'Forgot Sunday.')]
    const open = await readPdf(await timesheetPdf(weekInput({ sheet: { ...weekInput().sheet, status: 'open', reason: 'Forgot Sunday.', history: reopened } })))
    expect(open[0]?.lines).toContain('Reason: Forgot Sunday.')
    expect(open[0]?.lines).toContain('10 Dec 2026, 09:00 | Admin | Reopened | Forgot Sunday.')
    const standalone = await readPdf(await timesheetPdf(weekInput({ sheet: { ...weekInput().sheet, history: [event('7', '2026-12-07T08:15:00Z', 'You', 'open', 'approved')] } })))
    expect(standalone[0]?.lines).toContain('7 Dec 2026, 09:15 | You | Approved | —')
    const fresh = await readPdf(await timesheetPdf(weekInput({ person: null, rows: [], sheet: { ...weekInput().sheet, status: 'open', history: [] } })))
    expect(fresh[0]?.lines).toContain('Person: ________________________')
    expect(fresh[0]?.lines).toContain('No time was booked in this period.')
    expect(fresh[0]?.lines).toContain('The period has not been submitted yet.')
  })

  it('speaks German with German dates and the reader’s unit with a decimal comma', async () => {
    const de = createTranslator('de')
    const pages = await readPdf(await timesheetPdf(weekInput({ translator: de, heading: 'Woche vom 30. Nov. 2026', unit: 'decimal' })))
    const [page] = pages
    const lines = page?.lines ?? []
    expect(lines[0]).toBe('Stundenzettel: Woche vom 30. Nov. 2026')
    expect(lines).toContain('Mitarbeiter/in: Ana Technician')
    expect(lines).toContain('Zeitraum: Woche vom 30. Nov. 2026, 30. Nov. – 6. Dez. 2026 (Wöchentlich)')
    expect(lines).toContain('Status des Zeitraums: Genehmigt')
    expect(lineWith(page, 'Mo')).toBe('Mo | Di | Mi | Do | Fr | Sa | So')
    expect(lineWith(page, 'TICKET-1')).toBe('TICKET-1 · Printer jam | 1,50 | 2,00 | 0,50 | 4,00')
    expect(lines).toContain('Meeting · Nicht abrechenbar')
    expect(lineWith(page, 'Summe pro Tag')).toBe('Summe pro Tag | 1,50 | 3,00 | 0,75 | 0,00 | 0,50 | 0,00 | 0,00 | 5,75')
    expect(lines).toContain('Summe des Zeitraums: 5,75')
    expect(lines).toContain('Wann | Wer | Änderung | Begründung')
    expect(lines).toContain('7. Dez. 2026, 11:00 | Ben Lead | Abgelehnt | Tuesday is missing the on-call hour.')
    expect(lines).toContain('8. Dez. 2026, 15:45 | Clara Controller | Auf Stufe 2 genehmigt | —')
    expect(lines).toContain('Unterschrift Mitarbeiter/in | Datum | Unterschrift Genehmigung | Datum')
    expect(lines).toContain('Gedruckt am 9. Dez. 2026, 17:20 mit Stint | Seite 1 von 1')
    // A standalone technician's own move is stored as the device's user, and printed in the reader's language.
    const standalone = await readPdf(await timesheetPdf(weekInput({ translator: de, sheet: { ...weekInput().sheet, history: [event('7', '2026-12-07T08:15:00Z', SELF_ACTOR, 'open', 'approved')] } })))
    expect(standalone[0]?.lines).toContain('7. Dez. 2026, 09:15 | Sie | Genehmigt | —')
  })

  it('prints names in any Latin, Greek or Cyrillic script as they are written (an embedded Unicode font)', async () => {
    const rows: PdfRow[] = [{ item: 'Şişli · Ñandú', customer: 'Łódź Serwis Sp. z o.o.', activity: 'Ελένη', billable: true, seconds: [5400, 0, 0, 0, 0, 0, 0], totalSeconds: 5400 }]
    const history = [event('1', '2026-12-07T08:15:00Z', 'Dvořák', 'open', 'submitted'), event('2', '2026-12-07T10:00:00Z', 'Сергей', 'submitted', 'rejected', 'Ελένη → Şişli')]
    for (const translator of [createTranslator('en'), createTranslator('de')]) {
      const [page] = await readPdf(await timesheetPdf(weekInput({ translator, rows, person: 'Dvořák', sheet: { ...weekInput().sheet, status: 'rejected', reason: 'Ελένη → Şişli', history } })))
      const lines = page?.lines ?? []
      expect(lineWith(page, 'Şişli')).toMatch(/^Şişli · Ñandú \| 1:30 \| 1:30$/)
      expect(lines).toContain('Łódź Serwis Sp. z o.o. · Ελένη')
      expect(lines.find((text) => text.endsWith(': Dvořák'))).toBeDefined()
      expect(lines.find((text) => text.includes('| Dvořák |'))).toBeDefined()
      expect(lines.find((text) => text.includes('| Сергей |'))).toMatch(/ \| Ελένη → Şişli$/)
      expect(lines).toContain('Dvořák')
    }
  })
})

describe('the printed timesheet of a month', () => {
  const days = daysOf('2026-12-01', 31)
  // Forty rows: more than one page holds. Row n has n minutes on day (n mod 31) + 1.
  const rows: PdfRow[] = Array.from({ length: 40 }, (_, index) => {
    const seconds = days.map((_, day) => (day === index % 31 ? (index + 1) * 60 * 15 : 0))
    return { item: `ROW-${String(index + 1).padStart(2, '0')} · Work`, customer: 'Acme GmbH', activity: 'On-site', billable: true, seconds, totalSeconds: (index + 1) * 900 }
  })
  const input = weekInput({ sheet: { start: '2026-12-01', end: '2026-12-31', label: 'December 2026', status: 'open', level: null, reason: null, history: [], days }, rows, heading: 'December 2026' })

  it('prints 31 day columns on A4 landscape pages, the page head and column head repeated on each, numbered', async () => {
    const pages = await readPdf(await timesheetPdf(input))
    // The rows run on over two pages; the history and the signatures follow on the third.
    expect(pages.length).toBe(3)
    for (const [index, page] of pages.entries()) {
      expect(page.width).toBeCloseTo(841.89, 1)
      expect(page.height).toBeCloseTo(595.28, 1)
      expect(page.lines[0]).toBe('Timesheet: December 2026')
      expect(page.lines).toContain('Period: December 2026, 1–31 Dec 2026 (Monthly)')
      expect(page.lines.at(-1)).toMatch(new RegExp(`Page ${index + 1} of 3$`))
    }
    for (const page of pages.slice(0, 2)) {
      expect(page.lines).toContain('Work item · customer · activity | Total')
      expect(page.lines).toContain(days.map((day) => String(Number(day.day.slice(8)))).join(' | '))
      expect(page.lines).toContain('Tue | Wed | Thu | Fri | Sat | Sun | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Mon | Tue | Wed | Thu | Fri | Sat | Sun | Mon | Tue | Wed | Thu')
    }
    expect(pages[2]?.lines).toContain('Technician’s signature | Date | Approver’s signature | Date')
    const all = pages.flatMap((page) => page.lines)
    for (const row of rows) expect(all.filter((line) => line.startsWith(row.item.slice(0, 6)))).toHaveLength(1)
    expect(lineWith(pages[0], 'ROW-01')).toBe('ROW-01 · Work | 0:15 | 0:15')
    expect(lineWith(pages[1], 'ROW-40')).toBe('ROW-40 · Work | 10:00 | 10:00')
    // Day 1 has rows 1 and 32 (0:15 + 8:00); day 31 row 31 (7:45); the month 40·41/2 quarters = 205:00.
    const dayTotals = lineWith(pages[1], 'Total per day')?.split(' | ')
    expect(dayTotals).toHaveLength(33)
    expect(dayTotals?.[1]).toBe('8:15')
    expect(dayTotals?.[31]).toBe('7:45')
    expect(dayTotals?.[32]).toBe('205:00')
    expect(pages[1]?.lines).toContain('Total for the period: 205:00')
    expect(pages[0]?.lines.filter((line) => line.startsWith('ROW-')).length).toBeGreaterThan(15)
  })

  it('prints the German column head whole', async () => {
    const [page] = await readPdf(await timesheetPdf({ ...input, translator: createTranslator('de'), heading: 'Dezember 2026' }))
    expect(page?.lines).toContain('Arbeitselement · Kunde · Tätigkeit | Summe')
  })
})
