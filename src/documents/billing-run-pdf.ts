// The printed summary of a saved billing run: a title with the range, the run's id and
// when it was made; per customer a table of its lines (line, rate class, hours, rate,
// amount) and its total; the total of all bills; what was left out and why. Money in the
// reader's language (formatMoney, from integer minor units). A4 portrait; a table runs on
// over pages with its head repeated, and every page is numbered. The embedded font of every
// PDF (pdf-fonts.ts), as the printed timesheet (src/main/reports/timesheet-pdf.ts).
import type { BillingRunForFiles, CustomerBillView } from '@shared/billing-api'
import { formatMoney } from '@shared/billing/money'
import { formatDayMedium, formatInstant } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import { reasonWords } from './billing-run-sheets'
import { PDF_FONT, pdfDocument } from './pdf-fonts'

export interface BillingPdfInput {
  readonly run: BillingRunForFiles
  readonly translator: Translator
  /** When it is printed (ms): in the footer and the file's metadata. */
  readonly printedAt: number
}

const MARGIN = 40
const WIDTH = 595.28 - 2 * MARGIN
const BOTTOM = 841.89 - MARGIN - 22
const ROW = 14
/** Column widths of a bill's table: line, rate class, hours, rate, amount. The hours hold a year of a large customer in bold ("12.345,67"). */
const BILL_COLUMNS = [155, 125, 55, 90, 90.28] as const
/** Of the left-out table: day, work item, time, why. */
const LEFT_OUT_COLUMNS = [80, 200, 55, 180.28] as const

type Cell = { readonly text: string; readonly right?: boolean }

