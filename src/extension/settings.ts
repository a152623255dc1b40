// What the options page stores (chrome.storage.local): the self-hosted systems the user
// added, and per system whether its timer starts when a ticket page opens and stops when
// the page shows the ticket closed. Both are off unless the user turns them on.
import { cloudSystemOf } from './adapters/index'
import { SYSTEM_KINDS, type SystemKind } from './adapters/kinds'

export interface SystemChoice {
  autoStart: boolean
  autoStop: boolean
}

export interface SelfHostedSystem extends SystemChoice {
  /** https://redmine.example.com (an origin: scheme, host and port). */
  origin: string
  kind: SystemKind
}

export interface ExtensionSettings {
  selfHosted: SelfHostedSystem[]
  cloud: Partial<Record<SystemKind, SystemChoice>>
}

export const SYSTEM_NAMES: Record<SystemKind, string> = {
  redmine: 'Redmine',
  rt: 'Request Tracker',
  zammad: 'Zammad',
  jira: 'Jira',
  glpi: 'GLPI',
  freshdesk: 'Freshdesk',
  halopsa: 'HaloPSA',
}
export const CLOUD_KINDS: readonly SystemKind[] = ['jira', 'zammad', 'freshdesk', 'halopsa']

const isKind = (value: unknown): value is SystemKind => typeof value === 'string' && (SYSTEM_KINDS as readonly string[]).includes(value)
const choiceOf = (value: unknown): SystemChoice => {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
  return { autoStart: v['autoStart'] === true, autoStop: v['autoStop'] === true }
}

/** The stored settings, read defensively: anything not understood is left out (off). */
export function readSettings(stored: Record<string, unknown>): ExtensionSettings {
  const selfHosted = Array.isArray(stored['selfHosted']) ? (stored['selfHosted'] as unknown[]) : []
  const cloud = (typeof stored['cloud'] === 'object' && stored['cloud'] !== null ? stored['cloud'] : {}) as Record<string, unknown>
  return {
    selfHosted: selfHosted.flatMap((entry) => {
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>
      const origin = originOf(typeof e['origin'] === 'string' ? e['origin'] : '')
      return origin !== null && isKind(e['kind']) ? [{ origin, kind: e['kind'], ...choiceOf(e) }] : []
    }),
    cloud: Object.fromEntries(CLOUD_KINDS.filter((kind) => kind in cloud).map((kind) => [kind, choiceOf(cloud[kind])])),
  }
}

/** The origin of an address the user typed (https://host[:port]), or null when it is not an http(s) address. */
export function originOf(address: string): string | null {
  try {
    const url = new URL(address.trim())
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url.origin : null
  } catch {
    return null
  }
}

/** The id a self-hosted system's registered content script has. */
export function scriptIdOf(origin: string): string {
  return `site-${Array.from(origin, (c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')}`
}

/** The system a ticket page belongs to (a cloud host, or a self-hosted system the user added) and the user's choices for it. */
export function systemOfPage(settings: ExtensionSettings, page: string): { kind: SystemKind; origin: string; choice: SystemChoice } | null {
  let url: URL
  try {
    url = new URL(page)
  } catch {
    return null
  }
  const cloud = cloudSystemOf(url.hostname)
  if (cloud !== null && url.protocol === 'https:') return { kind: cloud, origin: url.origin, choice: settings.cloud[cloud] ?? { autoStart: false, autoStop: false } }
  const own = settings.selfHosted.find((system) => system.origin === url.origin)
  return own ? { kind: own.kind, origin: own.origin, choice: own } : null
}
