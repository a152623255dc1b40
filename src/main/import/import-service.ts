// Importing another tracker's CSV export on this device: 'import.preview' shows what the
// file holds and what would be booked; 'import.commit' books the new rows as draft
// entries through the one home of entries, with the new work items and customers, in one
// transaction, and says what it imported and what it refused with the reason per row.
import type { Kysely } from 'kysely'
import { refuse } from '@shared/errors'
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, type ImportPreview, type ImportRequest, type ImportSummary } from '@shared/import/import-types'
import { newId } from '@shared/ids'
import type { Clock } from '../clock'
import type { Database } from '../db/schema'
import type { Entries } from '../entries/entries'
import type { EventHub } from '../events'
import { planImport, workItemOf, type Plan, type PlanContext } from './import-plan'

export interface ImportDeps {
  db: Kysely<Database>
  clock: Clock
  entries: Entries
  events: EventHub
  userId: () => string
}

const TITLE_MAX = 200
const NAME_MAX = 120

export class ImportService {
  constructor(private readonly deps: ImportDeps) {}

  async preview(request: ImportRequest): Promise<ImportPreview> {
    checkSize(request.text)
    const plan = await planImport(this.context(this.deps.db), request.text, request.source, request.mapping)
    return previewOf(request.fileName, plan)
  }

  async commit(request: ImportRequest): Promise<ImportSummary> {
    checkSize(request.text)
    const { db, clock, entries } = this.deps
    const summary = await db.transaction().execute(async (trx) => {
      const plan = await planImport(this.context(trx), request.text, request.source, request.mapping)
      const now = clock.now()
      const booked = plan.rows.filter((r) => r.status === 'new')
      // New customers for the clients of new projects that get rows, then the projects' work items.
      const customerOf = new Map(plan.clients.map((c) => [c.name, c.customerId]))
      const createdCustomers: string[] = []
      const createdWorkItems: string[] = []
      for (const project of plan.projects) {
        if (project.workItemId !== null || !booked.some((r) => r.projectKey === project.key)) continue
        let customerId = project.client === '' ? null : (customerOf.get(project.client) ?? null)
        if (customerId === null && project.client !== '') {
          customerId = newId()
          await trx.insertInto('customers').values({ id: customerId, name: project.client.slice(0, NAME_MAX), organisation: null, created_at: now, updated_at: now, deleted_at: null }).execute()
          customerOf.set(project.client, customerId)
          createdCustomers.push(project.client)
        }
        const id = newId()
        await trx
          .insertInto('work_items')
          .values({ id, kind: 'task', reference: null, title: project.name.slice(0, TITLE_MAX), customer_id: customerId, contract_id: null, billable: 1, active: 1, created_at: now, updated_at: now, deleted_at: null })
          .execute()
        project.workItemId = id
        plan.itemBillable = new Map([...plan.itemBillable, [id, true]])
        createdWorkItems.push(project.name)
      }
      let importedSeconds = 0
      for (const row of booked) {
        if (row.key === null || row.day === null) continue
        const workItemId = workItemOf(row, plan.projects)
        const billable = row.billable ?? (workItemId === null ? false : (plan.itemBillable.get(workItemId) ?? true))
        const time = row.times ?? { day: row.day, seconds: row.seconds }
        const ids = await entries.createManual(trx, { workItemId, activityTypeId: row.activityTypeId, billable }, row.description, time)
        const [first] = ids
        if (first === undefined) continue
        await trx.insertInto('imported_rows').values({ user_id: this.deps.userId(), source: plan.source, row_key: row.key, entry_id: first, file_name: request.fileName, imported_at: now }).execute()
        importedSeconds += row.seconds
      }
      return {
        source: plan.source,
        imported: booked.length,
        importedSeconds,
        refused: plan.rows.flatMap((r) => (r.status === 'new' || r.reason === null ? [] : [{ line: r.line, status: r.status, reason: r.reason }])),
        createdWorkItems,
        createdCustomers,
      }
    })
    if (summary.createdWorkItems.length > 0) this.deps.events.emit('work.changed', {})
    if (summary.imported > 0) this.deps.events.emit('entries.changed', {})
    return summary
  }

  private context(db: PlanContext['db']): PlanContext {
    return { db, entries: this.deps.entries, userId: this.deps.userId(), timeZone: this.deps.clock.timeZone() }
  }
}

function checkSize(text: string): void {
  if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) throw refuse('invalid_request', 'refusal.import.tooLarge', { mb: MAX_IMPORT_MB })
}

function previewOf(fileName: string, plan: Plan): ImportPreview {
  const toImport = plan.rows.filter((r) => r.status === 'new')
  return {
    fileName,
    source: plan.source,
    rows: plan.rows.map((r) => ({ line: r.line, status: r.status, reason: r.reason, day: r.day, start: r.start, end: r.end, seconds: r.seconds, description: r.description, project: r.project, client: r.client, task: r.task, billable: r.billable, tags: r.tags })),
    projects: plan.projects.map((p) => ({ ...p })),
    clients: plan.clients,
    totals: {
      rows: plan.rows.length,
      toImport: toImport.length,
      toImportSeconds: toImport.reduce((sum, r) => sum + r.seconds, 0),
      refused: plan.rows.length - toImport.length,
    },
  }
}
