// Reading a push: the envelope first (who sends it, up to 500 changes that each carry an
// id), then each change on its own. A change the schema refuses is answered `refused`
// with the schema's sentence and the rest go on; only an envelope the server cannot read
// (not an object, no usable id on a change, too many changes) is refused as a whole,
// with a 400 that names the place, because without an id there is nothing to answer.
//
// One id twice in one push: an id names one change, so the first is the change; a
// second copy of exactly the same change is answered as its replay (the same answer,
// as when the whole push is sent again), and a different change under the same id is
// refused rather than silently ignored, so its sender learns its ids are not unique.
import { englishRefusal, type Refusal } from '@shared/i18n/refusal-text'
import { MutationSchema, PushEnvelopeSchema, type Mutation, type MutationResult, type MutationType } from '@shared/sync'
import { runsRefusal } from '@shared/sync-runs'
import { fieldIssues, parseInput } from '../errors'
import { refusal, refusedAnswer } from './answers'

/** A change of the push with a readable id: parsed, or refused by the schema with the reason (`why`: as a catalogue refusal, when it has one). */
export type PushChange = { id: string; mutation: Mutation } | { id: string; refusal: string; why?: Refusal }

export interface ReadPush {
  deviceId: string
  /** The changes to apply, one per id, in the order sent. */
  changes: PushChange[]
  /** Puts the answers to `changes` (same order) back in the order of the push, repeats and refused copies included. */
  answer(results: readonly MutationResult[]): MutationResult[]
}

const KNOWN_TYPES: readonly MutationType[] = MutationSchema.options.map((option) => option.shape.type.value)
const NOT_APPLIED = 'This change was not applied; the rest of the push was.'

/** The change `raw` as the schema reads it, or why the schema refuses it, in a sentence a person can act on. */
function changeOf(id: string, raw: Record<string, unknown>): PushChange {
  const type = raw['type']
  if (typeof type !== 'string' || !(KNOWN_TYPES as readonly string[]).includes(type)) {
    const named = typeof type === 'string' ? `"${type}" is not a kind of change this server knows` : 'A change needs its type'
    return { id, refusal: `${named} (it takes ${KNOWN_TYPES.join(', ')}). ${NOT_APPLIED}` }
  }
  // An entry's timer runs are judged first, so what is wrong with them is said in the sender's language.
  const entry = raw['entry']
  if (type === 'entry.put' && typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>)['runs'] !== undefined) {
    const why = runsRefusal((entry as Record<string, unknown>)['runs'])
    if (why) return { id, refusal: englishRefusal(why), why }
  }
  const parsed = MutationSchema.safeParse(raw)
  if (parsed.success) return { id, mutation: parsed.data }
  const problems = fieldIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message.replace(/[.]$/, '')}`)
  return { id, refusal: `The ${type} change cannot be taken: ${problems.join('; ')}. ${NOT_APPLIED}` }
}

/** Reads a push's body, or throws the 400 that says what is wrong with its envelope. */
export function readPush(body: unknown): ReadPush {
  const envelope = parseInput(PushEnvelopeSchema, body, 'The push')
  const changes: PushChange[] = []
  /** For each position of the push: the change answered there, or a fixed answer. */
  const slots: ({ change: number } | { fixed: MutationResult })[] = []
  // The first change of each id; its text is made only when the id comes again (rare).
  const first = new Map<string, { change: number; raw: object }>()
  for (const raw of envelope.mutations) {
    const earlier = first.get(raw.id)
    if (earlier) {
      slots.push(
        JSON.stringify(earlier.raw) === JSON.stringify(raw)
          ? { change: earlier.change }
          : { fixed: refusedAnswer(raw.id, refusal('refusal.sync.changeIdTwice')) },
      )
      continue
    }
    const change = changeOf(raw.id, raw)
    first.set(raw.id, { change: changes.length, raw })
    slots.push({ change: changes.length })
    changes.push(change)
  }
  return {
    deviceId: envelope.deviceId,
    changes,
    answer: (results) =>
      slots.map((slot) => {
        if ('fixed' in slot) return slot.fixed
        const result = results[slot.change]
        if (!result) throw new Error(`no answer for change ${slot.change} of the push`)
        return result
      }),
  }
}
