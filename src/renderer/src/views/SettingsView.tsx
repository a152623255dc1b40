// Settings: every change is saved the moment it is made (there is no Save button), with
// a quiet "Saved" beside the section, or the host's reason and the old value back.
import { useId } from 'react'
import type { SettingsPatch } from '@shared/settings'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { AppearanceSettings } from '../settings/AppearanceSettings'
import { BillingSettings } from '../settings/BillingSettings'
import { ReminderSettings } from '../settings/ReminderSettings'
import { ExtensionSettings } from '../settings/ExtensionSettings'
import { ImportSettings } from '../import/ImportSettings'
import { TicketSystemsSettings } from '../settings/TicketSystemsSettings'
import { SectionHead } from '../settings/SectionHead'
import { ShortcutSettings, useShortcutStatus } from '../settings/ShortcutSettings'
import { TeamServerSettings } from '../settings/TeamServerSettings'
import { TimerSettings } from '../settings/TimerSettings'
import { TimesheetSettings } from '../settings/TimesheetSettings'
import { useSettings } from '../settings/use-settings'
import '../settings/settings.css'

export function SettingsView() {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const { settings, loadError, feedback, save, reload } = useSettings(client)
  const { status, refresh } = useShortcutStatus(client)

  const saveShortcuts = async (patch: SettingsPatch) => {
    const saved = await save('shortcuts', patch)
    // The desktop app re-registers on a change and pushes the new report; ask too, in case it did not.
    if (saved) await refresh()
    return saved
  }

  return (
    <section className="view view--narrow" aria-labelledby={`${id}-title`}>
      <header className="view__head">
        <div>
          <h1 id={`${id}-title`}>{t('settings.title')}</h1>
          <p className="view__subtitle">{t('settings.subtitle')}</p>
        </div>
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>{t('settings.loadFailed', { reason: loadError })}</span>
          <button type="button" className="button button--ghost" onClick={() => void reload()}>
            {t('settings.tryAgain')}
          </button>
        </div>
      )}
      {!settings && !loadError && <p className="muted">{t('settings.loading')}</p>}

      {settings && (
        <>
          <TimerSettings timers={settings.timers} feedback={feedback} onSave={(patch) => void save('timers', patch)} />
          <TimesheetSettings timesheet={settings.timesheet} feedback={feedback} onSave={(patch) => save('timesheet', patch)} />
          <TeamServerSettings />
          <BillingSettings />
          <ShortcutSettings shortcuts={settings.shortcuts} status={status} feedback={feedback} onSave={saveShortcuts} />
          <ReminderSettings reminders={settings.reminders} feedback={feedback} onSave={(patch) => save('reminders', patch)} />
          <AppearanceSettings appearance={settings.appearance} language={settings.language} exports={settings.exports} feedback={feedback} onSave={(patch) => save('appearance', patch)} />
          <ExtensionSettings />
          <TicketSystemsSettings />
          <ImportSettings />
          <section className="panel" aria-labelledby={`${id}-startup`}>
            <SectionHead id={`${id}-startup`} title={t('settings.startup.title')} section="startup" feedback={feedback} />
            <div className="setting">
              <label className="check" htmlFor={`${id}-login`}>
                <input
                  id={`${id}-login`}
                  type="checkbox"
                  checked={settings.startAtLogin}
                  onChange={(e) => void save('startup', { startAtLogin: e.target.checked })}
                  aria-describedby={`${id}-login-help`}
                />
                <span>{t('settings.startup.atLogin')}</span>
              </label>
              <p id={`${id}-login-help`} className="field__help field__help--check">
                {t('settings.startup.help')}
              </p>
            </div>
          </section>
        </>
      )}
    </section>
  )
}
