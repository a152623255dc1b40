// A saved billing run as files people and invoicing tools read: the workbook's two sheets
// (each bill line with a total row per customer; what was left out and why, in the
// reader's language) and the bill lines as InvoiceNinja's invoice import reads them
// (docs/billing-invoiceninja.md). Money stays integer minor units until a cell is made:
// a sheet's amount cell is converted once (xlsx-writer), a CSV's is an exact decimal text.
import type { BillingRunForFiles, BillLineView, CustomerBillView } from '@shared/billing-api'
import { currencyDigits, SAME_RATE_BP } from '@shared/billing/money'
import { csvNumber } from '@shared/csv-cells'
import type { CsvColumn, CsvRow } from '@shared/csv-writer'
import type { Translator } from '@shared/i18n/translator'
import { currencyFormat, type XlsxSheet, type XlsxSheetColumn, type XlsxSheetRow } from './xlsx-writer'

type Words = Pick<Translator, 't'>

/** `numerator` / 10^`scale` as an exact decimal numeral, trailing zeros dropped down to `keep` decimals: (1425000n, 4, 2) is '142.50'. */
export function exactDecimal(numerator: bigint, scale: number, keep: number): string {
  const negative = numerator < 0n
  const digits = (negative ? -numerator : numerator).toString().padStart(scale + 1, '0')
  const whole = scale === 0 ? digits : digits.slice(0, -scale)
  let fraction = scale === 0 ? '' : digits.slice(-scale)
  while (fraction.length > keep && fraction.endsWith('0')) fraction = fraction.slice(0, -1)
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`
}

/** Minor units as the currency's decimal: 14250 EUR is '142.50', 500 JPY is '500'. */
export const amountText = (minor: number, digits: number): string => exactDecimal(BigInt(minor), digits, digits)

/** The hourly rate a line is billed at, multiplier applied, exactly: 9500 at ×1.5 is '142.50'; 9999 at ×1.5 is '149.985'. */
export const effectiveRateText = (line: Pick<BillLineView, 'hourlyMinor' | 'multiplierBp'>, digits: number): string =>
  exactDecimal(BigInt(line.hourlyMinor) * BigInt(line.multiplierBp), digits + 4, digits)

/** Seconds as decimal hours with up to four decimals (0.36 s): 5400 is '1.50', 1000 is '0.2778'. Rounded half up. */
export function quantityText(seconds: number): string {
  const tenThousandths = (BigInt(seconds) * 10_000n * 2n + 3600n) / (2n * 3600n)
  return exactDecimal(tenThousandths, 4, 2)
}

const groupNameOf = (line: BillLineView, run: Pick<BillingRunForFiles, 'groupBy'>, { t }: Words): string => line.groupName ?? t(`billing.noGroup.${run.groupBy}`)

// --- The workbook ---

type BillKey = 'customer' | 'group' | 'rate_class' | 'hours' | 'rate' | 'multiplier' | 'source' | 'amount' | 'entries'
type LeftOutKey = 'day' | 'person' | 'work_item' | 'activity_type' | 'hours' | 'reason'

/** The reason an entry was left out, in words (as the Billing view says it). */
export function reasonWords(reason: BillingRunForFiles['leftOut'][number]['reason'], activity: string | null, { t }: Words): string {
  if (reason === 'noRate') return activity === null ? t('billing.reason.noRateAtAll') : t('billing.reason.noRate', { activity })
  return t(`billing.reason.${reason}`)
}

/** A bill's entries, each once; a run saved before the bill counted them sums its lines' (an entry in two lines counts twice there). */
const entriesOf = (bill: CustomerBillView): number => bill.entryCount ?? bill.lines.reduce((sum, line) => sum + line.entryCount, 0)

function billRows(run: BillingRunForFiles, bill: CustomerBillView, words: Words): XlsxSheetRow<BillKey>[] {
  const { t } = words
  const lines = bill.lines.map((line) => ({
    values: {
      customer: bill.customerName,
      group: groupNameOf(line, run, words),
      rate_class: t(`billing.class.${line.rateClass}`),
      hours: line.seconds / 3600,
      rate: line.hourlyMinor,
      multiplier: line.multiplierBp / SAME_RATE_BP,
      source: t(`billing.source.${line.source}`),
      amount: line.amountMinor,
      entries: line.entryCount,
    },
  }))
  const seconds = bill.lines.reduce((sum, line) => sum + line.seconds, 0)
  const entries = entriesOf(bill)
  const total = { customer: bill.customerName, group: t('billing.file.customerTotal', { customer: bill.customerName }), rate_class: null, hours: seconds / 3600, rate: null, multiplier: null, source: null, amount: bill.totalMinor, entries }
  return [...lines, { values: total, bold: true }]
}

/** The workbook's sheets: "Bills" (each line, a bold total row per customer, the grand total last) and "Left out". */
export function billingRunSheets(run: BillingRunForFiles, words: Words): [XlsxSheet<BillKey>, XlsxSheet<LeftOutKey>] {
  const { t } = words
  const digits = currencyDigits(run.currency)
  const money = currencyFormat(run.currency, digits)
  const billColumns: XlsxSheetColumn<BillKey>[] = [
    { key: 'customer', header: t('billing.file.customer'), kind: 'text', width: 28 },
    { key: 'group', header: t(`billing.group.${run.groupBy}`), kind: 'text', width: 32 },
    { key: 'rate_class', header: t('billing.col.class'), kind: 'text', width: 18 },
    { key: 'hours', header: t('billing.col.hours'), kind: 'hours' },
    { key: 'rate', header: t('billing.col.rate'), kind: 'amount', digits, numFmt: money, width: 16 },
    { key: 'multiplier', header: t('billing.file.multiplier'), kind: 'number', numFmt: '0.00##' },
    { key: 'source', header: t('billing.file.source'), kind: 'text', width: 20 },
    { key: 'amount', header: t('billing.col.amount'), kind: 'amount', digits, numFmt: money, width: 18 },
    { key: 'entries', header: t('billing.file.entries'), kind: 'number' },
  ]
  const seconds = run.bills.reduce((sum, bill) => sum + bill.lines.reduce((s, line) => s + line.seconds, 0), 0)
  const entries = run.bills.reduce((sum, bill) => sum + entriesOf(bill), 0)
  const grand: XlsxSheetRow<BillKey> = {
    bold: true,
    values: { customer: null, group: t('billing.file.grandTotal'), rate_class: null, hours: seconds / 3600, rate: null, multiplier: null, source: null, amount: run.totalMinor, entries },
  }
  // Whose entry, when the run says (the team server's runs bill many people).
  const people = run.leftOut.some((entry) => entry.person !== undefined)
  const leftOutColumns: XlsxSheetColumn<LeftOutKey>[] = [
    { key: 'day', header: t('billing.leftOut.day'), kind: 'day' },
    ...(people ? [{ key: 'person' as const, header: t('billing.leftOut.person'), kind: 'text' as const, width: 24 }] : []),
    { key: 'work_item', header: t('billing.leftOut.workItem'), kind: 'text', width: 36 },
    { key: 'activity_type', header: t('billing.group.activityType'), kind: 'text', width: 22 },
    { key: 'hours', header: t('billing.col.hours'), kind: 'hours' },
    { key: 'reason', header: t('billing.leftOut.reason'), kind: 'text', width: 40 },
  ]
  const leftOutRows = run.leftOut.map((entry) => ({
    values: { day: entry.day, person: entry.person ?? null, work_item: entry.workItem ?? t('billing.none'), activity_type: entry.activityType, hours: entry.seconds / 3600, reason: reasonWords(entry.reason, entry.activityType, words) },
  }))
  return [
    { name: t('billing.file.sheetBills'), columns: billColumns, rows: [...run.bills.flatMap((bill) => billRows(run, bill, words)), grand] },
    { name: t('billing.file.sheetLeftOut'), columns: leftOutColumns, rows: leftOutRows },
  ]
}

// --- InvoiceNinja ---

export type InvoiceNinjaKey = 'invoice_number' | 'client' | 'date' | 'product' | 'notes' | 'quantity' | 'cost' | 'private_notes' | 'line_amount'

/** The columns, headed with InvoiceNinja's own words for the fields they map to (docs/billing-invoiceninja.md). */
export const INVOICE_NINJA_COLUMNS: readonly CsvColumn<InvoiceNinjaKey>[] = [
  { key: 'invoice_number', header: 'Invoice Number' },
  { key: 'client', header: 'Client Name' },
  { key: 'date', header: 'Invoice Date' },
  { key: 'product', header: 'Product' },
  { key: 'notes', header: 'Notes' },
  { key: 'quantity', header: 'Quantity' },
  { key: 'cost', header: 'Cost' },
  { key: 'private_notes', header: 'Private Notes' },
  { key: 'line_amount', header: 'Custom Value 1' },
]

/** A customer's invoice number in a run: ST-, the last 8 hex digits of the run's id, and the customer's place in the run (bills are in name order): ST-1a2b3c4d-01. */
export function invoiceNumber(runId: string, customerIndex: number): string {
  const tail = runId.replace(/[^0-9a-zA-Z]/g, '').slice(-8).toLowerCase()
  return `ST-${tail}-${String(customerIndex + 1).padStart(2, '0')}`
}

/** One row per bill line; the lines of a customer share one invoice number, so they import as one invoice. */
export function invoiceNinjaRows(run: BillingRunForFiles, words: Words): CsvRow<InvoiceNinjaKey>[] {
  const { t } = words
  const digits = currencyDigits(run.currency)
  return run.bills.flatMap((bill, index) =>
    bill.lines.map((line) => {
      const multiplied = line.multiplierBp === SAME_RATE_BP ? '' : ` × ${exactDecimal(BigInt(line.multiplierBp), 4, 1)}`
      return {
        invoice_number: invoiceNumber(run.id, index),
        client: bill.customerName,
        date: run.to,
        product: groupNameOf(line, run, words),
        notes: `${t(`billing.class.${line.rateClass}`)}${multiplied}: ${run.from} – ${run.to}`,
        quantity: csvNumber(quantityText(line.seconds)),
        cost: csvNumber(effectiveRateText(line, digits)),
        private_notes: `Stint ${run.id}`,
        line_amount: csvNumber(amountText(line.amountMinor, digits)),
      }
    }),
  )
}
