// The parts of the printed timesheet (timesheet-pdf.ts): the grid, the history of status
// changes and the signature lines. Each part starts a new page (whose head the caller
// draws) when the next line would not fit, and repeats its own column head there.
import { PDF_FONT, type PdfFont } from '../../documents/pdf-fonts'

/** Where the parts draw: the document, the printable width, the lowest y above the footer, and how a new page starts. */
export interface Pen {
  readonly doc: PDFKit.PDFDocument
  readonly left: number
  readonly width: number
  readonly bottom: number
  /** Adds a page with its head; answers the y below the head. */
  readonly newPage: () => number
}

export interface GridColumns {
  readonly nameWidth: number
  readonly dayWidth: number
  readonly totalWidth: number
  /** The type size of the figures. */
  readonly cellSize: number
  readonly heads: readonly { readonly weekday: string; readonly date: string; readonly weekend: boolean }[]
}

export interface GridText {
  readonly rowHeader: string
  readonly total: string
  readonly dayTotalsLabel: string
  readonly nonBillable: string
  readonly noRows: string
  readonly rows: readonly { readonly item: string; readonly detail: string; readonly billable: boolean; readonly cells: readonly string[]; readonly total: string }[]
  readonly dayTotals: readonly string[]
  readonly grandTotal: string
  readonly grandTotalLine: string
}

const GREY = '#555'
const RULE = '#999'
const SHADE = '#eeeeee'

function rule(pen: Pen, y: number, weight = 0.4, colour = RULE): void {
  pen.doc.moveTo(pen.left, y).lineTo(pen.left + pen.width, y).lineWidth(weight).strokeColor(colour).stroke()
}

/** One line of text, cut with an ellipsis if it is too wide. */
function line(pen: Pen, text: string, x: number, y: number, width: number, options: { align?: 'left' | 'right' | 'center'; font?: PdfFont; size: number; colour?: string }): void {
  pen.doc
    .font(options.font ?? PDF_FONT.regular)
    .fontSize(options.size)
    .fillColor(options.colour ?? '#000')
    .text(text, x, y, { width, align: options.align ?? 'left', lineBreak: false, ellipsis: true, height: options.size * 1.3 })
}

/** The grid; answers the y below it. */
export function drawGrid(pen: Pen, top: number, columns: GridColumns, text: GridText): number {
  const { doc, left } = pen
  const { nameWidth, dayWidth, totalWidth, cellSize, heads } = columns
  const dayX = (index: number) => left + nameWidth + index * dayWidth
  const totalX = left + nameWidth + heads.length * dayWidth
  const rowHeight = Math.max(19, cellSize * 2.6)
  const headSize = Math.min(7.5, cellSize)
  // The head of the name column in smaller type where the words are wider than a landscape page's column (German).
  const rowHeaderSize = Math.min(7.5, (nameWidth - 4) / doc.font(PDF_FONT.bold).fontSize(1).widthOfString(text.rowHeader))

  const shadeWeekends = (y: number, height: number) => {
    heads.forEach((head, index) => {
      if (head.weekend) doc.rect(dayX(index), y + 0.4, dayWidth, height - 0.8).fill(SHADE)
    })
  }
  const columnHead = (y: number): number => {
    const height = 24
    shadeWeekends(y, height)
    line(pen, text.rowHeader, left + 2, y + 8, nameWidth - 4, { font: PDF_FONT.bold, size: rowHeaderSize })
    heads.forEach((head, index) => {
      line(pen, head.weekday, dayX(index), y + 3, dayWidth, { align: 'center', font: PDF_FONT.bold, size: headSize })
      line(pen, head.date, dayX(index), y + 13, dayWidth, { align: 'center', size: headSize })
    })
    line(pen, text.total, totalX, y + 8, totalWidth - 2, { align: 'right', font: PDF_FONT.bold, size: 7.5 })
    rule(pen, y + height, 0.8, '#000')
    return y + height
  }

  let y = columnHead(top)
  if (text.rows.length === 0) {
    line(pen, text.noRows, left + 2, y + 6, pen.width, { size: 9 })
    y += 20
  }
  for (const row of text.rows) {
    if (y + rowHeight > pen.bottom - rowHeight) y = columnHead(pen.newPage())
    shadeWeekends(y, rowHeight)
    line(pen, row.item, left + 2, y + 2.5, nameWidth - 4, { font: PDF_FONT.bold, size: 7.5 })
    line(pen, row.billable ? row.detail : `${row.detail} · ${text.nonBillable}`, left + 2, y + 11, nameWidth - 4, { size: 6.5, colour: GREY })
    row.cells.forEach((cell, index) => {
      if (cell !== '') line(pen, cell, dayX(index), y + 2.5, dayWidth - 2.5, { align: 'right', size: cellSize })
    })
    line(pen, row.total, totalX, y + 2.5, totalWidth - 2, { align: 'right', font: PDF_FONT.bold, size: Math.min(8.5, cellSize + 0.5) })
    y += rowHeight
    rule(pen, y)
  }
  // The day totals and the period's total, kept with the last rows (or on a page of their own, under the column head).
  if (y + rowHeight + 18 > pen.bottom) y = columnHead(pen.newPage())
  rule(pen, y, 0.8, '#000')
  line(pen, text.dayTotalsLabel, left + 2, y + (rowHeight - 7.5) / 2, nameWidth - 4, { font: PDF_FONT.bold, size: 7.5 })
  text.dayTotals.forEach((total, index) => line(pen, total, dayX(index), y + (rowHeight - cellSize) / 2, dayWidth - 2.5, { align: 'right', font: PDF_FONT.bold, size: cellSize }))
  line(pen, text.grandTotal, totalX, y + (rowHeight - cellSize) / 2, totalWidth - 2, { align: 'right', font: PDF_FONT.bold, size: Math.min(8.5, cellSize + 0.5) })
  y += rowHeight
  rule(pen, y, 0.8, '#000')
  line(pen, text.grandTotalLine, left, y + 6, pen.width - 2, { align: 'right', font: PDF_FONT.bold, size: 9.5 })
  return y + 20
}

