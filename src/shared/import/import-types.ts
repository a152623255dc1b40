// Importing another tracker's CSV export (Toggl Track, Clockify, Harvest, Kimai): the
// calls' requests and answers. The renderer uploads the file's text; the main process
// reads it (import-parse.ts), shows what it would book (the preview) and books it
// (the commit), both with the same mapping of the file's projects and clients.
import { z } from 'zod'
import { refusalFields } from '../errors'

export const IMPORT_SOURCES = ['toggl', 'clockify', 'harvest', 'kimai'] as const
export const ImportSourceSchema = z.enum(IMPORT_SOURCES, { error: 'A source is toggl, clockify, harvest or kimai.' })
export type ImportSource = z.infer<typeof ImportSourceSchema>

/** The largest file taken: 20 MB of text (a decade of a busy person's entries is far less). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024)

const idSchema = z.string().min(1).max(64)

/** Where a project's rows go: an existing work item, or null for a new one named after the project. */
export const ProjectMappingSchema = z.object({ key: z.string().max(500), workItemId: idSchema.nullable() }).strict()
/** Whose a client's projects are: an existing customer, or null for a new one named after the client. */
export const ClientMappingSchema = z.object({ name: z.string().max(500), customerId: idSchema.nullable() }).strict()
export const ImportMappingSchema = z
  .object({ projects: z.array(ProjectMappingSchema).max(5000), clients: z.array(ClientMappingSchema).max(5000) })
  .strict()
export type ImportMapping = z.infer<typeof ImportMappingSchema>

export const ImportRequestSchema = z
  .object({
    fileName: z.string().max(260),
    // Checked against MAX_IMPORT_BYTES by the handler, so the refusal names the limit.
    text: z.string(),
    source: ImportSourceSchema.optional(),
    mapping: ImportMappingSchema.optional(),
  })
  .strict()
export type ImportRequest = z.input<typeof ImportRequestSchema>

/** A refusal as data (its catalogue id and values), shown in the reader's language. */
export const ImportReasonSchema = z.object({ messageId: z.string(), values: refusalFields.values, message: z.string() })
export type ImportReason = z.infer<typeof ImportReasonSchema>

export const ImportRowStatusSchema = z.enum(['new', 'duplicate', 'importedBefore', 'locked', 'dayFull', 'unreadable'])
export type ImportRowStatus = z.infer<typeof ImportRowStatusSchema>

export const ImportRowSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  status: ImportRowStatusSchema,
  reason: ImportReasonSchema.nullable(),
  day: z.string().nullable(),
  /** 'HH:MM' in this device's zone, when the file gives times. */
  start: z.string().nullable(),
  end: z.string().nullable(),
  seconds: z.number().int().nonnegative(),
  description: z.string(),
  project: z.string(),
  client: z.string(),
  task: z.string(),
  billable: z.boolean().nullable(),
  tags: z.array(z.string()),
})
export type ImportRow = z.infer<typeof ImportRowSchema>

export const ImportProjectSchema = z.object({
  key: z.string(),
  name: z.string(),
  client: z.string(),
  rows: z.number().int(),
  /** The work item it goes to; null: a new one. */
  workItemId: z.string().nullable(),
})
export const ImportClientSchema = z.object({ name: z.string(), rows: z.number().int(), customerId: z.string().nullable() })

export const ImportPreviewSchema = z.object({
  fileName: z.string(),
  source: ImportSourceSchema,
  rows: z.array(ImportRowSchema),
  projects: z.array(ImportProjectSchema),
  clients: z.array(ImportClientSchema),
  totals: z.object({ rows: z.number().int(), toImport: z.number().int(), toImportSeconds: z.number().int(), refused: z.number().int() }),
})
export type ImportPreview = z.infer<typeof ImportPreviewSchema>

export const ImportSummarySchema = z.object({
  source: ImportSourceSchema,
  imported: z.number().int(),
  importedSeconds: z.number().int(),
  refused: z.array(z.object({ line: z.number().int(), status: ImportRowStatusSchema, reason: ImportReasonSchema })),
  createdWorkItems: z.array(z.string()),
  createdCustomers: z.array(z.string()),
})
export type ImportSummary = z.infer<typeof ImportSummarySchema>
