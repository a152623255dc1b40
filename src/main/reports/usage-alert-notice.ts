// The words of the notification when a contract's billable time this month reaches 80 %
// or 100 % of its included hours: which contract, how much of how much, in which month.
import type { EventPayload } from '@shared/contract'
import { formatDuration } from '@shared/duration'
import { formatMonth } from '@shared/i18n/formats'
import { ENGLISH, type Translator } from '@shared/i18n/translator'

export function usageAlertNotice(alert: EventPayload<'contracts.usageAlert'>, translator: Translator = ENGLISH): { title: string; body: string } {
  const { t, locale } = translator
  const contract = `${alert.customerName} · ${alert.contractName}`
  const used = formatDuration(alert.billableSeconds, 'hmm')
  const included = formatDuration(alert.includedSeconds, 'hmm')
  const month = formatMonth(alert.month, locale)
  if (alert.level === 'over') {
    const beyond = Math.max(0, alert.billableSeconds - alert.includedSeconds)
    return {
      title: t('notice.usedUpTitle', { contract }),
      body: beyond > 0 ? t('notice.usedUpBeyondBody', { used, included, month, beyond: formatDuration(beyond, 'hmm') }) : t('notice.usedUpBody', { used, included, month }),
    }
  }
  // Whole percent, rounded down: "80 %" only once 80 % is really reached.
  const percent = alert.includedSeconds > 0 ? Math.floor((alert.billableSeconds * 100) / alert.includedSeconds) : 100
  return { title: t('notice.nearTitle', { percent, contract }), body: t('notice.nearBody', { used, included, month }) }
}
