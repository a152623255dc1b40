// Appearance: the theme, System (the operating system's light or dark), Light or Dark.
import { useId } from 'react'
import { THEMES, type Settings, type SettingsPatch, type Theme } from '@shared/settings'
import '../ui/segmented.css'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'

const THEME_NAMES: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

interface AppearanceSettingsProps {
  appearance: Settings['appearance']
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => Promise<boolean>
}

export function AppearanceSettings({ appearance, feedback, onSave }: AppearanceSettingsProps) {
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title="Appearance" section="appearance" feedback={feedback} />
      <fieldset className="setting field" aria-describedby={`${id}-help`}>
        <legend>Theme</legend>
        <div className="segmented">
          {THEMES.map((theme) => (
            <label key={theme} className="segmented__option">
              <input type="radio" name={`${id}-theme`} value={theme} checked={appearance.theme === theme} onChange={() => void onSave({ appearance: { theme } })} />
              <span>{THEME_NAMES[theme]}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-help`} className="field__help">
          System follows your computer’s light or dark mode as it changes.
        </p>
      </fieldset>
    </section>
  )
}
