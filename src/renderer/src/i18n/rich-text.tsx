// A message with markup: <kbd>…</kbd> in a catalogue text becomes a key cap, so a sentence
// that names keys stays one message a translator can reorder, not pieces glued together.
import { createIntl, createIntlCache } from '@formatjs/intl'
import { Children, useMemo, type ReactNode } from 'react'
import { catalogueOf, type MessageId } from '@shared/i18n/catalogue'
import type { MessageValues } from '@shared/i18n/translator'
import { useT } from './i18n-context'

const cache = createIntlCache()
const TAGS = { kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd> }

export function RichText({ id, values }: { id: MessageId; values?: MessageValues }) {
  const { language, locale } = useT()
  const intl = useMemo(() => createIntl<ReactNode>({ locale, messages: catalogueOf(language), defaultLocale: 'en-GB' }, cache), [language, locale])
  const formatted = intl.formatMessage({ id }, { ...values, ...TAGS })
  // Children.toArray gives each piece of the sentence a key.
  return <>{Array.isArray(formatted) ? Children.toArray(formatted) : formatted}</>
}
