// The printed timesheet of one period (issue 18 §4): who, which period and of what kind,
// the grid (a row per work item with its customer and activity, a column per day, row
// totals, day totals and the period's total), the period's status and every status
// change with who made it and when, and signature lines for the technician and the
// approver. A4: portrait while the days fit (a week), landscape with smaller type for
// longer periods (a month's 31 columns fit one page width; rows run on over pages). The
// page head and the grid's column head repeat on every page, and every page is numbered.
// The embedded font of every PDF (src/documents/pdf-fonts.ts): any Latin, Greek or Cyrillic name prints.
import { formatDuration, type DurationUnit } from '@shared/duration'
import { dayRangeLabel } from '@shared/periods'
import { formatDayMonth, formatInstant, weekdayName } from '@shared/i18n/formats'
import type { Translator } from '@shared/i18n/translator'
import { SELF_ACTOR, type PeriodEvent, type Timesheet } from '@shared/timesheet'
import { PDF_FONT, pdfDocument } from '../../documents/pdf-fonts'
import { drawGrid, drawHistory, drawSignatures, type GridColumns, type Pen } from './timesheet-pdf-parts'

/** A grid row with its names already looked up. */
export interface PdfRow {
  /** 'TICKET-1 · Printer', or the catalogue's "No work item". */
  readonly item: string
  readonly customer: string | null
  readonly activity: string
  readonly billable: boolean
  /** Seconds per day of the period, in the order of `sheet.days`. */
  readonly seconds: readonly number[]
  readonly totalSeconds: number
}

export interface TimesheetPdfInput {
  readonly sheet: Pick<Timesheet, 'start' | 'end' | 'label' | 'status' | 'level' | 'reason' | 'history' | 'days'>
  readonly rows: readonly PdfRow[]
  /** Whose timesheet; null when the device does not know a name (standalone): a line to write it on. */
  readonly person: string | null
  /** The heading of the period in the reader's language (periodHeading). */
  readonly heading: string
  readonly unit: DurationUnit
  readonly translator: Translator
  /** When it is printed (ms): in the footer and the file's metadata. */
  readonly printedAt: number
}

/** Days up to which a period is printed on a portrait page. */
const PORTRAIT_DAYS = 10

/** The kind of a period, read from its days as periodHeading reads it: the catalogue's words for the period rules. */
function kindOf(start: string, end: string, days: number, translator: Translator): string {
  if (days === 7) return translator.t('settings.timesheet.weekly')
  if (days === 14) return translator.t('settings.timesheet.biweekly')
  const last = new Date(Date.UTC(Number(end.slice(0, 4)), Number(end.slice(5, 7)), 0)).getUTCDate()
  if (start.endsWith('-01') && Number(end.slice(8)) === last) return translator.t('settings.timesheet.monthly')
  return translator.t('settings.timesheet.semimonthly')
}

/** What a status change was, in words: submitted, approved at level 1 or 2, approved, rejected, withdrawn, reopened. */
export function eventWords(history: readonly PeriodEvent[], translator: Translator): string[] {
  const { t } = translator
  const status = (word: string) => (['open', 'submitted', 'approved', 'rejected'].includes(word) ? t(`timesheet.status.${word as 'open'}`) : word)
  let firstLevelDone = false
  return history.map((event) => {
    const { from, to } = event
    if (to === 'submitted' && from !== 'submitted') {
      firstLevelDone = false
      return t('timesheetPdf.event.submitted')
    }
    if (from === 'submitted' && to === 'submitted') {
      firstLevelDone = true
      return t('history.level1')
    }
    // Standalone, submitting approves at once (open to approved).
    if (to === 'approved') return t(firstLevelDone && from === 'submitted' ? 'timesheetPdf.event.level2' : 'timesheetPdf.event.approved')
    if (to === 'rejected') return t('timesheetPdf.event.rejected')
    if (from === 'submitted' && to === 'open') return t('timesheetPdf.event.withdrawn')
    if (to === 'open') return t('timesheetPdf.event.reopened')
    return t('timesheetPdf.event.other', { from: status(from), to: status(to) })
  })
}

