// Signing this device out of its team server: what stays (the local data) and what has not
// been sent yet, confirmed in a dialog; a refusal is shown in it.
import { useState } from 'react'
import type { TeamAccount } from '@shared/sync'
import { useT } from '../i18n/i18n-context'
import { Dialog } from '../ui/Dialog'

interface DisconnectDialogProps {
  account: TeamAccount
  pending: number
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

export function DisconnectDialog({ account, pending, onConfirm, onClose }: DisconnectDialogProps) {
  const { t } = useT()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    if (busy) return
    setBusy(true)
    const problem = await onConfirm()
    setBusy(false)
    setError(problem)
  }
  return (
    <Dialog
      title={t('team.signOutTitle')}
      description={t('team.signOutDescription', { url: account.url })}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            {t('team.cancel')}
          </button>
          <button type="button" className="button button--stop" onClick={() => void confirm()} aria-disabled={busy || undefined}>
            {busy ? t('team.signingOut') : t('team.signOut')}
          </button>
        </>
      }
    >
      <p>
        {t('team.signOutBody')}
        {pending > 0 && ` ${t('team.signOutPending', { count: pending })}`}
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
        </div>
      )}
    </Dialog>
  )
}
