// Reopening an approved period (standalone: the person is their own administrator):
// a reason is required, since it goes into the period's history for good.
import { useT } from '../i18n/i18n-context'
import { ReasonDialog } from '../ui/ReasonDialog'

interface ReopenDialogProps {
  label: string
  /** Reopens; resolves with the host's refusal, or null once the period is open. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function ReopenDialog({ label, onConfirm, onClose }: ReopenDialogProps) {
  const { t } = useT()
  return (
    <ReasonDialog
      title={t('reopen.title', { label })}
      description={t('reopen.description')}
      submitLabel={t('reopen.submit')}
      whyNeeded={t('reopen.why')}
      help={t('reopen.help')}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  )
}
