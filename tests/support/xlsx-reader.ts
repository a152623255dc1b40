// An XLSX reader for tests, independent of exceljs (which writes the files): unzips with
// fflate and reads the sheet, styles and workbook XML with plain patterns, so a test sees
// what any spreadsheet would: each cell's type attribute, whether it has a formula, its
// number format, and whether the header is frozen and filtered.
import { strFromU8, unzipSync } from 'fflate'

export interface ReadCell {
  /** The cell's t attribute: 'inlineStr', 's', 'str', 'b', 'e' or 'n' (a number, also when absent). */
  readonly type: string
  /** The text of a string cell, the numeral of a number cell. */
  readonly raw: string
  /** The formula, if the cell has one (it should never have). */
  readonly formula: string | undefined
  /** The number format code of the cell's style ('General' when none). */
  readonly numFmt: string
  readonly bold: boolean
  /** A number cell as a number; a date-formatted one also as an ISO day. */
  readonly number: number | undefined
  readonly day: string | undefined
}

export interface ReadSheet {
  /** Rows by 1-based row number, cells by column letters. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<string, ReadCell>>
  readonly frozenRows: number
  readonly autoFilter: string | undefined
  readonly sheetName: string | undefined
  readonly columnWidths: readonly number[]
  /** Cell (A1 style) → cell. */
  cell(ref: string): ReadCell | undefined
  /** Each row's cells in column order as displayed values (text, number or ISO day), for easy comparison. */
  values(): (string | number | null)[][]
}

const BUILT_IN_FORMATS: Readonly<Record<number, string>> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 14: 'mm-dd-yy', 22: 'm/d/yy h:mm' }

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec))
    if (hex) return String.fromCodePoint(parseInt(hex, 16))
    return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? ''
  })
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)
  return match ? unescapeXml(match[1] as string) : undefined
}

function isDateFormat(code: string): boolean {
  return /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''))
}

function serialToDay(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString().slice(0, 10)
}

function columnOf(ref: string): string {
  return /^[A-Z]+/.exec(ref)?.[0] ?? ''
}

/** A → 1, AA → 27. */
function columnIndex(letters: string): number {
  let index = 0
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64)
  return index
}

/** The `sheet`th sheet (1-based, as the workbook lists them) of an XLSX file; the first by default. */
export function readXlsx(bytes: Uint8Array, sheet = 1): ReadSheet {
  const files = unzipSync(bytes)
  const text = (path: string): string => {
    const file = files[path]
    if (!file) throw new Error(`the file has no ${path}`)
    return strFromU8(file)
  }
  const styles = text('xl/styles.xml')
  const formats = new Map<number, string>(Object.entries(BUILT_IN_FORMATS).map(([id, code]) => [Number(id), code]))
  for (const match of styles.matchAll(/<numFmt\b[^>]*>/g)) formats.set(Number(attribute(match[0], 'numFmtId')), attribute(match[0], 'formatCode') ?? '')
  const fonts = [...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((match) => /<b\/>|<b val="(1|true)"\/>/.test(match[1] ?? ''))
  const xfs = [...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*>/g)].map((match) => ({
    numFmt: formats.get(Number(attribute(match[0], 'numFmtId') ?? 0)) ?? 'General',
    bold: fonts[Number(attribute(match[0], 'fontId') ?? 0)] ?? false,
  }))

  const sheetXml = text(`xl/worksheets/sheet${sheet}.xml`)
  const rows = new Map<number, Map<string, ReadCell>>()
  for (const match of sheetXml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const tag = match[1] as string
    const body = match[2] ?? ''
    const ref = attribute(tag, 'r') ?? ''
    const type = attribute(tag, 't') ?? 'n'
    const style = xfs[Number(attribute(tag, 's') ?? 0)] ?? { numFmt: 'General', bold: false }
    const formula = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body)?.[1]
    const raw = type === 'inlineStr' ? [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => unescapeXml(t[1] as string)).join('') : unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '')
    const number = type === 'n' && raw !== '' ? Number(raw) : undefined
    const day = number !== undefined && isDateFormat(style.numFmt) ? serialToDay(number) : undefined
    const rowNumber = Number(/\d+$/.exec(ref)?.[0])
    const row = rows.get(rowNumber) ?? new Map<string, ReadCell>()
    row.set(columnOf(ref), { type, raw, formula: formula === undefined ? undefined : unescapeXml(formula), numFmt: style.numFmt, bold: style.bold, number, day })
    rows.set(rowNumber, row)
  }
  const pane = /<pane\b[^>]*>/.exec(sheetXml)?.[0]
  const frozenRows = pane && attribute(pane, 'state') === 'frozen' ? Number(attribute(pane, 'ySplit') ?? 0) : 0
  const filter = /<autoFilter\b[^>]*>/.exec(sheetXml)?.[0]
  const columnWidths = [...sheetXml.matchAll(/<col\b[^>]*>/g)].map((match) => Number(attribute(match[0], 'width')))
  const sheetTag = [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)][sheet - 1]?.[0]

  return {
    rows,
    frozenRows,
    autoFilter: filter ? attribute(filter, 'ref') : undefined,
    sheetName: sheetTag ? attribute(sheetTag, 'name') : undefined,
    columnWidths,
    cell: (ref) => rows.get(Number(/\d+$/.exec(ref)?.[0]))?.get(columnOf(ref)),
    values: () =>
      [...rows.keys()]
        .sort((a, b) => a - b)
        .map((number) => {
          const row = rows.get(number) as Map<string, ReadCell>
          // Empty cells are not in the file: each cell goes to its column's place, gaps are null.
          const width = Math.max(0, ...[...(rows.get(1)?.keys() ?? []), ...row.keys()].map(columnIndex))
          const values: (string | number | null)[] = Array.from({ length: width }, () => null)
          for (const [column, cell] of row) values[columnIndex(column) - 1] = cell.day ?? cell.number ?? (cell.raw === '' ? null : cell.raw)
          return values
        }),
  }
}
