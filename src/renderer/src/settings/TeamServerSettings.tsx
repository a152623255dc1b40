// Settings → Team server: connect this device with an address and a device token, see
// whose account it syncs for and where the token is kept, sync now, or disconnect (the
// local data stays). The host checks the address and token against the server before
// anything changes, and its refusals are complete sentences shown beside the form.
import { useCallback, useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { ApiCallError } from '@shared/errors'
import type { SyncStatus, TeamAccount } from '@shared/sync'
import { useClient } from '../client-context'
import { describeSyncStatus, plural } from '../sync/sync-status-text'
import { useSyncStatus } from '../sync/use-sync-status'
import { Dialog } from '../ui/Dialog'
import { endSentence } from '@shared/sentence'

const ROLE_NAMES: Record<TeamAccount['role'], string> = { member: 'Member', approver: 'Approver', admin: 'Administrator' }

function roleText(account: TeamAccount): string {
  const levels = account.approverLevels
  if (levels.length === 0) return ROLE_NAMES[account.role]
  return `${ROLE_NAMES[account.role]} · approves at level ${levels.join(' and ')}`
}

const TOKEN_PLACES: Record<TeamAccount['tokenProtection'], string> = {
  keychain: 'Encrypted by the operating system’s keychain.',
  'plain-text': 'Stored without encryption (no keyring available).',
  memory: 'In memory only, until the browser host stops.',
}

type Field = 'url' | 'token'
type Problems = Partial<Record<Field, string>> & { form?: string }

/** The checks the host makes too, so the common slips are named at the field without a round trip. */
function formProblems(url: string, token: string): Problems {
  const problems: Problems = {}
  if (url.trim() === '') problems.url = 'Enter the server address, such as https://timesheets.example.com.'
  const t = token.trim()
  if (t === '') problems.token = 'Paste the device token your administrator gave you.'
  else if (t.length < 20) problems.token = `A device token is at least 20 characters long (this one has ${t.length}); paste all of it.`
  else if (t.length > 200) problems.token = 'That is longer than any device token; check what was pasted.'
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
    const local = formProblems(url, token)
    setProblems(local)
    if (Object.keys(local).length > 0) {
      document.getElementById(`${id}-${local.url ? 'url' : 'token'}`)?.focus()
      return
    }
    setConnecting(true)
    setFeedback('Connecting…')
    try {
      const connected = await client.sync.connect({ url: url.trim(), token: token.trim() })
      setToken('')
      setDisconnected(false)
      show(connected)
      setFeedback(endSentence(`Connected as ${connected.name}`))
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
    setFeedback('Signed out. Your data stays on this device.')
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
          Team server
        </h2>
        <p className="panel__status" role="status">
          {feedback}
        </p>
      </div>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>The team server settings could not be loaded: {loadError}</span>
          <button type="button" className="button button--ghost button--compact" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}
      {account === undefined && !loadError && <p className="muted">Loading…</p>}

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
            <div className="banner banner--warn" role="note" aria-label="Not signed in">
              <span>
                {disconnected ? (
                  <>
                    <strong>Signed out of {account.url}.</strong> Your time stays on this device, still {account.name}’s; paste a device token to sign in again.
                  </>
                ) : (
                  <>
                    <strong>Not signed in as {account.name}.</strong> {status?.message ?? 'Paste the device token again to sync.'}
                  </>
                )}
              </span>
            </div>
          )}
          {!account && (
            <p className="team__intro">
              Connect to your team’s Stint server to send periods for approval and have your time on every device. Until then everything stays on this device, and submitting a period approves it at once.
            </p>
          )}
          <form className="form team__form" noValidate onSubmit={(e) => void connect(e)} aria-label="Connect to a team server">
            <div className="form__row">
              <div className="field">
                <label htmlFor={`${id}-url`}>Server address</label>
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
                    Plain http:// works only for a server on this computer.
                  </p>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${id}-token`}>Device token</label>
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
                    Made for this device on the team server; your administrator gives it to you.
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
                {connecting ? 'Connecting…' : 'Connect'}
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
  const text = status ? describeSyncStatus(status) : null
  return (
    <>
      <dl className="team__facts">
        <div>
          <dt>Signed in as</dt>
          <dd>
            {account.name} <span className="muted">· {account.email}</span>
          </dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>{roleText(account)}</dd>
        </div>
        <div>
          <dt>Server</dt>
          <dd className="team__url">{account.url}</dd>
        </div>
        <div>
          <dt>Sync</dt>
          <dd>
            {syncing ? 'Syncing…' : text ? [text.title, ...text.details].join(' · ') : 'Checking…'}
            {status?.state === 'attention' && (
              <>
                {' '}
                <a href="#attention">Review {plural(status.issues, 'issue', 'issues')}</a>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Device token</dt>
          <dd>{TOKEN_PLACES[account.tokenProtection]}</dd>
        </div>
      </dl>
      {account.tokenProtection === 'plain-text' && (
        <div className="banner banner--warn" role="note" aria-label="Token not encrypted">
          <span>
            <strong>The token is stored without encryption.</strong> On this Linux system no keyring (such as GNOME Keyring or KWallet) is available, so anyone who can read your files can use
            it. Set up a keyring and connect again to have it encrypted.
          </span>
        </div>
      )}
      {account.tokenProtection === 'memory' && (
        <p className="note">The browser host keeps the token in memory only: it forgets it when it stops, and you paste it here again after a restart.</p>
      )}
      <div className="team__actions">
        <button type="button" className="button button--secondary" onClick={() => !syncing && onSyncNow()} aria-disabled={syncing || undefined}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" className="button button--ghost button--danger-text" onClick={onDisconnect}>
          Sign out…
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
      title="Sign out of the team server?"
      description={`Stint forgets this device’s token for ${account.url}.`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button--ghost" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className="button button--stop" onClick={() => void confirm()} aria-disabled={busy || undefined}>
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </>
      }
    >
      <p>
        Your time, periods and work items stay on this device, and you can keep working offline.
        {pending > 0 && ` ${plural(pending, 'change has', 'changes have')} not reached the server yet; they stay here too and go up when you sign in again.`}
      </p>
      {error && (
        <div className="banner banner--error" role="alert">
          <span>{error}</span>
        </div>
      )}
    </Dialog>
  )
}
