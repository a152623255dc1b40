// Settings: every change is saved the moment it is made (there is no Save button), with
// a quiet "Saved" beside the section, or the host's reason and the old value back.
import { useId } from 'react'
import type { SettingsPatch } from '@shared/settings'
import { useClient } from '../client-context'
import { AppearanceSettings } from '../settings/AppearanceSettings'
import { ReminderSettings } from '../settings/ReminderSettings'
import { SectionHead } from '../settings/SectionHead'
import { ShortcutSettings, useShortcutStatus } from '../settings/ShortcutSettings'
import { TeamServerSettings } from '../settings/TeamServerSettings'
import { TimerSettings } from '../settings/TimerSettings'
import { TimesheetSettings } from '../settings/TimesheetSettings'
import { useSettings } from '../settings/use-settings'

export function SettingsView() {
  const client = useClient()
  const id = useId()
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
          <h1 id={`${id}-title`}>Settings</h1>
          <p className="view__subtitle">Changes are saved as you make them.</p>
        </div>
      </header>

      {loadError && (
        <div className="banner banner--error" role="alert">
          <span>Settings could not be loaded: {loadError}</span>
          <button type="button" className="button button--ghost" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      )}
      {!settings && !loadError && <p className="muted">Loading settings…</p>}

      {settings && (
        <>
          <TimerSettings timers={settings.timers} feedback={feedback} onSave={(patch) => void save('timers', patch)} />
          <TimesheetSettings timesheet={settings.timesheet} feedback={feedback} onSave={(patch) => save('timesheet', patch)} />
          <TeamServerSettings />
          <ShortcutSettings shortcuts={settings.shortcuts} status={status} feedback={feedback} onSave={saveShortcuts} />
          <ReminderSettings reminders={settings.reminders} feedback={feedback} onSave={(patch) => save('reminders', patch)} />
          <AppearanceSettings appearance={settings.appearance} feedback={feedback} onSave={(patch) => save('appearance', patch)} />
          <section className="panel" aria-labelledby={`${id}-startup`}>
            <SectionHead id={`${id}-startup`} title="Startup" section="startup" feedback={feedback} />
            <div className="setting">
              <label className="check" htmlFor={`${id}-login`}>
                <input
                  id={`${id}-login`}
                  type="checkbox"
                  checked={settings.startAtLogin}
                  onChange={(e) => void save('startup', { startAtLogin: e.target.checked })}
                  aria-describedby={`${id}-login-help`}
                />
                <span>Start Stint at login</span>
              </label>
              <p id={`${id}-login-help`} className="field__help field__help--check">
                Desktop app only. Stint starts in the tray, so running timers and reminders are there from the first minute.
              </p>
            </div>
          </section>
        </>
      )}
    </section>
  )
}
