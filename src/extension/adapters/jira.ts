// Jira (Cloud and Data Center), from Atlassian's documented issue URLs (/browse/<KEY-1>, and
// ?selectedIssue=<KEY-1> on boards) and the issue view's stable test ids; NOT verified
// against a real Jira (fixtures/jira-*.html are written after those pages). Cloud marks the
// summary heading data-testid="issue.views.issue-base.foundation.summary.heading"; Data
// Center has #summary-val, #status-val and #project-name-val. An issue whose status is in
// the Done category (Done, Closed, Resolved…) counts as closed.
import { firstWithText, oneLine, shortTitle, type SiteAdapter } from './types'

const KEY = /^[A-Z][A-Z0-9_]+-\d+$/
const DONE = /^(done|closed|resolved|erledigt|geschlossen|gelöst|fertig)$/i
const CLOUD = 'issue.views.issue-base.foundation'

export const jiraAdapter: SiteAdapter = {
  kind: 'jira',
  read(doc, url) {
    const fromPath = /\/browse\/([A-Z][A-Z0-9_]+-\d+)\/?$/.exec(url.pathname)?.[1]
    const key = fromPath ?? url.searchParams.get('selectedIssue') ?? ''
    if (!KEY.test(key)) return null
    const titleElement = firstWithText(doc, [`[data-testid="${CLOUD}.summary.heading"]`, '#summary-val'])
    if (!titleElement) return null
    const status = oneLine(firstWithText(doc, [`[data-testid="${CLOUD}.status.status-field-wrapper"] button`, `[data-testid="${CLOUD}.status.status-field-wrapper"]`, '#status-val'])?.textContent)
    const project = oneLine(firstWithText(doc, [`[data-testid="${CLOUD}.breadcrumbs.project.item"]`, '#project-name-val'])?.textContent)
    const base = fromPath ? url.pathname.slice(0, url.pathname.lastIndexOf('/browse/')) : ''
    return {
      system: 'jira',
      ref: key,
      ticketId: key,
      title: shortTitle(oneLine(titleElement.textContent)),
      customer: project === '' ? null : project,
      url: `${url.origin}${base}/browse/${key}`,
      titleElement,
      closed: DONE.test(status),
    }
  },
}
