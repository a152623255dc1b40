// Contract usage of a month — the input of a monthly billing run: per contract its
// included hours, the time used, the billable part, and the billable time beyond the
// included hours that is to be invoiced. Contracts at 80 % or over are called out at the
// top and marked in their rows by words and an icon as well as colour.
import { useCallback, useEffect, useId, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { ContractUsage, ContractUsageRow } from '@shared/reports'
import { useClient } from '../../client-context'
import { onSyncRounds } from '../../sync/sync-rounds'
import { plural } from '../../sync/sync-status-text'
import { useDisplayUnit } from '../../timesheet/use-timesheet-settings'
import { useHostQuery } from '../../ui/use-host-query'
import { ExportCsvButton } from '../ExportCsvButton'
import { monthLabel, monthOf } from '../month/month-nav'
import { MonthPicker } from '../month/MonthPicker'
import { NoValue } from '../month/MonthTable'
import { contractLabel, levelText, meterText, usagePercent } from './usage-text'
import '../month/month.css'
import './contracts.css'

export type ContractScope = 'mine' | 'team'

function useContractUsage(scope: ContractScope, month: string) {
  const client = useClient()
  const fetch = useCallback(() => (scope === 'team' ? client.reports.teamContractUsage({ month }) : client.reports.contractUsage({ month })), [client, scope, month])
  const result = useHostQuery(fetch)
  const { reload } = result
  useEffect(() => {
    const off = [
      client.events['entries.changed'](reload),
      client.events['work.changed'](reload),
      client.events['contracts.usageAlert'](reload),
      onSyncRounds(client, reload),
    ]
    return () => off.forEach((unsubscribe) => unsubscribe())
  }, [client, reload])
  return result
}

const needsAttention = (row: ContractUsageRow) => row.level !== 'ok'

export function ContractUsagePanel({ scope }: { scope: ContractScope }) {
  const client = useClient()
  const id = useId()
  const unit = useDisplayUnit(client)
  const [month, setMonth] = useState(() => monthOf())
  const { value, error, loading, reload } = useContractUsage(scope, month)
  const usage = value && value.month === month ? value : null
  const stale = value !== null && usage === null

  return (
    <div className="cu" role="group" aria-labelledby={`${id}-title`} aria-busy={loading || stale || undefined}>
      <div className="mv-toolbar">
        <h2 id={`${id}-title`} className="mv-title">
          Contract usage in {monthLabel(month)}
        </h2>
        <MonthPicker month={month} onChange={setMonth} label="Month of contract usage" />
      </div>

      {error && (
        <div className="banner banner--error" role="alert">
          <span>
            Contract usage of {monthLabel(month)} could not be loaded: {error}
          </span>
          <button type="button" className="button button--ghost button--compact" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!error && !value && <p className="muted">Loading contract usage…</p>}
      {!error && value && <UsageBody usage={usage ?? value} month={month} stale={stale} unit={unit} scope={scope} />}
    </div>
  )
}

/** `month` is the month chosen, which the export takes even while `usage` is still the previous month's. */
function UsageBody({ usage, month, stale, unit, scope }: { usage: ContractUsage; month: string; stale: boolean; unit: DurationUnit; scope: ContractScope }) {
  const attention = usage.contracts.filter(needsAttention)
  const beyond = usage.contracts.reduce((sum, row) => sum + (row.beyondIncludedSeconds ?? 0), 0)
  if (usage.contracts.length === 0) {
    return (
      <p className="empty">
        No contracts{scope === 'team' ? ' you may see' : ''} with time or hours in {monthLabel(usage.month)}.{' '}
        {scope === 'mine' && (
          <>
            Contracts are added under <a href="#work">Work items</a>.
          </>
        )}
      </p>
    )
  }
  return (
    <div className={stale ? 'mv-body is-stale' : 'mv-body'}>
      {attention.length > 0 && (
        <div className="banner banner--warn cu-attention">
          <div>
            <p className="cu-attention__title">
              <UsageIcon level={attention.some((row) => row.level === 'over') ? 'over' : 'warning'} />
              {plural(attention.length, 'contract needs', 'contracts need')} attention in {monthLabel(usage.month)}
            </p>
            <ul className="cu-attention__list">
              {attention.map((row) => (
                <li key={row.contractId}>
                  <strong>{contractLabel(row)}</strong>: {levelText(row.level, row.billableSeconds, row.includedSeconds ?? 0, unit)}
                  {row.level === 'warning' && row.includedSeconds !== null && ` of ${formatDuration(row.includedSeconds, unit)}`}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div className="mv-summary">
        <p className="mv-summary__facts">
          <span>{plural(usage.contracts.length, 'contract', 'contracts')}</span>
          <span>
            <strong>{formatDuration(beyond, unit)}</strong> beyond included hours, to invoice
          </span>
        </p>
        <ExportCsvButton what={() => ({ kind: 'contractUsage', query: { month } })} scope={scope} label="Export contract usage (CSV)" />
      </div>
      <p className="muted cu-rule">Billable time counts against a contract’s included hours; non-billable time on its work items is booked but not deducted.</p>
      <div className="mv-scroll cu-scroll" tabIndex={0} role="region" aria-label={`Contract usage, ${monthLabel(usage.month)}`}>
        <table className="table cu-table">
          <caption className="visually-hidden">Contract usage of {monthLabel(usage.month)}: included hours, time booked, billable time (which counts against the included hours), and billable time beyond the included hours</caption>
          <thead>
            <tr>
              <th scope="col">Customer</th>
              <th scope="col">Contract</th>
              <th scope="col" className="num">
                Included
              </th>
              <th scope="col" className="num">
                Booked
              </th>
              <th scope="col" className="num">
                Billable
              </th>
              <th scope="col" className="num">
                Beyond included
              </th>
              <th scope="col" className="cu-usage-head">
                Usage
              </th>
            </tr>
          </thead>
          <tbody>
            {usage.contracts.map((row) => (
              <UsageRow key={row.contractId} row={row} unit={unit} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}

function UsageRow({ row, unit }: { row: ContractUsageRow; unit: DurationUnit }) {
  return (
    <tr className={`cu-row cu-row--${row.level}`}>
      <td>{row.customerName}</td>
      <th scope="row">{row.contractName}</th>
      <td className="num">{row.includedSeconds === null ? <span className="muted">None</span> : formatDuration(row.includedSeconds, unit)}</td>
      <td className="num">{formatDuration(row.usedSeconds, unit)}</td>
      <td className="num">{formatDuration(row.billableSeconds, unit)}</td>
      <td className="num">{row.beyondIncludedSeconds === null ? <NoValue /> : row.beyondIncludedSeconds > 0 ? <strong>{formatDuration(row.beyondIncludedSeconds, unit)}</strong> : formatDuration(0, unit)}</td>
      <td className="cu-usage">
        {row.includedSeconds === null ? <span className="muted">No included hours</span> : <UsageMeter row={row} included={row.includedSeconds} unit={unit} />}
      </td>
    </tr>
  )
}

function UsageMeter({ row, included, unit }: { row: ContractUsageRow; included: number; unit: DurationUnit }) {
  const percent = usagePercent(row.billableSeconds, included)
  const fill = Math.min(100, percent)
  return (
    <div className="cu-meter-line">
      <div
        className={`cu-meter cu-meter--${row.level}`}
        role="meter"
        aria-label={`Included hours used by ${contractLabel(row)}`}
        aria-valuemin={0}
        aria-valuemax={Math.max(100, percent)}
        aria-valuenow={percent}
        aria-valuetext={meterText(row.billableSeconds, included)}
      >
        <span className="cu-meter__fill" style={{ width: `${fill}%` }} />
        <span className="cu-meter__mark" aria-hidden="true" />
      </div>
      <span className={`cu-level cu-level--${row.level}`}>
        {row.level !== 'ok' && <UsageIcon level={row.level} />}
        {levelText(row.level, row.billableSeconds, included, unit)}
      </span>
    </div>
  )
}

/** A triangle for a warning, a filled circle for over: the level without its colour. */
export function UsageIcon({ level }: { level: 'warning' | 'over' }) {
  return (
    <svg className={`cu-icon cu-icon--${level}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {level === 'warning' ? <path d="M8 1.5 15 14H1Z" /> : <circle cx="8" cy="8" r="7" />}
      <path className="cu-icon__mark" d={level === 'warning' ? 'M7.25 5.5h1.5v4.5h-1.5zM7.25 11h1.5v1.5h-1.5z' : 'M7.25 3.75h1.5v5.5h-1.5zM7.25 10.75h1.5v1.5h-1.5z'} />
    </svg>
  )
}
