// The answer to a change a push does not apply, made from its refusal: the English reason
// older devices and API clients read, with the id and values a newer device says in its
// reader's language (src/shared/i18n/refusal-text.ts).
import { englishRefusal, framed, refusalData, type Refusal, type RefusalId, type RefusalValues } from '@shared/i18n/refusal-text'
import type { MutationResult } from '@shared/sync'

/** A refusal by id: `refusal('refusal.sync.entryVoided')`. */
export function refusal(id: RefusalId, values?: RefusalValues): Refusal {
  return values ? { id, values } : { id }
}

/** A sentence without its end (org data's rules), closed the way a push closes it. */
export function notApplied(problem: Refusal): Refusal {
  return framed('refusal.sync.notApplied', problem)
}

/** `current`: the server's copy when the answer carries one (undefined: the answer has no `current`). */
export function refusedAnswer(id: string, why: Refusal, current?: unknown): MutationResult {
  return { id, status: 'refused', reason: englishRefusal(why), ...refusalData(why), ...(current === undefined ? {} : { current }) }
}

export function conflictAnswer(id: string, why: Refusal, current: unknown): MutationResult {
  return { id, status: 'conflict', reason: englishRefusal(why), ...refusalData(why), current }
}
