// Settings → Team server: connect this device with an address and a device token, see
// whose account it syncs for and where the token is kept, sync now, or disconnect (the
// local data stays). The host checks the address and token against the server before
// anything changes, and its refusals are complete sentences shown beside the form.
import { useCallback, useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { ApiCallError } from '@shared/errors'
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'
import type { SyncStatus, TeamAccount } from '@shared/sync'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { describeSyncStatus, syncMessage } from '../sync/sync-status-text'
import { useSyncStatus } from '../sync/use-sync-status'
import { Dialog } from '../ui/Dialog'
import { endSentence } from '@shared/sentence'
import './team-server.css'

const ROLE_NAMES: Record<TeamAccount['role'], MessageId> = { member: 'team.member', approver: 'team.approver', admin: 'team.admin' }

function roleText(account: TeamAccount, { t }: Translator): string {
  const levels = account.approverLevels.map(String)
  const role = t(ROLE_NAMES[account.role])
  if (levels.length === 0) return role
  const [first = '', second] = levels
  return t('team.approvesAt', { role, levels: second === undefined ? first : t('team.levelsJoin', { first, second }) })
}

const TOKEN_PLACES: Record<TeamAccount['tokenProtection'], MessageId> = {
  keychain: 'team.keychain',
  'plain-text': 'team.plainText',
  memory: 'team.memory',
}

type Field = 'url' | 'token'
type Problems = Partial<Record<Field, string>> & { form?: string }

/** The checks the host makes too, so the common slips are named at the field without a round trip. */
function formProblems(url: string, token: string, { t }: Translator): Problems {
  const problems: Problems = {}
  if (url.trim() === '') problems.url = t('team.noUrl')
  const trimmed = token.trim()
  if (trimmed === '') problems.token = t('team.noToken')
  else if (trimmed.length < 20) problems.token = t('team.shortToken', { length: trimmed.length })
  else if (trimmed.length > 200) problems.token = t('team.longToken')
  return problems
}

/** A host refusal: per field when the request itself was refused, else one message beside the form. */
function hostProblems(error: unknown): Problems {
  if (error instanceof ApiCallError && error.issues?.length) {
    const problems: Problems = {}
    for (const issue of error.issues) {
      const field = issue.path === 'url' || issue.path === 'token' ? issue.path : null
      const sentence = `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`
      if (field) problems[field] = sentence
      else problems.form = error.message
    }
    return problems
  }
  return { form: (error as Error).message }
}

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
          <form className="form team__form" noValidate onSubmit={(e) => void connect(e)} aria-label={t('team.form')}>
            <div className="form__row">
              <div className="field">
                <label htmlFor={`${id}-url`}>{t('team.address')}</label>
                <input
                  id={`${id}-url`}
                  type="url"
                  inputMode="url"
                  autoComplete="off"
                  spellCheck={false}
                  placeholder="https://timesheets.example.com"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  aria-invalid={problems.url ? true : undefined}
                  aria-describedby={problems.url ? `${id}-url-problem` : `${id}-url-help`}
                />
                {problems.url ? (
                  <p id={`${id}-url-problem`} className="field__error team__field-note" role="alert">
                    {problems.url}
                  </p>
                ) : (
                  <p id={`${id}-url-help`} className="field__help team__field-note">
                    {t('team.addressHelp')}
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${id}-token`}>{t('team.token')}</label>
                <input
                  id={`${id}-token`}
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={token}
                  onChange={(e) => setToken(e.target.value)}
                  aria-invalid={problems.token ? true : undefined}
                  aria-describedby={problems.token ? `${id}-token-problem` : `${id}-token-help`}
                />
                {problems.token ? (
                  <p id={`${id}-token-problem`} className="field__error team__field-note" role="alert">
                    {problems.token}
                  </p>
                ) : (
                  <p id={`${id}-token-help`} className="field__help team__field-note">
                    {t('team.tokenHelp')}
                  </p>
                )}
              </div>
            </div>
            {problems.form && (
              <div className="banner banner--error" role="alert">
                <span>{problems.form}</span>
              </div>
            )}
            <div className="team__actions">
              <button type="submit" className="button button--start" aria-disabled={connecting || undefined}>
                {connecting ? t('team.connecting') : t('team.connect')}
              </button>
            </div>
          </form>
        </>
      )}

      {confirming && account && <DisconnectDialog account={account} pending={status?.pending ?? 0} onConfirm={disconnect} onClose={() => setConfirming(false)} />}
    </section>
  )
}

interface ConnectedAccountProps {
  account: TeamAccount
  status: SyncStatus | null
  syncing: boolean
  onSyncNow: () => void
  onDisconnect: () => void
}

function ConnectedAccount({ account, status, syncing, onSyncNow, onDisconnect }: ConnectedAccountProps) {
  const translator = useT()
  const { t } = translator
  const text = status ? describeSyncStatus(status, undefined, translator) : null
  return (
    <>
      <dl className="team__facts">
        <div>
          <dt>{t('team.signedInAs')}</dt>
          <dd>
            {account.name} <span className="muted">· {account.email}</span>
          </dd>
        </div>
        <div>
          <dt>{t('team.role')}</dt>
          <dd>{roleText(account, translator)}</dd>
        </div>
        <div>
          <dt>{t('team.server')}</dt>
          <dd className="team__url">{account.url}</dd>
        </div>
        <div>
          <dt>{t('team.sync')}</dt>
          <dd>
            {syncing ? t('sync.syncing') : text ? [text.title, ...text.details].join(' · ') : t('team.checking')}
            {status?.state === 'attention' && (
              <>
                {' '}
                <a href="#attention">{t('sync.review', { count: status.issues })}</a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('team.token')}</dt>
          <dd>{t(TOKEN_PLACES[account.tokenProtection])}</dd>
        </div>
      </dl>
      {account.tokenProtection === 'plain-text' && (
        <div className="banner banner--warn" role="note" aria-label={t('team.plainTextNote')}>
          <span>
            <strong>{t('team.plainTextTitle')}</strong> {t('team.plainTextBody')}
          </span>
        </div>
      )}
      {account.tokenProtection === 'memory' && (
        <p className="note">{t('team.memoryNote')}</p>
      )}
      <div className="team__actions">
        <button type="button" className="button button--secondary" onClick={() => !syncing && onSyncNow()} aria-disabled={syncing || undefined}>
          {syncing ? t('sync.syncing') : t('sync.syncNow')}
        </button>
        <button type="button" className="button button--ghost button--danger-text" onClick={onDisconnect}>
          {t('team.signOutMore')}
        </button>
      </div>
    </>
  )
}

interface DisconnectDialogProps {
  account: TeamAccount
  pending: number
  onConfirm: () => Promise<string | null>
  onClose: () => void
}

function DisconnectDialog({ account, pending, onConfirm, onClose }: DisconnectDialogProps) {
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
