// What the work-item picker offers, in which order: pure, so the rules are tested without a
// page. A query matches when every word typed appears in the reference, the title or the
// customer, ignoring case and accents ("muller druck" finds Müller's printer ticket).
import { ENGLISH, type Translator } from '@shared/i18n/translator'
import { workItemDisplayName, type WorkItem } from '@shared/work'

/** A text reduced for matching: decomposed, accents (combining marks) dropped, lower case. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase()
}

/** The words of a query, folded; an empty query has none and matches everything. */
export function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean)
}

export function workItemMatches(item: WorkItem, words: readonly string[]): boolean {
  if (words.length === 0) return true
  const haystack = foldForSearch([item.reference ?? '', item.title, item.customerName ?? ''].join('\n'))
  return words.every((word) => haystack.includes(word))
}

export type PickerGroupKey = 'pinned' | 'favourites' | 'recent' | 'others'

export interface PickerGroup {
  key: PickerGroupKey
  label: string
  items: WorkItem[]
}

export interface PickerRequest {
  query: string
  /** Most recently used first (`work.recentItems`). */
  recentIds: readonly string[]
  /** The caller's current value: offered even when inactive, and only then is an inactive item offered. */
  currentId: string | null
  /** A group the caller puts first, e.g. Add row's items already in this period. */
  pinned?: { label: string; ids: ReadonlySet<string> }
}

const byName = (a: WorkItem, b: WorkItem) => workItemDisplayName(a).localeCompare(workItemDisplayName(b))

/**
 * The groups to show, empty ones left out: the caller's pinned items, then favourites, then
 * recently used ones (most recent first), then everything else by name. The same order
 * with or without a query, so an item never jumps groups while the user types. The groups'
 * names are in the translator's language.
 */
export function pickerGroups(items: readonly WorkItem[], request: PickerRequest, t: Translator['t'] = ENGLISH.t): PickerGroup[] {
  const words = queryWords(request.query)
  const offered = items.filter((item) => (item.active || item.id === request.currentId) && workItemMatches(item, words)).sort(byName)
  const rank = new Map(request.recentIds.map((id, i) => [id, i]))
  const pinnedIds = request.pinned?.ids ?? new Set<string>()
  const pinned = offered.filter((item) => pinnedIds.has(item.id))
  const rest = offered.filter((item) => !pinnedIds.has(item.id))
  const favourites = rest.filter((item) => item.favourite)
  const recent = rest.filter((item) => !item.favourite && rank.has(item.id)).sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
  const others = rest.filter((item) => !item.favourite && !rank.has(item.id))
  const groups: PickerGroup[] = [
    { key: 'pinned', label: request.pinned?.label ?? '', items: pinned },
    { key: 'favourites', label: t('work.picker.favourites'), items: favourites },
    { key: 'recent', label: t('work.picker.recent'), items: recent },
    { key: 'others', label: pinned.length + favourites.length + recent.length > 0 ? t('work.picker.others') : t('work.title'), items: others },
  ]
  return groups.filter((group) => group.items.length > 0)
}

/** Whether "No work item" is offered for this query: always when empty, else when its words match. */
export function noneMatches(noneLabel: string, query: string): boolean {
  const words = queryWords(query)
  const folded = foldForSearch(noneLabel)
  return words.every((word) => folded.includes(word))
}
