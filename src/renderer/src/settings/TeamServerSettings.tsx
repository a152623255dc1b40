// Settings → Team server: connect this device with an address and a device token, see
// whose account it syncs for and where the token is kept, sync now, or disconnect (the
// local data stays). The host checks the address and token against the server before
// anything changes, and its refusals are complete sentences shown beside the form.
import { useCallback, useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import type { TeamAccount } from '@shared/sync'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { syncMessage } from '../sync/sync-status-text'
import { useSyncStatus } from '../sync/use-sync-status'
import { endSentence } from '@shared/sentence'
import { ConnectedAccount } from './TeamAccountFacts'
import { formProblems, hostProblems, TeamConnectForm, type Problems } from './TeamConnectForm'
import { DisconnectDialog } from './TeamDisconnectDialog'
import './team-server.css'

export function TeamServerSettings() {
  const client = useClient()
  const id = useId()
  const translator = useT()
  const { t } = translator
  const sync = useSyncStatus(client)
  /** undefined while loading; null when no server is configured. */
  const [account, setAccount] = useState<TeamAccount | null | undefined>(undefined)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [url, setUrl] = useState('')
  const [token, setToken] = useState('')
  const [problems, setProblems] = useState<Problems>({})
  const [connecting, setConnecting] = useState(false)
  const [feedback, setFeedback] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [disconnected, setDisconnected] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)

  const show = useCallback((next: TeamAccount | null) => {
    setAccount(next)
    setLoadError(null)
    if (next) setUrl((current) => current || next.url)
  }, [])

  const load = useCallback(async () => {
    try {
      show(await client.sync.account({}))
    } catch (error) {
      setLoadError((error as Error).message)
    }
  }, [client, show])

  useEffect(() => {
    let live = true
    client.sync
      .account({})
      .then((loaded) => live && show(loaded))
      .catch((error: unknown) => live && setLoadError((error as Error).message))
    return () => {
      live = false
    }
  }, [client, show])

  const connect = async (event?: SyntheticEvent) => {
    event?.preventDefault()
    if (connecting) return
    const local = formProblems(url, token, translator)
    setProblems(local)
    if (Object.keys(local).length > 0) {
      document.getElementById(`${id}-${local.url ? 'url' : 'token'}`)?.focus()
      return
    }
    setConnecting(true)
    setFeedback(t('team.connecting'))
    try {
      const connected = await client.sync.connect({ url: url.trim(), token: token.trim() })
      setToken('')
      setDisconnected(false)
      show(connected)
      setFeedback(endSentence(t('team.connectedAs', { name: connected.name })))
      await sync.refresh()
      // The form is gone; the keyboard continues from the section's heading.
      requestAnimationFrame(() => heading.current?.focus())
    } catch (error) {
      setProblems(hostProblems(error))
      setFeedback('')
    } finally {
      setConnecting(false)
    }
  }

  const disconnect = async (): Promise<string | null> => {
    try {
      await client.sync.disconnect({})
    } catch (error) {
      return (error as Error).message
    }
    setConfirming(false)
    setDisconnected(true)
    setFeedback(t('team.signedOut'))
    await Promise.all([load(), sync.refresh()])
    requestAnimationFrame(() => heading.current?.focus())
    return null
  }

  const status = sync.status
  // Without a token the account is only remembered: the form asks for one again.
  const signedIn = account && status?.state !== 'unauthorized' && !disconnected

  return (
    <section className="panel team" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title" ref={heading} tabIndex={-1}>
          {t('team.title')}
        </h2>
        <p className="panel__status" role="status">
          {feedback}
        </p>
      </div>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>{t('team.loadFailed', { reason: loadError })}</span>
          <button type="button" className="button button--ghost button--compact" onClick={() => void load()}>
            {t('settings.tryAgain')}
          </button>
        </div>
      )}
      {account === undefined && !loadError && <p className="muted">{t('team.loading')}</p>}

      {account && signedIn && (
        <ConnectedAccount
          account={account}
          status={status}
          syncing={sync.syncing}
          onSyncNow={() => void sync.syncNow()}
          onDisconnect={() => setConfirming(true)}
        />
      )}

      {account !== undefined && !signedIn && (
        <>
          {account && (
            <div className="banner banner--warn" role="note" aria-label={t('team.notSignedIn')}>
              <span>
                {disconnected ? (
                  <>
                    <strong>{t('team.signedOutOf', { url: account.url })}</strong> {t('team.signedOutOfRest', { name: account.name })}
                  </>
                ) : (
                  <>
                    <strong>{t('team.notSignedInAs', { name: account.name })}</strong> {(status ? syncMessage(status, translator) : null) ?? t('team.pasteAgain')}
                  </>
                )}
              </span>
            </div>
          )}
          {!account && (
            <p className="team__intro">
              {t('team.intro')}
            </p>
          )}
          <TeamConnectForm id={id} url={url} token={token} problems={problems} connecting={connecting} onUrl={setUrl} onToken={setToken} onSubmit={(e) => void connect(e)} />
        </>
      )}

      {confirming && account && <DisconnectDialog account={account} pending={status?.pending ?? 0} onConfirm={disconnect} onClose={() => setConfirming(false)} />}
    </section>
  )
}
