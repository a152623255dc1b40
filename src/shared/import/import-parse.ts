// Reads another tracker's CSV export into candidates for entries. Each source is its
// documented header row: Toggl Track's detailed report, Clockify's detailed report,
// Harvest's detailed time report and Kimai's timesheet export (English or German
// headers). The source is told by the header row (or chosen by the person); fields
// may be split by ',' ';' or tabs; a BOM and quoted line breaks are read as such. A row
// that cannot be read is refused naming its line and column; the others still come.
import { parse } from 'csv-parse/sync'
import type { Refusal } from '../i18n/refusal-text'
import { readDay, readDuration, readFlag, readTags, readTime, rowHash, secondsOfDay, slashOrderOf, type SlashOrder } from './import-values'
import { IMPORT_SOURCES, type ImportSource } from './import-types'

type Field = 'day' | 'start' | 'endDay' | 'end' | 'duration' | 'description' | 'project' | 'client' | 'task' | 'billable' | 'tags'

interface SourceColumns {
  readonly name: string
  /** Header names per field, first found wins (compared case-insensitively). */
  readonly fields: Readonly<Partial<Record<Field, readonly string[]>>>
  /** Fields a file of this source always has. */
  readonly required: readonly Field[]
  /** Headers only this source writes: how it is told from the others. */
  readonly marks: readonly string[]
}

export const SOURCES: Readonly<Record<ImportSource, SourceColumns>> = {
  toggl: {
    name: 'Toggl Track',
    fields: {
      day: ['Start date'],
      start: ['Start time'],
      endDay: ['End date'],
      end: ['End time'],
      duration: ['Duration'],
      description: ['Description'],
      project: ['Project'],
      client: ['Client'],
      task: ['Task'],
      billable: ['Billable'],
      tags: ['Tags'],
    },
    required: ['day', 'duration', 'description', 'project'],
    marks: ['Start date', 'Start time', 'Duration'],
  },
  clockify: {
    name: 'Clockify',
    fields: {
      day: ['Start Date'],
      start: ['Start Time'],
      endDay: ['End Date'],
      end: ['End Time'],
      duration: ['Duration (h)', 'Duration (decimal)'],
      description: ['Description'],
      project: ['Project'],
      client: ['Client'],
      task: ['Task'],
      billable: ['Billable'],
      tags: ['Tags'],
    },
    required: ['day', 'duration', 'description', 'project'],
    marks: ['Duration (h)', 'Duration (decimal)'],
  },
  harvest: {
    name: 'Harvest',
    fields: { day: ['Date'], duration: ['Hours'], description: ['Notes'], project: ['Project'], client: ['Client'], task: ['Task'], billable: ['Billable?'] },
    required: ['day', 'duration', 'project'],
    marks: ['Hours', 'Notes', 'Billable?', 'Project Code', 'Hours Rounded'],
  },
  kimai: {
    name: 'Kimai',
    fields: {
      day: ['Date', 'Datum'],
      start: ['From', 'Begin', 'Von', 'Beginn'],
      end: ['To', 'End', 'Bis', 'Ende'],
      duration: ['Duration', 'Dauer'],
      description: ['Description', 'Beschreibung'],
      project: ['Project', 'Projekt'],
      client: ['Customer', 'Kunde'],
      task: ['Activity', 'Tätigkeit', 'Aktivität'],
      billable: ['Billable', 'Abrechenbar'],
      tags: ['Tags', 'Schlagworte'],
    },
    required: ['day', 'duration', 'project'],
    marks: ['Activity', 'Tätigkeit', 'Customer', 'Kunde', 'From', 'Von'],
  },
}

export interface ImportCandidate {
  /** The row's line in the file (header: 1); a quoted line break makes a row span lines, this is its first. */
  line: number
  /** The row's key: a hash of its cells and how often the same row came before, so the same file gives the same keys. */
  key: string
  day: string
  /** 'HH:MM:SS' wall-clock times when the file gives them; an end may be on the next day. */
  start: string | null
  endDay: string | null
  end: string | null
  seconds: number
  description: string
  project: string
  client: string
  task: string
  billable: boolean | null
  tags: string[]
}

export interface UnreadableRow {
  line: number
  reason: Refusal
}

export type ParseResult =
  | { ok: true; source: ImportSource; candidates: ImportCandidate[]; unreadable: UnreadableRow[] }
  | { ok: false; reason: Refusal }

const MAX_SECONDS = 24 * 3600
const MAX_TEXT = 2000

function lower(text: string): string {
  return text.trim().toLowerCase()
}

/** The separator the header row uses most, outside quotes. */
export function separatorOf(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';'
  if (counts['\t'] > counts[',']) return '\t'
  return ','
}

/** The sources whose marks and required columns the header has, best first. */
export function detectSources(header: readonly string[]): ImportSource[] {
  const names = new Set(header.map(lower))
  const scored = IMPORT_SOURCES.map((source) => {
    const columns = SOURCES[source]
    const missing = missingFields(source, names)
    const marks = columns.marks.filter((mark) => names.has(lower(mark))).length
    return { source, score: missing.length === 0 ? marks : 0 }
  })
  // Clockify's and Toggl's headers differ in a letter's case only, except for Clockify's durations.
  const clockify = names.has('duration (h)') || names.has('duration (decimal)')
  return scored
    .filter((s) => s.score > 0 && !(s.source === 'toggl' && clockify))
    .sort((a, b) => b.score - a.score)
    .map((s) => s.source)
}

