// Organisation data (customers, contracts and their included hours, activity types and the
// default, work items) and who may change it, as pure rules both ends use. The team server
// judges every write with them (src/server/org/authority.ts adds what only it knows: who
// made a row, whether an admin has taken it over); a device connected as a member refuses
// at once what the server would refuse anyway. Also the keys look-alikes are found by.
import { refusalText, type Refusal } from './i18n/refusal-text'
import { ENGLISH } from './i18n/translator'
import { nameKey } from './text'

export type OrgDataKind = 'customer' | 'contract' | 'activityType' | 'workItem'
export type OrgRole = 'member' | 'approver' | 'admin'

/**
 * What someone who is not an admin may make: the work items, and their customers, that the
 * tickets they work on need (a ticket link names both). Never contracts (they carry the hours
 * customers pay for), never activity types or the default (every device follows them).
 */
export function mayCreate(role: OrgRole, kind: OrgDataKind): boolean {
  return role === 'admin' || kind === 'customer' || kind === 'workItem'
}

/** Why a non-admin may not make or change `kind` at all, as a refusal without its end, or null when they may (their own rows). */
export function adminOnlyRefusal(role: OrgRole, kind: OrgDataKind): Refusal | null {
  if (mayCreate(role, kind)) return null
  return { id: kind === 'contract' ? 'refusal.contractsAdminOnly' : 'refusal.activityTypesAdminOnly' }
}

/** A rule's sentence (without its end) as the log and the server write it. */
function english(refusal: Refusal): string {
  return refusalText(refusal.id, refusal.values, ENGLISH, 'log') ?? refusal.id
}

/** A refusal without its end, closed with "Nothing was changed." in the reader's language. */
export function notKept(refusal: Refusal): Refusal {
  return { id: 'refusal.notKept', values: { ...refusal.values, refusal: refusal.id } }
}

/** The most a contract includes: 100,000 hours, as the admin's command line allows (and far inside what the column holds). */
export const MAX_INCLUDED_MINUTES = 100_000 * 60

export const ORGANISATION_ADMIN_ONLY_REFUSAL: Refusal = { id: 'refusal.organisationAdminOnly' }

/** The key two work items that look alike share: the ticket reference when there is one, else the title. */
export function workItemKey(item: { reference: string | null; title: string }): string {
  return item.reference !== null ? `ref:${nameKey(item.reference)}` : `title:${nameKey(item.title)}`
}

/** The key of a customer, contract or activity type name (a contract's within its customer). */
export function orgNameKey(name: string): string {
  return nameKey(name)
}

/**
 * The refusal of a look-alike, naming the one that exists, so the person books on it.
 * Sentences without the closing "nothing was changed": each path adds its own.
 */
export function lookAlikeRefusal(kind: OrgDataKind, existing: { name: string; reference?: string | null }): Refusal {
  if (kind === 'workItem' && existing.reference) return { id: 'refusal.referenceExists', values: { reference: existing.reference, name: existing.name } }
  return { id: 'refusal.nameExists', values: { kind, name: existing.name } }
}

/** The same in English words. */
export function lookAlikeProblem(kind: OrgDataKind, existing: { name: string; reference?: string | null }): string {
  return english(lookAlikeRefusal(kind, existing))
}
