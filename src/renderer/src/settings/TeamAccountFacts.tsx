// Settings → Team server, signed in: whose account this device syncs for, its role, the
// server, how the last sync went and where the token is kept; Sync now and Sign out.
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'
import type { SyncStatus, TeamAccount } from '@shared/sync'
import { useT } from '../i18n/i18n-context'
import { describeSyncStatus } from '../sync/sync-status-text'

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

interface ConnectedAccountProps {
  account: TeamAccount
  status: SyncStatus | null
  syncing: boolean
  onSyncNow: () => void
  onDisconnect: () => void
}

export function ConnectedAccount({ account, status, syncing, onSyncNow, onDisconnect }: ConnectedAccountProps) {
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
