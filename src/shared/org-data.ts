// Organisation data (customers, contracts and their included hours, activity types and the
// default, work items) and who may change it, as pure rules both ends use. The team server
// judges every write with them (src/server/org/authority.ts adds what only it knows: who
// made a row, whether an admin has taken it over); a device connected as a member refuses
// at once what the server would refuse anyway. Also the keys look-alikes are found by.
import { nameKey } from './text'

export type OrgDataKind = 'customer' | 'contract' | 'activityType' | 'workItem'
export type OrgRole = 'member' | 'approver' | 'admin'

export const KIND_NAMES: Record<OrgDataKind, string> = { customer: 'customer', contract: 'contract', activityType: 'activity type', workItem: 'work item' }

/**
 * What someone who is not an admin may make: the work items, and their customers, that the
 * tickets they work on need (a ticket link names both). Never contracts (they carry the hours
 * customers pay for), never activity types or the default (every device follows them).
 */
export function mayCreate(role: OrgRole, kind: OrgDataKind): boolean {
  return role === 'admin' || kind === 'customer' || kind === 'workItem'
}

/** Why a non-admin may not make or change `kind` at all, or null when they may (their own rows). */
export function adminOnlyReason(role: OrgRole, kind: OrgDataKind): string | null {
  if (mayCreate(role, kind)) return null
  return kind === 'contract'
    ? 'Contracts and their included hours are set by your organisation’s admin on the team server'
    : 'Activity types, and which one is the default, are set by your organisation’s admin on the team server'
}

/** The most a contract includes: 100,000 hours, as the admin's command line allows (and far inside what the column holds). */
export const MAX_INCLUDED_MINUTES = 100_000 * 60

export const ORGANISATION_ADMIN_ONLY = 'Only an admin puts a customer in an organisation (the group reports add customers up by)'

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
export function lookAlikeProblem(kind: OrgDataKind, existing: { name: string; reference?: string | null }): string {
  if (kind === 'workItem' && existing.reference) return `${existing.reference} already exists ("${existing.name}"); references that differ only in letter case or invisible characters are the same. Book on that one`
  const article = kind === 'activityType' ? 'An' : 'A'
  return `${article} ${KIND_NAMES[kind]} called "${existing.name}" already exists; names that differ only in letter case, spacing, accents or invisible characters are the same name. Use that one`
}
