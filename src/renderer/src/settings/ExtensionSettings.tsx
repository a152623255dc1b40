// The browser extension: what it does, and setting up a browser so the extension can talk to
// this app (the host installs its native-messaging manifest, which names only Stint's
// extension). Each browser is one button; what was done, or why not, is said under them.
import { useId, useState } from 'react'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'

const BROWSERS = ['chromium', 'chrome', 'firefox'] as const
type Browser = (typeof BROWSERS)[number]

export function ExtensionSettings() {
  const client = useClient()
  const { t } = useT()
  const id = useId()
  const [busy, setBusy] = useState<Browser | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)

  const setUp = async (browser: Browser) => {
    if (busy) return
    setBusy(browser)
    setOutcome(null)
    try {
      const { manifestPath } = await client.extension.setUpBrowser({ browser })
      setOutcome({ ok: true, text: t('settings.extension.done', { browser, path: manifestPath }) })
    } catch (error) {
      setOutcome({ ok: false, text: (error as Error).message })
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('settings.extension.title')}
        </h2>
      </div>
      <p id={`${id}-help`} className="field__help">
        {t('settings.extension.help')}
      </p>
      <div className="extension-setup" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`}>
        {BROWSERS.map((browser) => (
          <button key={browser} type="button" className="button button--secondary" aria-disabled={busy !== null || undefined} onClick={() => void setUp(browser)}>
            {t('settings.extension.setUp', { browser })}
          </button>
        ))}
      </div>
      <p className={outcome?.ok === false ? 'field__error' : 'field__help'} role={outcome?.ok === false ? 'alert' : 'status'}>
        {outcome?.text ?? ''}
      </p>
    </section>
  )
}
