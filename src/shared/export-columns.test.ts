import { describe, expect, it } from 'vitest'
import { csvChunks } from './csv-writer'
import { contentDisposition, exportFileName, monthViewCsvColumns, reportCsv, reportCsvColumns } from './export-columns'
import type { ExportWhat } from './exports'
import { ReportQuerySchema, type ReportRow } from './reports'

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let all = ''
  for await (const chunk of chunks) all += chunk
  return all
}

const sums = { totalSeconds: 5400, billableSeconds: 3600, nonBillableSeconds: 1800, entryCount: 3, expectedSeconds: null }

describe('the columns of a report export', () => {
  it('one value column per dimension, with an id beside every named thing', () => {
    const query = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['team', 'user', 'week'] })
    expect(reportCsvColumns(query).map((column) => column.header)).toEqual([
      'team',
      'team_id',
      'person',
      'person_id',
      'week_starting',
      'hours',
      'minutes',
      'billable_hours',
      'billable_minutes',
      'non_billable_hours',
      'non_billable_minutes',
      'entries',
      'billable_share_percent',
    ])
  })

  it('expected hours only where the rows have them: time, people and teams, with expectations given', () => {
    const expectedSeconds = [0, 28_800, 28_800, 28_800, 28_800, 28_800, 0]
    const byDay = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'], expectedSeconds })
    const byCustomer = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['customer'], expectedSeconds })
    expect(reportCsvColumns(byDay).map((column) => column.header)).toContain('expected_hours')
    expect(reportCsvColumns(byCustomer).map((column) => column.header)).not.toContain('expected_hours')
  })

  it('overlapped time last, in hours and minutes, when the report measures it (the desktop’s do); not otherwise', async () => {
    const query = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'] })
    expect(reportCsvColumns(query).map((column) => column.header)).not.toContain('overlapped_hours')
    expect(reportCsvColumns(query, { overlapped: true }).map((column) => column.header).slice(-2)).toEqual(['overlapped_hours', 'overlapped_minutes'])
    const row: ReportRow = { keys: [{ dimension: 'day', id: '2026-11-16', label: '16 Nov 2026' }], ...sums, overlappedSeconds: 2700 }
    const csv = reportCsv({ query, rows: [row] })
    expect(await text(csvChunks(csv.columns, csv.rows))).toBe(
      'day,hours,minutes,billable_hours,billable_minutes,non_billable_hours,non_billable_minutes,entries,billable_share_percent,overlapped_hours,overlapped_minutes\r\n2026-11-16,1.50,90,1.00,60,0.50,30,3,66.7,0.75,45\r\n',
    )
  })

  it('days ISO, billable as yes/no, statuses as their ids, organisations by name, "No customer" kept for a person to read', async () => {
    const query = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day', 'billable', 'status'] })
    const rows: ReportRow[] = [
      {
        ...sums,
        keys: [
          { dimension: 'day', id: '2026-11-16', label: '2026-11-16' },
          { dimension: 'billable', id: 'non-billable', label: 'Non-billable' },
          { dimension: 'status', id: 'approved', label: 'Approved' },
        ],
      },
    ]
    expect(await text(csvChunks(reportCsv({ query, rows }).columns, reportCsv({ query, rows }).rows))).toBe(
      'day,billable,status,hours,minutes,billable_hours,billable_minutes,non_billable_hours,non_billable_minutes,entries,billable_share_percent\r\n2026-11-16,no,approved,1.50,90,1.00,60,0.50,30,3,66.7\r\n',
    )
    const byOrganisation = ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['organisation', 'customer'] })
    const organisationRows: ReportRow[] = [
      {
        ...sums,
        keys: [
          { dimension: 'organisation', id: null, label: '(no organisation)' },
          { dimension: 'customer', id: null, label: 'No customer' },
        ],
      },
    ]
    const csv = reportCsv({ query: byOrganisation, rows: organisationRows })
    expect(await text(csvChunks(csv.columns, csv.rows))).toMatch(/^organisation,customer,customer_id,hours.*\r\n\(no organisation\),No customer,,1\.50,/)
  })
})

describe('month view columns', () => {
  it('say the month’s time in hours and minutes, and the ticket’s whole life beside it', () => {
    expect(monthViewCsvColumns('tickets').map((column) => column.header)).toEqual([
      'month',
      'ticket',
      'title',
      'customer',
      'organisation',
      'hours',
      'minutes',
      'billable_hours',
      'billable_minutes',
      'entries',
      'lifetime_hours',
      'lifetime_minutes',
      'created_at',
      'work_item_id',
      'customer_id',
    ])
  })
})

describe('file names', () => {
  const what = (kind: ExportWhat['kind']): ExportWhat => {
    switch (kind) {
      case 'report':
        return { kind, query: ReportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30', groupBy: ['day'] }) }
      case 'entries':
        return { kind, from: '2026-11-01', to: '2026-11-30', filters: { statuses: ['draft'] }, includeVoided: false }
      case 'contractUsage':
        return { kind, query: { month: '2026-11', statuses: ['draft'] } }
      case 'month':
        return { kind, query: { month: '2026-11', view: 'tickets', statuses: ['draft'] } }
    }
  }

  it('say what and when, and whose', () => {
    expect((['report', 'entries', 'contractUsage', 'month'] as const).map((kind) => exportFileName(what(kind)))).toEqual([
      'stint-report-2026-11-01-to-2026-11-30.csv',
      'stint-entries-2026-11-01-to-2026-11-30.csv',
      'stint-contract-usage-2026-11.csv',
      'stint-month-tickets-2026-11.csv',
    ])
    expect(exportFileName(what('month'), 'team')).toBe('stint-team-month-tickets-2026-11.csv')
  })

  it('travel in a Content-Disposition header both plain and exact', () => {
    expect(contentDisposition('stint-report.csv')).toBe(`attachment; filename="stint-report.csv"; filename*=UTF-8''stint-report.csv`)
    expect(contentDisposition('Bericht "Müller" (1).csv')).toBe(`attachment; filename="Bericht__M_ller___1_.csv"; filename*=UTF-8''Bericht%20%22M%C3%BCller%22%20%281%29.csv`)
  })
})
