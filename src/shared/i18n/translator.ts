// One translator for both processes: the tray menu, notifications and errors of the
// main process, and (through react-intl's provider) the renderer. ICU messages from
// the bundled catalogues; nothing is fetched at run time.
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl'
import { catalogueOf, type MessageId } from './catalogue'
import { FORMAT_LOCALES, type Language } from './languages'

/** Values a message's placeholders take: {count, plural, …}, {name}… */
export type MessageValues = Readonly<Record<string, string | number | Date>>

export interface Translator {
  readonly language: Language
  /** The locale dates and numbers are written in ('en-GB', 'de-DE'). */
  readonly locale: string
  readonly t: (id: MessageId, values?: MessageValues) => string
}

const cache = createIntlCache()

/** The intl object react-intl's provider and the translator share. */
export function intlFor(language: Language): IntlShape {
  return createIntl({ locale: FORMAT_LOCALES[language], messages: catalogueOf(language), defaultLocale: 'en-GB' }, cache)
}

export function createTranslator(language: Language): Translator {
  const intl = intlFor(language)
  return {
    language,
    locale: FORMAT_LOCALES[language],
    t: (id, values) => intl.formatMessage({ id }, values),
  }
}

/** English, for pure helpers called without a translator (tests of their English wording, a view outside any provider). */
export const ENGLISH: Translator = createTranslator('en')
