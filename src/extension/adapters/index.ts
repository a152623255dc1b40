// The adapters by system, and which system a cloud address belongs to. Self-hosted
// systems are the ones the user added on the options page (stored with their kind).
import { freshdeskAdapter } from './freshdesk'
import { glpiAdapter } from './glpi'
import { haloAdapter } from './halopsa'
import { jiraAdapter } from './jira'
import { redmineAdapter } from './redmine'
import { rtAdapter } from './rt'
import type { SiteAdapter, SystemKind } from './types'
import { zammadAdapter } from './zammad'

export const ADAPTERS: Record<SystemKind, SiteAdapter> = {
  redmine: redmineAdapter,
  rt: rtAdapter,
  zammad: zammadAdapter,
  jira: jiraAdapter,
  glpi: glpiAdapter,
  freshdesk: freshdeskAdapter,
  halopsa: haloAdapter,
}

/** Cloud hosts the manifest's content scripts match; each is one system. */
const CLOUD_HOSTS: readonly [RegExp, SystemKind][] = [
  [/\.atlassian\.net$/, 'jira'],
  [/\.zammad\.com$/, 'zammad'],
  [/\.freshdesk\.com$/, 'freshdesk'],
  [/\.halopsa\.com$/, 'halopsa'],
]

export function cloudSystemOf(hostname: string): SystemKind | null {
  return CLOUD_HOSTS.find(([pattern]) => pattern.test(hostname))?.[1] ?? null
}
