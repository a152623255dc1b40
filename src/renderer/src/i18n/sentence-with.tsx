// A translated sentence with elements inside it (a link, <kbd> keys): the sentence stays
// one message in the catalogue, so each language orders its words around the element
// itself. Each element's placeholder gets a private-use marker, and the text is cut there.
import { Fragment, type ReactNode } from 'react'
import type { MessageId } from '@shared/i18n/catalogue'
import type { MessageValues, Translator } from '@shared/i18n/translator'

const MARK = '\uE000'

export function sentenceWith(t: Translator['t'], id: MessageId, elements: Readonly<Record<string, ReactNode>>, values: MessageValues = {}): ReactNode {
  const names = Object.keys(elements)
  const marked = Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`]))
  const parts = t(id, { ...values, ...marked }).split(MARK)
  // Odd parts are the markers' indexes; even parts are the text between them.
  return parts.map((part, i) => <Fragment key={i}>{i % 2 === 1 ? elements[names[Number(part)] ?? ''] : part}</Fragment>)
}

/** The message `id` with each placeholder named in `keys` drawn as that key's cap ("{enter} or {tab} to save"). */
export function sentenceWithKeys(t: Translator['t'], id: MessageId, keys: Readonly<Record<string, string>>, values: MessageValues = {}): ReactNode {
  return sentenceWith(t, id, Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, <kbd>{key}</kbd>])), values)
}
