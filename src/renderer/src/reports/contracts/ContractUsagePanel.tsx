// Contract usage of a month — the input of a monthly billing run: per contract its
// included hours, the time used, the billable part, and the billable time beyond the
// included hours that is to be invoiced. Contracts at 80 % or over are called out at the
// top and marked in their rows by words and an icon as well as colour.
import { useCallback, useEffect, useId, useState } from 'react'
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { ContractUsage, ContractUsageRow } from '@shared/reports'
import { useClient } from '../../client-context'
import { useT } from '../../i18n/i18n-context'
import { onSyncRounds } from '../../sync/sync-rounds'
import { useDisplayUnit } from '../../timesheet/use-timesheet-settings'
import { useHostQuery } from '../../ui/use-host-query'
import { ExportCsvButton } from '../ExportCsvButton'
import { monthLabel, monthOf } from '../month/month-nav'
import { MonthPicker } from '../month/MonthPicker'
import { NoValue } from '../month/MonthTable'
import { contractLabel, levelText, meterText, usagePercent } from './usage-text'
import { sentenceWith } from '../../i18n/sentence-with'
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
  const { t, locale } = useT()
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
          {t('reports.contracts.title', { month: monthLabel(month, locale) })}
        </h2>
        <MonthPicker month={month} onChange={setMonth} label={t('reports.contracts.picker')} />
      </div>

      {error && (
        <div className="banner banner--error" role="alert">
          <span>{t('reports.contracts.loadFailed', { month: monthLabel(month, locale), reason: error })}</span>
          <button type="button" className="button button--ghost button--compact" onClick={reload}>
            {t('reports.tryAgain')}
          </button>
        </div>
      )}
      {!error && !value && <p className="muted">{t('reports.contracts.loading')}</p>}
      {!error && value && <UsageBody usage={usage ?? value} month={month} stale={stale} unit={unit} scope={scope} />}
    </div>
  )
}

/** `month` is the month chosen, which the export takes even while `usage` is still the previous month's. */
function UsageBody({ usage, month, stale, unit, scope }: { usage: ContractUsage; month: string; stale: boolean; unit: DurationUnit; scope: ContractScope }) {
  const translator = useT()
  const { t, locale } = translator
  const monthText = monthLabel(usage.month, locale)
  const duration = (seconds: number) => formatDuration(seconds, unit, locale)
  const attention = usage.contracts.filter(needsAttention)
  const beyond = usage.contracts.reduce((sum, row) => sum + (row.beyondIncludedSeconds ?? 0), 0)
  if (usage.contracts.length === 0) {
    return (
      <p className="empty">
        {t(scope === 'team' ? 'reports.contracts.noneTeam' : 'reports.contracts.none', { month: monthText })}
        {scope === 'mine' && (
          <>
            {' '}
            {sentenceWith(t, 'reports.contracts.addedUnder', { link: <a href="#work">{t('nav.work')}</a> })}
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
              {t('reports.contracts.attention', { count: attention.length, month: monthText })}
            </p>
            <ul className="cu-attention__list">
              {attention.map((row) => (
                <li key={row.contractId}>
                  <strong>{contractLabel(row)}</strong>:{' '}
                  {row.level === 'warning' && row.includedSeconds !== null
                    ? t('reports.contracts.levelOf', { level: levelText(row.level, row.billableSeconds, row.includedSeconds, unit, translator), included: duration(row.includedSeconds) })
                    : levelText(row.level, row.billableSeconds, row.includedSeconds ?? 0, unit, translator)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <div className="mv-summary">
        <p className="mv-summary__facts">
          <span>{t('reports.contracts.count', { count: usage.contracts.length })}</span>
          <span>
            {sentenceWith(t, 'reports.contracts.beyond', { duration: <strong>{duration(beyond)}</strong> })}
          </span>
        </p>
        <ExportCsvButton what={() => ({ kind: 'contractUsage', query: { month } })} scope={scope} label={t('reports.contracts.export')} xlsxLabel={t('reports.contracts.exportXlsx')} />
      </div>
      <p className="muted cu-rule">{t('reports.contracts.rule')}</p>
      <div className="mv-scroll cu-scroll" tabIndex={0} role="region" aria-label={t('reports.contracts.region', { month: monthText })}>
        <table className="table cu-table">
          <caption className="visually-hidden">{t('reports.contracts.caption', { month: monthText })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.contracts.customer')}</th>
              <th scope="col">{t('reports.contracts.contract')}</th>
              <th scope="col" className="num">
                {t('reports.contracts.included')}
              </th>
              <th scope="col" className="num">
                {t('reports.contracts.booked')}
              </th>
              <th scope="col" className="num">
                {t('reports.billable')}
              </th>
              <th scope="col" className="num">
                {t('reports.contracts.beyondIncluded')}
              </th>
              <th scope="col" className="cu-usage-head">
                {t('reports.contracts.usage')}
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
  const { t, locale } = useT()
  const duration = (seconds: number) => formatDuration(seconds, unit, locale)
  return (
    <tr className={`cu-row cu-row--${row.level}`}>
      <td>{row.customerName}</td>
      <th scope="row">{row.contractName}</th>
      <td className="num">{row.includedSeconds === null ? <span className="muted">{t('reports.contracts.noneIncluded')}</span> : duration(row.includedSeconds)}</td>
      <td className="num">{duration(row.usedSeconds)}</td>
      <td className="num">{duration(row.billableSeconds)}</td>
      <td className="num">{row.beyondIncludedSeconds === null ? <NoValue /> : row.beyondIncludedSeconds > 0 ? <strong>{duration(row.beyondIncludedSeconds)}</strong> : duration(0)}</td>
      <td className="cu-usage">
        {row.includedSeconds === null ? <span className="muted">{t('reports.contracts.noIncludedHours')}</span> : <UsageMeter row={row} included={row.includedSeconds} unit={unit} />}
      </td>
    </tr>
  )
}

function UsageMeter({ row, included, unit }: { row: ContractUsageRow; included: number; unit: DurationUnit }) {
  const translator = useT()
  const percent = usagePercent(row.billableSeconds, included)
  const fill = Math.min(100, percent)
  return (
    <div className="cu-meter-line">
      <div
        className={`cu-meter cu-meter--${row.level}`}
        role="meter"
        aria-label={translator.t('reports.contracts.meter', { contract: contractLabel(row) })}
        aria-valuemin={0}
        aria-valuemax={Math.max(100, percent)}
        aria-valuenow={percent}
        aria-valuetext={meterText(row.billableSeconds, included, translator)}
      >
        <span className="cu-meter__fill" style={{ width: `${fill}%` }} />
        <span className="cu-meter__mark" aria-hidden="true" />
      </div>
      <span className={`cu-level cu-level--${row.level}`}>
        {row.level !== 'ok' && <UsageIcon level={row.level} />}
        {levelText(row.level, row.billableSeconds, included, unit, translator)}
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
