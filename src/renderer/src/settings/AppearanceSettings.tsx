// Appearance: the theme, System (the operating system's light or dark), Light or Dark,
// and the language, System (the operating system's), English or Deutsch.
import { useId } from 'react'
import { csvDialect, type CsvFormat } from '@shared/csv-dialect'
import { LANGUAGE_NAMES, LANGUAGES, resolveLanguage } from '@shared/i18n/languages'
import { CSV_FORMATS, THEMES, type Settings, type SettingsPatch } from '@shared/settings'
import { useSystemLanguages, useT } from '../i18n/i18n-context'
import '../ui/segmented.css'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'

interface AppearanceSettingsProps {
  appearance: Settings['appearance']
  language: Settings['language']
  exports: Settings['exports']
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => Promise<boolean>
}

/** How a CSV file in `format` writes a day and a decimal: '2026-12-03 · 1.50', '03.12.2026 · 1,50'. */
function csvExample(format: CsvFormat): string {
  const { day, decimal } = csvDialect(format)
  return `${day('2026-12-03')} · 1${decimal}50`
}

export function AppearanceSettings({ appearance, language, exports, feedback, onSave }: AppearanceSettingsProps) {
  const id = useId()
  const { t, language: shown } = useT()
  const systemLanguage = LANGUAGE_NAMES[resolveLanguage('system', useSystemLanguages())]
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title={t('settings.appearance.title')} section="appearance" feedback={feedback} />
      <fieldset className="setting field" aria-describedby={`${id}-help`}>
        <legend>{t('settings.appearance.theme')}</legend>
        <div className="segmented">
          {THEMES.map((theme) => (
            <label key={theme} className="segmented__option">
              <input type="radio" name={`${id}-theme`} value={theme} checked={appearance.theme === theme} onChange={() => void onSave({ appearance: { theme } })} />
              <span>{t(`settings.appearance.${theme}`)}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-help`} className="field__help">
          {t('settings.appearance.themeHelp')}
        </p>
      </fieldset>
      <div className="setting">
        <label className="field field--narrow" htmlFor={`${id}-language`}>
          <span>{t('settings.language.label')}</span>
          <select id={`${id}-language`} value={language} onChange={(e) => void onSave({ language: e.target.value === 'system' ? 'system' : (LANGUAGES.find((l) => l === e.target.value) ?? 'system') })} aria-describedby={`${id}-language-help`}>
            <option value="system">{t('settings.language.system', { language: systemLanguage })}</option>
            {LANGUAGES.map((code) => (
              // Each language in itself, so a reader finds their own whatever the window speaks.
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <p id={`${id}-language-help`} className="field__help">
          {t('settings.language.help')}
        </p>
      </div>
      <fieldset className="setting field" aria-describedby={`${id}-csv-help`}>
        <legend>{t('settings.csv.label')}</legend>
        <div className="segmented">
          {CSV_FORMATS.map((format) => (
            <label key={format} className="segmented__option">
              <input type="radio" name={`${id}-csv`} value={format} checked={exports.csvFormat === format} onChange={() => void onSave({ exports: { csvFormat: format } })} />
              <span>{t(`settings.csv.${format}`, { example: csvExample(format === 'machine' ? 'machine' : shown) })}</span>
            </label>
          ))}
        </div>
        <p id={`${id}-csv-help`} className="field__help">
          {t('settings.csv.help')}
        </p>
      </fieldset>
    </section>
  )
}
