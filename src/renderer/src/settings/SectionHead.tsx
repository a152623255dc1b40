// A settings panel's heading with its save feedback: a quiet "Saved" in a polite live
// region, or the host's refusal as an alert right under the heading of that section.
import { useT } from '../i18n/i18n-context'
import type { SaveFeedback, SettingsSection } from './use-settings'

/** Ends a message with a full stop unless it already ends a sentence. */
function asSentence(message: string): string {
  const trimmed = message.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

interface SectionHeadProps {
  id: string
  title: string
  section: SettingsSection
  feedback: SaveFeedback | null
}

export function SectionHead({ id, title, section, feedback }: SectionHeadProps) {
  const { t } = useT()
  const mine = feedback?.section === section ? feedback : null
  return (
    <>
      <div className="panel__head">
        <h2 id={id} className="panel__title">
          {title}
        </h2>
        <p className="panel__status" role="status">
          {mine?.state === 'saving' && t('settings.saving')}
          {mine?.state === 'saved' && (
            <>
              <span aria-hidden="true">✓ </span>
              {t('settings.saved')}
            </>
          )}
        </p>
      </div>
      {mine?.state === 'failed' && (
        <div className="banner banner--error" role="alert">
          <span>{t('settings.notSaved', { reason: asSentence(mine.message) })}</span>
        </div>
      )}
    </>
  )
}
