// A saved billing run's files read back by readers that did not write them: the workbook
// by the test XLSX reader (typed cells, exact amounts, formula-looking names as text), the
// PDF by pdf.js, the InvoiceNinja CSV parsed and checked against docs/billing-invoiceninja.md.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { BillingRunView } from '@shared/billing-api'
import { parse } from 'csv-parse/sync'
import { readPdf } from '../../tests/support/pdf-text'
import { readXlsx } from '../../tests/support/xlsx-reader'
import { billingRunFile, billingRunFileName } from './billing-run-file'
import { effectiveRateText, exactDecimal, invoiceNumber, quantityText } from './billing-run-sheets'

process.env.TZ = 'Europe/Berlin'

const line = (over: Partial<BillingRunView['bills'][number]['lines'][number]>): BillingRunView['bills'][number]['lines'][number] => ({
  group: 'c1',
  groupName: 'Support 2026',
  rateClass: 'normal',
  seconds: 3600,
  hourlyMinor: 9500,
  multiplierBp: 10_000,
  source: 'activity',
  amountMinor: 9500,
  entryCount: 1,
  ...over,
})

/** Two customers (one named like a formula), an after-hours line at ×1.5 of an odd rate, odd seconds; two entries left out. */
const RUN: BillingRunView = {
  id: '019b2f3e-7a10-7c4d-8e2f-1234abcd5678',
  from: '2026-10-01',
  to: '2026-10-31',
  groupBy: 'contract',
  createdAt: Date.parse('2026-11-02T09:30:00Z'),
  currency: 'EUR',
  bills: [
    {
      customerId: 'k1',
      customerName: '=HYPERLINK("x")',
      includedSeconds: 0,
      totalMinor: 28_500 + 15_623,
      lines: [
        line({ seconds: 3 * 3600, amountMinor: 28_500, entryCount: 2 }),
        // 1:02:30 at 99.99 × 1.5 = 156.2343… → 156.23
        line({ rateClass: 'afterHours', seconds: 3750, hourlyMinor: 9999, multiplierBp: 15_000, amountMinor: 15_623, source: 'customer' }),
      ],
    },
    { customerId: 'k2', customerName: 'Müller & Söhne, Kiel', includedSeconds: 1800, totalMinor: 4750, lines: [line({ group: null, groupName: null, seconds: 1800, amountMinor: 4750 })] },
  ],
  leftOut: [
    { entryId: 'e1', day: '2026-10-15', workItem: 'Admin', activityType: 'Field service', reason: 'notBillable', seconds: 3600 },
    { entryId: 'e2', day: '2026-10-16', workItem: null, activityType: 'Travel', reason: 'noRate', seconds: 900 },
  ],
  totalMinor: 28_500 + 15_623 + 4750,
  changes: null,
}
const PRINTED = Date.parse('2026-11-03T08:00:00Z')

describe('exact numbers in the files', () => {
  it('writes minor units, rates with multipliers and hours as exact decimals', () => {
    expect(exactDecimal(1_425_000n, 4, 2)).toBe('142.50')
    expect(exactDecimal(-5n, 2, 2)).toBe('-0.05')
    expect(effectiveRateText({ hourlyMinor: 9999, multiplierBp: 15_000 }, 2)).toBe('149.985')
    expect(effectiveRateText({ hourlyMinor: 500, multiplierBp: 10_000 }, 0)).toBe('500')
    expect(quantityText(5400)).toBe('1.50')
    expect(quantityText(1000)).toBe('0.2778')
    expect(invoiceNumber(RUN.id, 0)).toBe('ST-abcd5678-01')
    expect(billingRunFileName(RUN, 'invoiceNinja')).toBe('stint-billing-2026-10-01-to-2026-10-31-abcd5678-invoiceninja.csv')
  })
})

