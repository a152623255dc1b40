// CSV exports: what can be exported, and what became of it. In the app the main process
// asks where to save (a save dialog) and streams the file there; in the browser host the
// answer is a one-time download address the renderer opens. Either way every row is
// written (no cap), and a failed export leaves no partial file behind.
import { z } from 'zod'
import { CsvFormatSchema } from './csv-dialect'
import { DaySchema, EntryStatusSchema } from './entries'
import { ContractUsageQuerySchema, ReportFiltersSchema, ReportQuerySchema, rangeDaySchema, rangeOrderProblem } from './reports'
import { MonthViewQuerySchema } from './month-views'
import { LANGUAGES } from './i18n/languages'

/** Whose time: this device's own (offline) or the team's through the team server. */
export const ExportScopeSchema = z.enum(['mine', 'team'], { error: 'The scope of an export is "mine" (this device’s time) or "team" (through the team server).' })
export type ExportScope = z.infer<typeof ExportScopeSchema>

/** The raw entries of a range, with the report filters; any length of range (a ten-year export is fine). */
export const EntriesExportSchema = z
  .object({
    kind: z.literal('entries'),
    from: rangeDaySchema('export', 'from'),
    to: rangeDaySchema('export', 'to'),
    filters: ReportFiltersSchema.prefault({}),
    /** Voided entries are left out unless asked for (the status filter may also name 'voided'). */
    includeVoided: z.boolean().default(false),
  })
  .strict()
  .superRefine((what, context) => {
    const backwards = rangeOrderProblem(what.from, what.to)
    if (backwards !== undefined) context.addIssue({ code: 'custom', path: ['to'], message: backwards })
  })

export const EXPORT_KINDS = ['report', 'entries', 'contractUsage', 'month'] as const

export const ExportWhatSchema = z.discriminatedUnion(
  'kind',
  [
    /** A grouped report, one CSV row per report row, every row (the 100,000-row limit of the view does not apply). */
    z.object({ kind: z.literal('report'), query: ReportQuerySchema }).strict(),
    EntriesExportSchema,
    /** Contract usage of a month: the input of a billing run. */
    z.object({ kind: z.literal('contractUsage'), query: ContractUsageQuerySchema }).strict(),
    /** A month view (entries, per ticket, per customer, per organisation), every row. */
    z.object({ kind: z.literal('month'), query: MonthViewQuerySchema }).strict(),
  ],
  { error: `What to export is named by its kind: one of ${EXPORT_KINDS.join(', ')}.` },
)
export type ExportWhat = z.output<typeof ExportWhatSchema>
export type ExportWhatInput = z.input<typeof ExportWhatSchema>

/** The kind of file: CSV (text, for scripts and importers) or an Excel workbook (XLSX, typed cells for people). */
export const ExportFileSchema = z.enum(['csv', 'xlsx'], { error: 'An export is a "csv" or an "xlsx" file.' })
export type ExportFile = z.infer<typeof ExportFileSchema>

export const ExportRequestSchema = z
  .object({
    what: ExportWhatSchema,
    scope: ExportScopeSchema.default('mine'),
    /** Start the file with a UTF-8 byte-order mark (Excel needs it to read UTF-8). */
    bom: z.boolean().default(false),
    /** Days and decimals as machines read them (ISO, dot) or as a language's locale writes them (csv-dialect). */
    format: CsvFormatSchema.default('machine'),
    /** CSV unless asked for XLSX, so callers from before XLSX get what they always got. `bom` and `format` are about CSV only. */
    file: ExportFileSchema.default('csv'),
    /** The language of an XLSX file's column headers (the reader's); English when left out. A CSV's headers are its stable keys. */
    language: z.enum(LANGUAGES, { error: `A language is one of ${LANGUAGES.join(', ')}.` }).optional(),
  })
  .strict()
export type ExportRequestInput = z.input<typeof ExportRequestSchema>
export type ExportRequest = z.output<typeof ExportRequestSchema>

export const ExportResultSchema = z.discriminatedUnion('status', [
  /** The app wrote the file (complete, renamed into place); `rows` is left out when unknown (the team server's XLSX arrives as finished bytes). */
  z.object({ status: z.literal('saved'), path: z.string(), rows: z.number().int().nonnegative().optional(), bytes: z.number().int().nonnegative() }),
  /** The person closed the save dialog; nothing was written. */
  z.object({ status: z.literal('cancelled') }),
  /** The browser host: open `url` (same origin, single use, valid for a minute) to download `fileName`. */
  z.object({ status: z.literal('download'), url: z.string(), fileName: z.string() }),
])
export type ExportResult = z.infer<typeof ExportResultSchema>

/** Statuses, re-exported for export forms. */
export const EXPORT_STATUSES = EntryStatusSchema.options

/**
 * The printed timesheet of the period holding `day` (a PDF), in `language`: the window's
 * own, which in the browser host may be one the host cannot know.
 */
export const TimesheetPdfRequestSchema = z.object({ day: DaySchema, language: z.enum(LANGUAGES) }).strict()
export type TimesheetPdfRequest = z.infer<typeof TimesheetPdfRequestSchema>
