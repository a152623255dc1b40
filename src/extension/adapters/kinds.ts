// The systems the extension knows, in a file without DOM types (the service worker's status
// queries use it, and Node's type check reads those through the integration tests).
export const SYSTEM_KINDS = ['redmine', 'rt', 'zammad', 'jira', 'glpi', 'freshdesk', 'halopsa'] as const
export type SystemKind = (typeof SYSTEM_KINDS)[number]