export function billingRunPdf({ run, translator, printedAt }: BillingPdfInput): Promise<Buffer> {
  const { t, locale } = translator
  const day = (d: string) => formatDayMedium(d, locale)
  const money = (minor: number) => formatMoney(minor, run.currency, locale)
  const hours = (seconds: number) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(seconds / 3600)
  const title = t('billing.pdf.title', { from: day(run.from), to: day(run.to) })
  const doc = pdfDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, bufferPages: true, autoFirstPage: false, info: { Title: title, Creator: 'Stint', CreationDate: new Date(printedAt) } })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const text = (value: string, x: number, y: number, width: number, options: { bold?: boolean; size?: number; right?: boolean; colour?: string } = {}) => {
    doc
      .font(options.bold ? PDF_FONT.bold : PDF_FONT.regular)
      .fontSize(options.size ?? 9)
      .fillColor(options.colour ?? '#000')
      .text(value, x, y, { width, align: options.right ? 'right' : 'left', lineBreak: false, ellipsis: true, height: (options.size ?? 9) * 1.3 })
  }
  const rule = (y: number, weight = 0.4) => doc.moveTo(MARGIN, y).lineTo(MARGIN + WIDTH, y).lineWidth(weight).strokeColor('#999').stroke()
  const pageHead = (): number => {
    doc.addPage()
    text(title, MARGIN, MARGIN, WIDTH, { bold: true, size: 15 })
    text(t('billing.pdf.run', { id: run.id, when: formatInstant(run.createdAt, locale), groupBy: t(`billing.group.${run.groupBy}`) }), MARGIN, MARGIN + 21, WIDTH, { size: 9.5 })
    rule(MARGIN + 38, 0.6)
    return MARGIN + 46
  }
  let y = pageHead()
  /** Room for `rows` more rows, else a new page; answers whether a page was started. */
  const room = (rows: number): boolean => {
    if (y + rows * ROW <= BOTTOM) return false
    y = pageHead()
    return true
  }
  const row = (widths: readonly number[], cells: readonly Cell[], options: { bold?: boolean; colour?: string } = {}) => {
    let x = MARGIN
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0
      // A text after a right-aligned figure keeps its distance, so the two read as two cells.
      const inset = cell.right || index === 0 ? 2 : 10
      text(cell.text, x + inset, y + 2, width - inset - 2, { ...options, ...(cell.right ? { right: true } : {}) })
      x += width
    })
    y += ROW
  }
  const table = (widths: readonly number[], head: readonly Cell[], rows: readonly (readonly Cell[])[]) => {
    const drawHead = () => {
      row(widths, head, { bold: true })
      rule(y - 1)
    }
    room(2)
    drawHead()
    for (const cells of rows) {
      if (room(1)) drawHead()
      row(widths, cells)
    }
  }

  const bill = (customer: CustomerBillView) => {
    room(4)
    text(customer.customerName, MARGIN, y + 6, WIDTH, { bold: true, size: 12 })
    y += 24
    const rate = (hourlyMinor: number, bp: number) =>
      bp === 10_000 ? money(hourlyMinor) : t('billing.multiplied', { rate: money(hourlyMinor), factor: new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(bp / 10_000) })
    table(
      BILL_COLUMNS,
      [{ text: t('billing.col.group') }, { text: t('billing.col.class') }, { text: t('billing.col.hours'), right: true }, { text: t('billing.col.rate'), right: true }, { text: t('billing.col.amount'), right: true }],
      customer.lines.map((line) => [
        { text: line.groupName ?? t(`billing.noGroup.${run.groupBy}`) },
        { text: t(`billing.class.${line.rateClass}`) },
        { text: hours(line.seconds), right: true },
        { text: rate(line.hourlyMinor, line.multiplierBp), right: true },
        { text: money(line.amountMinor), right: true },
      ]),
    )
    room(1)
    rule(y, 0.6)
    const seconds = customer.lines.reduce((sum, line) => sum + line.seconds, 0)
    row(BILL_COLUMNS, [{ text: t('billing.total') }, { text: '' }, { text: hours(seconds), right: true }, { text: '' }, { text: money(customer.totalMinor), right: true }], { bold: true })
    if (customer.includedSeconds > 0) {
      room(1)
      row([WIDTH], [{ text: t('billing.file.included') + ': ' + hours(customer.includedSeconds) }], { colour: '#444' })
    }
    y += 8
  }

  if (run.bills.length === 0) {
    text(t('billing.empty', { from: day(run.from), to: day(run.to) }), MARGIN, y, WIDTH)
    y += ROW * 2
  }
  run.bills.forEach(bill)
  room(2)
  text(t('billing.grandTotal', { amount: money(run.totalMinor) }), MARGIN, y + 4, WIDTH, { bold: true, size: 11 })
  y += 30

  room(3)
  text(t('billing.leftOut.title'), MARGIN, y, WIDTH, { bold: true, size: 12 })
  y += 20
  if (run.leftOut.length === 0) {
    text(t('billing.pdf.noneLeftOut'), MARGIN, y, WIDTH)
  } else {
    table(
      LEFT_OUT_COLUMNS,
      [{ text: t('billing.leftOut.day') }, { text: run.leftOut.some((entry) => entry.person !== undefined) ? `${t('billing.leftOut.person')} · ${t('billing.leftOut.workItem')}` : t('billing.leftOut.workItem') }, { text: t('billing.col.hours'), right: true }, { text: t('billing.leftOut.reason') }],
      run.leftOut.map((entry) => [
        { text: day(entry.day) },
        { text: entry.person === undefined ? (entry.workItem ?? t('billing.none')) : `${entry.person} · ${entry.workItem ?? t('billing.none')}` },
        { text: hours(entry.seconds), right: true },
        { text: reasonWords(entry.reason, entry.activityType, translator) },
      ]),
    )
  }

  const { start, count } = doc.bufferedPageRange()
  const printed = t('timesheetPdf.printed', { when: formatInstant(printedAt, locale) })
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page)
    doc.page.margins.bottom = 0
    text(printed, MARGIN, BOTTOM + 10, WIDTH / 2, { size: 7.5, colour: '#444' })
    text(t('timesheetPdf.page', { page: page - start + 1, pages: count }), MARGIN + WIDTH / 2, BOTTOM + 10, WIDTH / 2, { size: 7.5, colour: '#444', right: true })
    doc.page.margins.bottom = MARGIN
  }
  doc.end()
  return done
}
