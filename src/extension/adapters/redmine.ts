// Redmine (5.0, verified against the real Redmine installed from Debian: fixtures/redmine-*.html
// were saved from it). An issue page is /issues/<id> under Redmine's base path; its body
// has the classes controller-issues action-show, the title is div.subject h3, the project
// is #header h1, and a closed status adds the class "closed" to div.issue.
import { oneLine, shortTitle, type SiteAdapter } from './types'

export const redmineAdapter: SiteAdapter = {
  kind: 'redmine',
  read(doc, url) {
    const match = /^(.*)\/issues\/(\d+)\/?$/.exec(url.pathname)
    if (!match || !doc.body.classList.contains('controller-issues') || !doc.body.classList.contains('action-show')) return null
    const [, base = '', id = ''] = match
    const issue = doc.querySelector('div.issue.details')
    const titleElement = issue?.querySelector('div.subject h3') ?? null
    if (!issue || !titleElement) return null
    const project = oneLine(doc.querySelector('#header h1 .current-project, #header h1')?.textContent)
    return {
      system: 'redmine',
      ref: `Redmine#${id}`,
      ticketId: id,
      title: shortTitle(oneLine(titleElement.textContent)),
      customer: project === '' ? null : project,
      url: `${url.origin}${base}/issues/${id}`,
      titleElement,
      closed: issue.classList.contains('closed'),
    }
  },
}
