// The 'export.timesheetPdf' call: the period's grid and history as the timesheet loads
// them, the rows named as the grid names them, printed (timesheet-pdf.ts) and handed to
// the export destination like any CSV export (a save dialog in the app, written
// atomically; a one-time download in the browser host).
import { refuse } from '@shared/errors'
import type { DurationUnit } from '@shared/duration'
import type { ExportResult, TimesheetPdfRequest } from '@shared/exports'
import { createTranslator, type Translator } from '@shared/i18n/translator'
import { periodHeading } from '@shared/period-heading'
import type { Timesheet } from '@shared/timesheet'
import { workItemDisplayName, type ActivityType, type WorkItem } from '@shared/work'
import { MACHINE_DIALECT } from '@shared/csv-dialect'
import { deliverJob, type CsvDestination, type CsvJob } from './exporter'
import { timesheetPdf, type PdfRow } from './timesheet-pdf'

export interface TimesheetPdfDeps {
  load: (day: string) => Promise<Timesheet>
  workItems: () => Promise<WorkItem[]>
  activityTypes: () => Promise<ActivityType[]>
  unit: () => DurationUnit
  /** The signed-in person's name; null standalone (the PDF leaves a line for it). */
  person: () => string | null
  now: () => number
  destination: () => CsvDestination | undefined
}

/** The grid's rows with their names: work item (reference · title), customer, activity, as the grid's row headers say them. */
export function namedRows(sheet: Timesheet, items: readonly WorkItem[], types: readonly ActivityType[], { t }: Pick<Translator, 't'>): PdfRow[] {
  const itemById = new Map(items.map((item) => [item.id, item]))
  const typeById = new Map(types.map((type) => [type.id, type]))
  return sheet.rows.map((row) => {
    const item = row.workItemId ? itemById.get(row.workItemId) : undefined
    const itemName = item ? workItemDisplayName(item) : t(row.workItemId ? 'rows.unknownItem' : 'rows.noItem')
    const activity = row.activityTypeId ? (typeById.get(row.activityTypeId)?.name ?? t('rows.unknownActivity')) : t('rows.noActivity')
    const byDay = new Map(row.cells.map((cell) => [cell.day, cell.totalSeconds]))
    return { item: itemName, customer: item?.customerName ?? null, activity, billable: row.billable, seconds: sheet.days.map((day) => byDay.get(day.day) ?? 0), totalSeconds: row.totalSeconds }
  })
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator of what is already made
async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array, void, undefined> {
  yield bytes
}

/** The PDF's job: made now, so that a failure is reported before any dialog or download. */
export async function timesheetPdfJob(deps: TimesheetPdfDeps, request: TimesheetPdfRequest): Promise<CsvJob> {
  const translator = createTranslator(request.language)
  const [sheet, items, types] = await Promise.all([deps.load(request.day), deps.workItems(), deps.activityTypes()])
  const rows = namedRows(sheet, items, types, translator)
  const bytes = await timesheetPdf({ sheet, rows, person: deps.person(), heading: periodHeading(sheet, translator), unit: deps.unit(), translator, printedAt: deps.now() })
  return {
    fileName: `stint-timesheet-${sheet.start}-to-${sheet.end}.pdf`,
    bom: false,
    dialect: MACHINE_DIALECT,
    file: { mediaType: 'application/pdf', extension: 'pdf', dialogTitle: 'Save timesheet (PDF)', filterName: 'PDF document' },
    body: { kind: 'bytes', rows: rows.length, open: () => Promise.resolve(oneChunk(bytes)) },
  }
}

export async function exportTimesheetPdf(deps: TimesheetPdfDeps, request: TimesheetPdfRequest): Promise<ExportResult> {
  const destination = deps.destination()
  if (!destination) throw refuse('unavailable', 'refusal.export.cannotSave')
  return deliverJob(destination, await timesheetPdfJob(deps, request))
}
