// The words of the notification when a contract's billable time this month reaches 80 %
// or 100 % of its included hours: which contract, how much of how much, in which month.
import type { EventPayload } from '@shared/contract'
import { formatDuration } from '@shared/duration'

/** '2026-11' as "November 2026". */
function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number)
  if (year === undefined || number === undefined || !Number.isInteger(year) || !Number.isInteger(number)) return month
  return new Date(Date.UTC(year, number - 1, 1)).toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export function usageAlertNotice(alert: EventPayload<'contracts.usageAlert'>): { title: string; body: string } {
  const contract = `${alert.customerName} · ${alert.contractName}`
  const used = `${formatDuration(alert.billableSeconds, 'hmm')} of ${formatDuration(alert.includedSeconds, 'hmm')} h`
  const month = monthName(alert.month)
  if (alert.level === 'over') {
    const beyond = Math.max(0, alert.billableSeconds - alert.includedSeconds)
    return {
      title: `Contract hours used up: ${contract}`,
      body: `${used} billable in ${month}${beyond > 0 ? `; ${formatDuration(beyond, 'hmm')} h beyond what it includes` : ''}.`,
    }
  }
  // Whole percent, rounded down: "80 %" only once 80 % is really reached.
  const percent = alert.includedSeconds > 0 ? Math.floor((alert.billableSeconds * 100) / alert.includedSeconds) : 100
  return { title: `Contract at ${percent} %: ${contract}`, body: `${used} used in ${month}.` }
}
