// Rejecting a period: the reason is required, since it goes back to the member with
// the period and into its history for good. The server's refusal stays in the dialog.
import { useT } from '../i18n/i18n-context'
import { sentenceWith } from '../i18n/sentence-with'
import { ReasonDialog } from '../ui/ReasonDialog'

interface RejectDialogProps {
  /** "Tess Tech’s period 16–22 Nov 2026", in the window's language */
  name: string
  memberName: string
  /** Rejects; resolves with the refusal to show, or null once the period went back. */
  onConfirm: (reason: string) => Promise<string | null>
  onClose: () => void
}

export function RejectDialog({ name, memberName, onConfirm, onClose }: RejectDialogProps) {
  const { t } = useT()
  const keys = (
    <>
      <kbd>{t('dialog.ctrl')}</kbd>+<kbd>Enter</kbd>
    </>
  )
  return (
    <ReasonDialog
      title={t('approvals.reject.title', { name })}
      description={t('approvals.reject.description', { member: memberName })}
      submitLabel={t('approvals.reject.submit')}
      busyLabel={t('approvals.reject.busy')}
      submitTone="stop"
      whyNeeded={t('approvals.reject.whyNeeded', { member: memberName })}
      help={sentenceWith(t, 'approvals.reject.help', { keys })}
      onConfirm={onConfirm}
      onClose={onClose}
    />
  )
}
