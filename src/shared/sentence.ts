// Sentences that end in a name: "Added Acme, Inc." must not read "Added Acme, Inc..".
// A name may end in its own full stop (Inc., Ltd., St.), or in "?", "!" or "…";
// the sentence then ends there instead of adding another.

/** `text` ended as a sentence: a full stop added unless it already ends in one (or in ? ! …). */
export function endSentence(text: string): string {
  return /[.!?…]$/u.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`
}