describe('the workbook of a run', () => {
  it('has a sheet "Bills": a line per row with typed cells, amounts exactly the run’s minor units, a bold total per customer and for all', async () => {
    const { bytes } = await billingRunFile(RUN, { file: 'xlsx', language: 'en' }, PRINTED)
    const bills = readXlsx(bytes, 1)
    expect(bills.sheetName).toBe('Bills')
    expect(bills.frozenRows).toBe(1)
    expect(bills.values()).toEqual([
      ['Customer', 'Contract', 'Rate class', 'Hours', 'Rate', 'Multiplier', 'Rate from', 'Amount', 'Entries'],
      ['=HYPERLINK("x")', 'Support 2026', 'Normal', 3, 95, 1, 'activity type rate', 285, 2],
      ['=HYPERLINK("x")', 'Support 2026', 'After hours', 3750 / 3600, 99.99, 1.5, 'customer rate', 156.23, 1],
      ['=HYPERLINK("x")', 'Total for =HYPERLINK("x")', null, 3 + 3750 / 3600, null, null, null, 441.23, 3],
      ['Müller & Söhne, Kiel', 'No contract', 'Normal', 0.5, 95, 1, 'activity type rate', 47.5, 1],
      ['Müller & Söhne, Kiel', 'Total for Müller & Söhne, Kiel', null, 0.5, null, null, null, 47.5, 1],
      [null, 'Total of all bills', null, 3 + 3750 / 3600 + 0.5, null, null, null, 488.73, 4],
    ])
    // The formula-looking name is a text cell, no formula anywhere.
    expect(bills.cell('A2')).toMatchObject({ type: 'inlineStr', formula: undefined })
    expect([...bills.rows.values()].flatMap((row) => [...row.values()]).every((cell) => cell.formula === undefined)).toBe(true)
    // Amounts: number cells whose numeral is the minor units over 100, exactly; the currency in the format.
    expect(bills.cell('H3')).toMatchObject({ type: 'n', raw: '156.23', numFmt: '#,##0.00 "EUR"' })
    expect(bills.cell('E3')).toMatchObject({ raw: '99.99', numFmt: '#,##0.00 "EUR"' })
    expect(bills.cell('D2')).toMatchObject({ type: 'n', numFmt: '0.00' })
    expect(bills.cell('H4')).toMatchObject({ bold: true, raw: '441.23' })
    expect(bills.cell('H2')?.bold).toBe(false)
    const amounts = [...bills.rows.entries()].filter(([n]) => n > 1).map(([, row]) => Math.round(Number(row.get('H')?.raw) * 100))
    expect(amounts).toEqual([28_500, 15_623, 44_123, 4750, 4750, 48_873])
  })

  it('counts each entry once in a total, when the run counted them (one entry can make two lines), and sums the lines of a run saved before that', async () => {
    const counted = { ...RUN, bills: RUN.bills.map((bill, index) => ({ ...bill, entryCount: index === 0 ? 2 : 1 })) }
    const totals = async (run: typeof RUN) => readXlsx((await billingRunFile(run, { file: 'xlsx', language: 'en' }, PRINTED)).bytes, 1).values().filter((row) => row[2] === null).map((row) => row[8])
    expect(await totals(counted)).toEqual([2, 1, 3])
    expect(await totals(RUN)).toEqual([3, 1, 4])
  })

  it('has a sheet "Left out": each entry with its day as a date and the reason in the reader’s language', async () => {
    const en = readXlsx((await billingRunFile(RUN, { file: 'xlsx', language: 'en' }, PRINTED)).bytes, 2)
    expect(en.sheetName).toBe('Left out')
    expect(en.values()).toEqual([
      ['Day', 'Work item', 'Activity type', 'Hours', 'Why'],
      ['2026-10-15', 'Admin', 'Field service', 1, 'not billable'],
      ['2026-10-16', 'None', 'Travel', 0.25, 'no rate for Travel'],
    ])
    expect(en.cell('A2')).toMatchObject({ type: 'n', numFmt: 'yyyy-mm-dd', day: '2026-10-15' })
    const de = readXlsx((await billingRunFile(RUN, { file: 'xlsx', language: 'de' }, PRINTED)).bytes, 2)
    expect(de.sheetName).toBe('Nicht abgerechnet')
    expect(de.values()[2]).toEqual(['2026-10-16', 'Keine', 'Travel', 0.25, 'kein Stundensatz für Travel'])
  })
})

