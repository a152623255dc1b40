// Settings → Team server, not signed in: the address and device token, with the checks the
// host makes too (so common slips are named at the field without a round trip) and the
// host's own refusals, per field when the request itself was refused.
import type { ReactNode, SyntheticEvent } from 'react'
import { ApiCallError } from '@shared/errors'
import type { Translator } from '@shared/i18n/translator'
import { useT } from '../i18n/i18n-context'

type Field = 'url' | 'token'
export type Problems = Partial<Record<Field, string>> & { form?: string }

export function formProblems(url: string, token: string, { t }: Translator): Problems {
  const problems: Problems = {}
  if (url.trim() === '') problems.url = t('team.noUrl')
  const trimmed = token.trim()
  if (trimmed === '') problems.token = t('team.noToken')
  else if (trimmed.length < 20) problems.token = t('team.shortToken', { length: trimmed.length })
  else if (trimmed.length > 200) problems.token = t('team.longToken')
  return problems
}

export function hostProblems(error: unknown): Problems {
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

interface TeamConnectFormProps {
  /** The prefix of the fields' ids: `${id}-url`, `${id}-token`. */
  id: string
  url: string
  token: string
  problems: Problems
  connecting: boolean
  onUrl: (url: string) => void
  onToken: (token: string) => void
  onSubmit: (event: SyntheticEvent) => void
}

export function TeamConnectForm({ id, url, token, problems, connecting, onUrl, onToken, onSubmit }: TeamConnectFormProps) {
  const { t } = useT()
  return (
    <form className="form team__form" noValidate onSubmit={onSubmit} aria-label={t('team.form')}>
      <div className="form__row">
        <ConnectField id={`${id}-url`} label={t('team.address')} help={t('team.addressHelp')} problem={problems.url}>
          {(described) => (
            <input id={`${id}-url`} type="url" inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://timesheets.example.com" value={url} onChange={(e) => onUrl(e.target.value)} {...described} />
          )}
        </ConnectField>
        <ConnectField id={`${id}-token`} label={t('team.token')} help={t('team.tokenHelp')} problem={problems.token}>
          {(described) => <input id={`${id}-token`} type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => onToken(e.target.value)} {...described} />}
        </ConnectField>
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
  )
}

interface Described {
  'aria-invalid': true | undefined
  'aria-describedby': string
}

/** A field whose note is its help, or its problem once there is one (then an alert, and the input is invalid). */
function ConnectField({ id, label, help, problem, children }: { id: string; label: string; help: string; problem: string | undefined; children: (described: Described) => ReactNode }) {
  const noteId = problem ? `${id}-problem` : `${id}-help`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ 'aria-invalid': problem ? true : undefined, 'aria-describedby': noteId })}
      <p id={noteId} className={`${problem ? 'field__error' : 'field__help'} team__field-note`} role={problem ? 'alert' : undefined}>
        {problem ?? help}
      </p>
    </div>
  )
}