function missingFields(source: ImportSource, names: ReadonlySet<string>): string[] {
  const columns = SOURCES[source]
  return columns.required.filter((field) => !(columns.fields[field] ?? []).some((name) => names.has(lower(name)))).map((field) => columns.fields[field]?.[0] ?? field)
}

function columnIndex(header: readonly string[], names: readonly string[] | undefined): number {
  for (const name of names ?? []) {
    const index = header.findIndex((cell) => lower(cell) === lower(name))
    if (index >= 0) return index
  }
  return -1
}

type Records = { record: string[]; line: number }[]

function readRecords(text: string): Records | Refusal {
  const body = text.replace(/^\uFEFF/, '')
  try {
    const rows = parse(body, { delimiter: separatorOf(body), relax_column_count: true, skip_empty_lines: true, info: true, bom: true }) as unknown as { record: string[]; info: { lines: number } }[]
    // info.lines is where the record ends; a record starts after the previous one's end.
    let previousEnd = 0
    return rows.map(({ record, info }) => {
      const line = previousEnd + 1
      previousEnd = info.lines
      return { record, line }
    })
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return { id: 'refusal.import.notCsv', values: { line: typeof line === 'number' ? line : 1 } }
  }
}

/** Reads the file as `source`, or as the source its header row names. */
export function parseImport(text: string, chosen?: ImportSource): ParseResult {
  const records = readRecords(text)
  if (!Array.isArray(records)) return { ok: false, reason: records }
  const [head, ...rows] = records
  if (head === undefined || rows.length === 0) return { ok: false, reason: { id: 'refusal.import.empty' } }
  const header = head.record.map((cell) => cell.trim())
  const source = chosen ?? detectSources(header)[0]
  if (source === undefined) return { ok: false, reason: { id: 'refusal.import.unknownSource' } }
  const missing = missingFields(source, new Set(header.map(lower)))
  if (missing.length > 0) return { ok: false, reason: { id: 'refusal.import.columnsMissing', values: { source: SOURCES[source].name, columns: missing.join(', ') } } }
  const index = Object.fromEntries(
    (Object.keys(SOURCES[source].fields) as Field[]).map((field) => [field, columnIndex(header, SOURCES[source].fields[field])]),
  ) as Record<Field, number>
  const dayIndex = index.day
  const order = slashOrderOf(rows.map((row) => row.record[dayIndex] ?? ''))
  const seen = new Map<string, number>()
  const candidates: ImportCandidate[] = []
  const unreadable: UnreadableRow[] = []
  for (const { record, line } of rows) {
    if (record.every((cell) => cell.trim() === '')) continue
    const base = rowHash(`${source}\u001f${record.map((cell) => cell.trim()).join('\u001f')}`)
    const occurrence = (seen.get(base) ?? 0) + 1
    seen.set(base, occurrence)
    const read = readRow(record, index, header, order, line)
    if ('reason' in read) unreadable.push({ line, reason: read.reason })
    else candidates.push({ ...read, line, key: `${base}-${occurrence}` })
  }
  return { ok: true, source, candidates, unreadable }
}

type Read = Omit<ImportCandidate, 'line' | 'key'> | { reason: Refusal }

function readRow(record: readonly string[], index: Record<Field, number>, header: readonly string[], order: SlashOrder, line: number): Read {
  const cell = (field: Field) => (index[field] >= 0 ? (record[index[field]] ?? '').trim() : '')
  const refuse = (id: Refusal['id'], field: Field): { reason: Refusal } => ({ reason: { id, values: { line, column: header[index[field]] ?? field, value: cell(field).slice(0, 40) } } })
  const day = readDay(cell('day'), order)
  if (day === null) return refuse('refusal.import.badDay', 'day')
  const start = cell('start') === '' ? null : readTime(cell('start'))
  if (start === null && cell('start') !== '') return refuse('refusal.import.badTime', 'start')
  const end = cell('end') === '' ? null : readTime(cell('end'))
  if (end === null && cell('end') !== '') return refuse('refusal.import.badTime', 'end')
  const endDay = cell('endDay') === '' ? null : readDay(cell('endDay'), order)
  if (endDay === null && cell('endDay') !== '') return refuse('refusal.import.badDay', 'endDay')
  let seconds = cell('duration') === '' ? null : readDuration(cell('duration'))
  if (seconds === null && cell('duration') !== '') return refuse('refusal.import.badDuration', 'duration')
  const times = start !== null && end !== null
  let lastDay: string | null = null
  if (times) {
    // Without an end day, an end earlier than the start is on the next day (across midnight).
    lastDay = endDay ?? (secondsOfDay(end) <= secondsOfDay(start) ? dayAfter(day) : day)
    const span = daysBetween(day, lastDay) * 86400 + secondsOfDay(end) - secondsOfDay(start)
    if (span <= 0) return refuse('refusal.import.endBeforeStart', 'end')
    seconds = span
  }
  if (seconds === null) return refuse('refusal.import.noDuration', 'duration')
  if (seconds <= 0 || seconds > MAX_SECONDS) return refuse('refusal.import.tooLong', 'duration')
  const description = cell('description')
  if (description.length > MAX_TEXT) return refuse('refusal.import.textTooLong', 'description')
  const flag = cell('billable')
  const billable = index.billable >= 0 && flag !== '' ? readFlag(flag) : null
  if (billable === null && index.billable >= 0 && flag !== '') return refuse('refusal.import.badFlag', 'billable')
  return {
    day,
    start: times ? start : null,
    end: times ? end : null,
    endDay: lastDay,
    seconds,
    description,
    project: cell('project'),
    client: cell('client'),
    task: cell('task'),
    billable,
    tags: readTags(cell('tags')),
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}
