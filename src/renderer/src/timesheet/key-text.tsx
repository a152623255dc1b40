// A translated sentence with keys in it ("{enter} or {tab} to save"): the catalogue
// places the keys, this draws each as <kbd>, so no sentence is cut into pieces.
import { Fragment, type ReactNode } from 'react'
import type { MessageId } from '@shared/i18n/catalogue'
import type { Translator } from '@shared/i18n/translator'

const MARK = '\u0001'

/** The message `id` with each placeholder named in `keys` drawn as that key's <kbd>. */
export function keyText(translator: Pick<Translator, 't'>, id: MessageId, keys: Readonly<Record<string, string>>): ReactNode[] {
  const marked = Object.fromEntries(Object.keys(keys).map((name) => [name, `${MARK}${name}${MARK}`]))
  return translator
    .t(id, marked)
    .split(MARK)
    .map((part, i) => (i % 2 === 1 ? <kbd key={i}>{keys[part] ?? part}</kbd> : <Fragment key={i}>{part}</Fragment>))
}