export interface HistoryText {
  readonly title: string
  readonly empty: string
  /** When, who, change, reason. */
  readonly heads: readonly [string, string, string, string]
  readonly rows: readonly (readonly [string, string, string, string])[]
}

/** The status changes, oldest first; answers the y below them. */
export function drawHistory(pen: Pen, top: number, text: HistoryText): number {
  const { doc, left, width } = pen
  const widths = [105, 120, 115, width - 340]
  const xs = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, w) => sum + w, 0))
  const size = 8
  const head = (y: number): number => {
    line(pen, text.title, left, y, width, { font: PDF_FONT.bold, size: 10.5 })
    y += 16
    text.heads.forEach((word, index) => line(pen, word, (xs[index] ?? left) + 2, y, (widths[index] ?? 0) - 4, { font: PDF_FONT.bold, size }))
    rule(pen, y + 12, 0.6, '#000')
    return y + 15
  }
  let y = top + 40 > pen.bottom ? pen.newPage() : top
  y = head(y)
  if (text.rows.length === 0) {
    line(pen, text.empty, left + 2, y + 2, width, { size })
    return y + 16
  }
  for (const row of text.rows) {
    doc.font(PDF_FONT.regular).fontSize(size)
    const reasonHeight = doc.heightOfString(row[3], { width: (widths[3] ?? 0) - 4 })
    const height = Math.max(size * 1.3, reasonHeight) + 5
    if (y + height > pen.bottom) y = head(pen.newPage())
    row.slice(0, 3).forEach((cell, index) => line(pen, cell, (xs[index] ?? left) + 2, y + 2, (widths[index] ?? 0) - 4, { size }))
    doc.font(PDF_FONT.regular).fontSize(size).fillColor('#000').text(row[3], (xs[3] ?? left) + 2, y + 2, { width: (widths[3] ?? 0) - 4 })
    y += height
    rule(pen, y)
  }
  return y
}

export interface SignatureText {
  readonly title: string
  readonly technician: string
  readonly approver: string
  readonly date: string
  /** Printed under the technician's line when known. */
  readonly person: string | null
}

/** Two signature lines (technician, approver), each with a line for the date; kept together on one page. */
export function drawSignatures(pen: Pen, top: number, text: SignatureText): void {
  const { left, width } = pen
  const height = 90
  let y = top + height > pen.bottom ? pen.newPage() + 10 : top
  line(pen, text.title, left, y, width, { font: PDF_FONT.bold, size: 10.5 })
  y += 48
  const half = width / 2
  const block = (x: number, label: string, under: string | null) => {
    const signWidth = half * 0.58
    const dateX = x + signWidth + 14
    const dateWidth = half - signWidth - 40
    pen.doc.moveTo(x, y).lineTo(x + signWidth, y).moveTo(dateX, y).lineTo(dateX + dateWidth, y).lineWidth(0.7).strokeColor('#000').stroke()
    line(pen, label, x, y + 4, signWidth, { size: 8 })
    line(pen, text.date, dateX, y + 4, dateWidth, { size: 8 })
    if (under !== null) line(pen, under, x, y + 15, signWidth, { size: 8, colour: GREY })
  }
  block(left, text.technician, text.person)
  block(left + half, text.approver, null)
}
