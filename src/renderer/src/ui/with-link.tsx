// A translated sentence with one element inside it (a link, a bold figure): the
// catalogue keeps the whole sentence, so each language puts the element where its word
// order wants it. The message is formatted with LINK in the element's place and split there.
import type { ReactNode } from 'react'

/** What a message gets for its element's placeholder: a character no sentence holds. */
export const LINK = '\u0000'

export function WithLink({ text, link }: { text: string; link: ReactNode }) {
  const at = text.indexOf(LINK)
  if (at < 0) return <>{text}</>
  return (
    <>
      {text.slice(0, at)}
      {link}
      {text.slice(at + LINK.length)}
    </>
  )
}