/** The PDF's bytes. */
export function timesheetPdf(input: TimesheetPdfInput): Promise<Buffer> {
  const { sheet, rows, translator, unit } = input
  const { t, locale } = translator
  const landscape = sheet.days.length > PORTRAIT_DAYS
  const margin = landscape ? 30 : 40
  const doc = pdfDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `${t('timesheet.title')} ${sheet.start} – ${sheet.end}`, Author: input.person ?? '', Creator: 'Stint', CreationDate: new Date(input.printedAt) },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const duration = (seconds: number) => formatDuration(seconds, unit, locale)
  const width = (landscape ? 841.89 : 595.28) - 2 * margin
  const pageBottom = (landscape ? 595.28 : 841.89) - margin - 22 // room for the footer
  const status = sheet.status === 'submitted' && sheet.level !== null ? t('approvals.status.submitted', { level: sheet.level }) : t(`timesheet.status.${sheet.status}`)
  const range = dayRangeLabel(sheet, locale)
  const kind = kindOf(sheet.start, sheet.end, sheet.days.length, translator)

  // The head of every page: title, person, period, status.
  const pageHead = (): number => {
    doc.addPage()
    let y = margin
    doc.font(PDF_FONT.bold).fontSize(15).fillColor('#000').text(`${t('timesheet.title')}: ${input.heading}`, margin, y, { width, lineBreak: false })
    y += 21
    doc.font(PDF_FONT.regular).fontSize(9.5)
    const person = t('timesheetPdf.person', { name: input.person ?? '' })
    doc.text(input.person === null ? `${person}________________________` : person, margin, y, { width, lineBreak: false })
    y += 13
    doc.text(t('timesheetPdf.period', { label: input.heading, range, kind }), margin, y, { width, lineBreak: false })
    y += 13
    doc.text(t('timesheetPdf.status', { status }), margin, y, { width, lineBreak: false })
    y += 13
    if (sheet.reason !== null && (sheet.status === 'rejected' || sheet.status === 'open')) {
      doc.text(t('timesheetPdf.reason', { reason: sheet.reason }), margin, y, { width, lineBreak: false, ellipsis: true, height: 12 })
      y += 13
    }
    doc.moveTo(margin, y + 2).lineTo(margin + width, y + 2).lineWidth(0.6).strokeColor('#000').stroke()
    return y + 10
  }

  const pen: Pen = { doc, left: margin, width, bottom: pageBottom, newPage: pageHead }
  let y = pageHead()

  // The grid's columns: the name column, one per day, the row total; type small enough for the widest figure.
  const totals = sheet.days.map((_, index) => rows.reduce((sum, row) => sum + (row.seconds[index] ?? 0), 0))
  const grand = totals.reduce((sum, seconds) => sum + seconds, 0)
  const nameWidth = landscape ? 130 : 190
  const totalWidth = landscape ? 44 : 52
  const dayWidth = (width - nameWidth - totalWidth) / sheet.days.length
  const figures = [...rows.flatMap((row) => row.seconds.map(duration)), ...totals.map(duration)]
  doc.font(PDF_FONT.regular)
  const widest = Math.max(...figures.map((text) => doc.fontSize(1).widthOfString(text)), doc.fontSize(1).widthOfString('00:00'))
  const cellSize = Math.min(landscape ? 7.5 : 8.5, (dayWidth - 5) / widest)
  const columns: GridColumns = {
    nameWidth,
    dayWidth,
    totalWidth,
    cellSize,
    heads: sheet.days.map((day) => ({
      weekday: weekdayName(day.weekday, locale, 'short'),
      date: landscape ? formatDayMonth(day.day, locale).replace(/\s*\S+$/, '') : formatDayMonth(day.day, locale),
      weekend: day.weekday === 0 || day.weekday === 6,
    })),
  }
  y = drawGrid(pen, y, columns, {
    rowHeader: t('timesheetPdf.rowHeader'),
    total: t('grid.total'),
    dayTotalsLabel: t('timesheetPdf.dayTotals'),
    nonBillable: t('grid.nonBillable'),
    noRows: t('timesheetPdf.noRows'),
    rows: rows.map((row) => ({ item: row.item, detail: [row.customer, row.activity].filter((part) => part !== null).join(' · '), billable: row.billable, cells: row.seconds.map((s) => (s > 0 ? duration(s) : '')), total: duration(row.totalSeconds) })),
    dayTotals: totals.map(duration),
    grandTotal: duration(grand),
    grandTotalLine: t('timesheetPdf.grandTotal', { duration: duration(grand) }),
  })

  const changes = eventWords(sheet.history, translator)
  y = drawHistory(pen, y + 16, {
    title: t('timesheetPdf.history'),
    empty: t('timesheetPdf.noHistory'),
    heads: [t('history.when'), t('history.who'), t('history.change'), t('history.reason')],
    rows: sheet.history.map((event, index) => [formatInstant(event.at, locale), event.actor === SELF_ACTOR ? t('history.you') : event.actor, changes[index] ?? '', event.reason ?? '—']),
  })

  drawSignatures(pen, y + 22, { title: t('timesheetPdf.signatures'), technician: t('timesheetPdf.signTechnician'), approver: t('timesheetPdf.signApprover'), date: t('timesheetPdf.date'), person: input.person })

  // Page numbers and the printing time, now that the number of pages is known.
  const { start, count } = doc.bufferedPageRange()
  const printed = t('timesheetPdf.printed', { when: formatInstant(input.printedAt, locale) })
  for (let page = start; page < start + count; page++) {
    doc.switchToPage(page)
    const footY = pageBottom + 10
    // Writing below the bottom margin would start a new page: lift the margin for the footer.
    doc.page.margins.bottom = 0
    doc.font(PDF_FONT.regular).fontSize(7.5).fillColor('#444')
    doc.text(printed, margin, footY, { width: width / 2, lineBreak: false })
    doc.text(t('timesheetPdf.page', { page: page - start + 1, pages: count }), margin + width / 2, footY, { width: width / 2, align: 'right', lineBreak: false })
    doc.page.margins.bottom = margin
  }
  doc.end()
  return done
}
