// The language of the window: the Settings choice, or with System the browser's (in
// Electron, Chromium's: the system's) preferred languages; followed live as the
// setting changes. Views read it with useT(). Without a provider (a view rendered
// alone in a test) everything is English.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { StintClient } from '@shared/bridge'
import { resolveLanguage, type LanguageSetting } from '@shared/i18n/languages'
import { createTranslator, ENGLISH, type Translator } from '@shared/i18n/translator'
import { followSettings } from '../settings/follow-settings'

const I18nContext = createContext<Translator>(ENGLISH)
const SystemLanguagesContext = createContext<readonly string[] | null>(null)

export function useT(): Translator {
  return useContext(I18nContext)
}

/** The languages the system prefers, best first, as the browser reports them. */
function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language]
}

/** The system's languages as the provider was given them (the browser's outside a provider): what "System" means here. */
export function useSystemLanguages(): readonly string[] {
  return useContext(SystemLanguagesContext) ?? browserLanguages()
}

interface I18nProviderProps {
  client: StintClient
  children: ReactNode
  /** The system's languages; a prop so tests can be German without touching the browser. */
  system?: readonly string[]
  /** Told the window's translator whenever the language changes: the client shows refusals with it. */
  onTranslator?: (translator: Translator) => void
}

export function I18nProvider({ client, children, system, onTranslator }: I18nProviderProps) {
  const [setting, setSetting] = useState<LanguageSetting>('system')
  useEffect(() => followSettings(client, (settings) => setSetting(settings.language)), [client])
  const systemList = system ?? browserLanguages()
  const language = resolveLanguage(setting, systemList)
  const translator = useMemo(() => createTranslator(language), [language])
  useEffect(() => onTranslator?.(translator), [onTranslator, translator])
  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = language
  }, [language])
  return (
    <SystemLanguagesContext.Provider value={systemList}>
      <I18nContext.Provider value={translator}>{children}</I18nContext.Provider>
    </SystemLanguagesContext.Provider>
  )
}
