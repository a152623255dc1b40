// One entry's approved time on its ticket, in words: written (with a button that opens it in
// the ticket system), waiting, failed with the ticket system's own reason, being taken back,
// or taken back.
import type { TicketWriteStatus } from '@shared/ticket-systems/write-status'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'

interface TicketWriteNoteProps {
  status: TicketWriteStatus
  onProblem: (message: string) => void
}

export function TicketWriteNote({ status, onProblem }: TicketWriteNoteProps) {
  const client = useClient()
  const { t } = useT()
  const { system } = status
  const open = async () => {
    try {
      const { url, opened } = await client.sync.openWrittenTime({ entryId: status.entryId })
      if (!opened) window.open(url, '_blank', 'noopener,noreferrer')
    } catch (error) {
      onProblem((error as Error).message)
    }
  }
  const text =
    status.state === 'failed' && status.reason
      ? t('details.write.failed', { system, reason: status.reason })
      : status.state === 'waiting' && status.reason
        ? t('details.write.retrying', { system, reason: status.reason })
        : t(`details.write.${status.state}`, { system })
  return (
    <p className={`cell-entry__write is-${status.state}`}>
      <span>{text}</span>
      {status.state === 'written' && status.url !== null && (
        <button type="button" className="button button--secondary button--compact" onClick={() => void open()}>
          {t('details.write.open', { system })}
        </button>
      )}
    </p>
  )
}