describe('the bill lines for InvoiceNinja', () => {
  it('are one CSV row per line, one invoice number per customer, quantities in hours and costs as exact decimals (the documented mapping)', async () => {
    const { bytes, rows } = await billingRunFile(RUN, { file: 'invoiceNinja', language: 'en' }, PRINTED)
    expect(rows).toBe(3)
    const text = Buffer.from(bytes).toString('utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const records: string[][] = parse(text.slice(1), { relax_column_count: false })
    expect(records[0]).toEqual(['Invoice Number', 'Client Name', 'Invoice Date', 'Product', 'Notes', 'Quantity', 'Cost', 'Private Notes', 'Custom Value 1'])
    expect(records.slice(1)).toEqual([
      ['ST-abcd5678-01', `'=HYPERLINK("x")`, '2026-10-31', 'Support 2026', 'Normal: 2026-10-01 – 2026-10-31', '3.00', '95.00', `Stint ${RUN.id}`, '285.00'],
      ['ST-abcd5678-01', `'=HYPERLINK("x")`, '2026-10-31', 'Support 2026', 'After hours × 1.5: 2026-10-01 – 2026-10-31', '1.0417', '149.985', `Stint ${RUN.id}`, '156.23'],
      ['ST-abcd5678-02', 'Müller & Söhne, Kiel', '2026-10-31', 'No contract', 'Normal: 2026-10-01 – 2026-10-31', '0.50', '95.00', `Stint ${RUN.id}`, '47.50'],
    ])
    // The documented mapping names every header the file has.
    const doc = readFileSync(new URL('../../docs/billing-invoiceninja.md', import.meta.url), 'utf8')
    for (const header of records[0] ?? []) expect(doc).toContain(`| ${header} |`)
  })
})

describe('the printed summary of a run', () => {
  it('has the range, the run, a table and total per customer, the total of all bills and what was left out', async () => {
    const pages = await readPdf((await billingRunFile(RUN, { file: 'pdf', language: 'en' }, PRINTED)).bytes)
    expect(pages).toHaveLength(1)
    const lines = pages[0]?.lines ?? []
    expect(lines[0]).toBe('Bills of 1 Oct 2026 – 31 Oct 2026')
    expect(lines[1]).toMatch(/^Billing run 019b2f3e-7a10-7c4d-8e2f-1234abcd5678, made 2 Nov 2026, 10:30, lines by Contract$/)
    expect(lines).toContain('=HYPERLINK("x")')
    expect(lines).toContain('Line | Rate class | Hours | Rate | Amount')
    expect(lines).toContain('Support 2026 | Normal | 3.00 | €95.00 | €285.00')
    expect(lines).toContain('Support 2026 | After hours | 1.04 | €99.99 × 1.5 | €156.23')
    expect(lines).toContain('Total | 4.04 | €441.23')
    expect(lines).toContain('No contract | Normal | 0.50 | €95.00 | €47.50')
    expect(lines).toContain('Included hours: 0.50')
    expect(lines).toContain('Total of all bills: €488.73')
    expect(lines).toContain('Left out of the bills')
    expect(lines).toContain('Day | Work item | Hours | Why')
    expect(lines).toContain('15 Oct 2026 | Admin | 1.00 | not billable')
    expect(lines).toContain('16 Oct 2026 | None | 0.25 | no rate for Travel')
    expect(lines.at(-1)).toBe('Printed 3 Nov 2026, 09:00 from Stint | Page 1 of 1')
  })

  it('speaks German with German money', async () => {
    const lines = (await readPdf((await billingRunFile(RUN, { file: 'pdf', language: 'de' }, PRINTED)).bytes))[0]?.lines ?? []
    expect(lines).toContain('Summe aller Rechnungen: 488,73 €')
    expect(lines).toContain('Support 2026 | Regulär | 3,00 | 95,00 € | 285,00 €')
  })

  it('prints names in any Latin, Greek or Cyrillic script as they are written (an embedded Unicode font)', async () => {
    const names: BillingRunView = {
      ...RUN,
      bills: [
        { customerId: 'k3', includedSeconds: 0, totalMinor: 4750, customerName: 'Łódź Serwis Sp. z o.o.', lines: [line({ groupName: 'Ñandú · Şişli', seconds: 1800, amountMinor: 4750 })] },
        { customerId: 'k4', includedSeconds: 0, totalMinor: 4750, customerName: 'Ελένη Παπαδοπούλου', lines: [line({ groupName: 'Сергей Иванов', seconds: 1800, amountMinor: 4750 })] },
      ],
      leftOut: [{ entryId: 'e3', day: '2026-10-15', person: 'Dvořák', workItem: 'Şişli', activityType: 'Travel', reason: 'notBillable', seconds: 3600 }],
    }
    for (const language of ['en', 'de'] as const) {
      const lines = (await readPdf((await billingRunFile(names, { file: 'pdf', language }, PRINTED)).bytes))[0]?.lines ?? []
      expect(lines).toContain('Łódź Serwis Sp. z o.o.')
      expect(lines).toContain('Ελένη Παπαδοπούλου')
      expect(lines.find((text) => text.startsWith('Ñandú'))).toMatch(/^Ñandú · Şişli \| /)
      expect(lines.find((text) => text.startsWith('Сергей'))).toMatch(/^Сергей Иванов \| /)
      expect(lines.find((text) => text.includes('Dvořák'))).toMatch(/ \| Dvořák · Şişli \| /)
    }
  })

  it('prints a year of a large customer whole in German, the widest figures and words in their columns', async () => {
    const big: BillingRunView = {
      ...RUN,
      bills: [{ customerId: 'k5', customerName: 'Łódź Serwis Sp. z o.o.', includedSeconds: 0, totalMinor: 123_456_789, lines: [line({ rateClass: 'afterHours', seconds: 44_444_412, hourlyMinor: 99_999, multiplierBp: 15_000, amountMinor: 123_456_789 })] }],
      totalMinor: 123_456_789,
    }
    const lines = (await readPdf((await billingRunFile(big, { file: 'pdf', language: 'de' }, PRINTED)).bytes))[0]?.lines ?? []
    expect(lines).toContain('Support 2026 | Außerhalb der Arbeitszeit | 12.345,67 | 999,99 € × 1,5 | 1.234.567,89 €')
    expect(lines).toContain('Summe | 12.345,67 | 1.234.567,89 €')
  })
})
