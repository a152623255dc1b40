// A throwaway Redmine 5 (Debian's, /usr/share/redmine) for tests, on 127.0.0.1 and a free
// port, with its own SQLite database in a temp folder. Debian's Redmine reads its database,
// log and tmp folders from /usr/share/redmine/instances/<instance> (= /var/lib/redmine), so
// each start builds its own Rails root beside the database: symlinks to Debian's app, lib,
// public…, and copies of config.ru, Rakefile and config/*.rb (Ruby loads symlinked files by
// their real path, which would make Rails find Debian's root and database again). The
// database is a copy of a template migrated once per machine (rake db:migrate, the default
// data, the REST API on, the admin's API key), cached under os.tmpdir(). Debian's instance
// and database are never read or written.
//
// Times on the 2-core build machine: the template ~20 s once; each start ~5-6 s (Rails boot).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, cpSync } from 'node:fs'
import { join } from 'node:path'
import { cachedTemplate, freePort, runToEnd, startServer, tempDir, waitForHttp } from './ticket-system-process'

export const REDMINE_HOME = process.env['STINT_REDMINE_HOME'] ?? '/usr/share/redmine'
const HARNESS_VERSION = 1

export function hasRedmine(): boolean {
  return existsSync(join(REDMINE_HOME, 'config.ru')) && existsSync('/usr/bin/rackup')
}

export interface RedmineTimeEntry {
  id: number
  hours: number
  comments: string
  spent_on: string
  activity: { id: number; name: string }
  user: { id: number; name: string }
  issue?: { id: number }
}

export interface RunningRedmine {
  /** Base URL, no trailing slash. */
  url: string
  /** The admin's REST API key. */
  apiKey: string
  /** The admin's login and password, for the web pages (Redmine's defaults; no change of password asked). */
  login: string
  password: string
  /** This instance's SQLite database file (to read what the API rounds, e.g. hours). */
  database: string
  /** Milliseconds from spawning Rails to its first answer. */
  bootMs: number
  /** Calls the REST API as the admin; returns the parsed JSON body (null for an empty one). */
  api(method: string, path: string, body?: unknown): Promise<unknown>
  createProject(name: string): Promise<{ id: number; identifier: string }>
  createIssue(projectId: number, subject: string): Promise<number>
  closeIssue(issueId: number): Promise<void>
  issueStatus(issueId: number): Promise<{ name: string; closed: boolean }>
  timeEntries(issueId: number): Promise<RedmineTimeEntry[]>
  activities(): Promise<{ id: number; name: string }[]>
  /** A user with this email, made a Developer (may log time) of `projectId` when given. */
  createUser(user: { login: string; email: string; firstname?: string; lastname?: string }, projectId?: number): Promise<number>
  stop(): Promise<void>
}

/** A Rails root of its own in `dir` whose database is `database`. */
function makeRoot(dir: string, database: string): void {
  mkdirSync(join(dir, 'config'), { recursive: true })
  for (const name of readdirSync(REDMINE_HOME)) {
    if (name === 'config' || name === 'instances') continue
    if (name === 'config.ru' || name === 'Rakefile') copyFileSync(join(REDMINE_HOME, name), join(dir, name))
    else symlinkSync(join(REDMINE_HOME, name), join(dir, name))
  }
  const config = join(REDMINE_HOME, 'config')
  for (const name of readdirSync(config)) {
    if (name === 'database.yml') continue
    if (name.endsWith('.rb')) copyFileSync(join(config, name), join(dir, 'config', name))
    else symlinkSync(join(config, name), join(dir, 'config', name))
  }
  const instance = join(dir, 'instances', 'default')
  for (const sub of ['config', 'log', 'tmp/cache', 'files', 'public']) mkdirSync(join(instance, sub), { recursive: true })
  const yml = `production:\n  adapter: sqlite3\n  database: ${database}\n  encoding: utf8\n`
  writeFileSync(join(dir, 'config', 'database.yml'), yml)
  writeFileSync(join(instance, 'config', 'database.yml'), yml)
  writeFileSync(join(instance, 'config', 'secret_key.txt'), 'stint-test-redmine-' + String(Math.random()).slice(2) + '0'.repeat(40))
}

function railsEnv(database: string): NodeJS.ProcessEnv {
  return { ...process.env, RAILS_ENV: 'production', DATABASE_URL: `sqlite3:${database}`, REDMINE_LANG: 'en', RUBYOPT: '-W0' }
}

const SETUP = `
require File.expand_path('config/environment', Dir.pwd)
Setting.rest_api_enabled = '1'
admin = User.find_by_login('admin')
admin.must_change_passwd = false
admin.save!
print "APIKEY=#{admin.api_key}"
`

async function template(): Promise<{ database: string; apiKey: string }> {
  const stamp = Math.round(statSync(join(REDMINE_HOME, 'Gemfile')).mtimeMs)
  const dir = await cachedTemplate(`redmine-${stamp}-v${HARNESS_VERSION}`, async (into) => {
    mkdirSync(into)
    const work = tempDir('stint-redmine-template-')
    try {
      const database = join(into, 'redmine.sqlite3')
      makeRoot(work, database)
      const options = { cwd: work, env: { ...railsEnv(database), SCHEMA: join(work, 'schema.rb') } }
      await runToEnd('rake', ['db:migrate'], options)
      await runToEnd('rake', ['redmine:load_default_data'], options)
      writeFileSync(join(work, 'setup.rb'), SETUP)
      const output = await runToEnd('ruby', ['setup.rb'], options)
      const key = /APIKEY=(\w+)/.exec(output)?.[1]
      if (!key) throw new Error(`Redmine setup printed no API key:\n${output}`)
      writeFileSync(join(into, 'api-key'), key)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
  return { database: join(dir, 'redmine.sqlite3'), apiKey: readFileSync(join(dir, 'api-key'), 'utf8').trim() }
}

export async function startRedmine(): Promise<RunningRedmine> {
  if (!hasRedmine()) throw new Error(`Redmine is not installed at ${REDMINE_HOME} (or rackup is missing); run scripts/ticket-systems/install-debian.sh as root.`)
  const { database: templateDb, apiKey } = await template()
  const dir = tempDir('stint-redmine-')
  const database = join(dir, 'redmine.sqlite3')
  cpSync(templateDb, database)
  const root = join(dir, 'root')
  makeRoot(root, database)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  const server = startServer('rackup', ['-r', 'webrick', '-s', 'webrick', '-o', '127.0.0.1', '-p', String(port), '-E', 'production', 'config.ru'], { cwd: root, env: railsEnv(database) })
  try {
    await waitForHttp(url + '/', server, 90_000)
  } catch (error) {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const bootMs = Date.now() - started

  async function api(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(url + path, {
      method,
      headers: { 'X-Redmine-API-Key': apiKey, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`Redmine ${method} ${path}: ${response.status} ${text}`)
    return text.trim() ? JSON.parse(text) : null
  }

  let closedStatus: number | null = null
  return {
    url,
    apiKey,
    login: 'admin',
    password: 'admin',
    database,
    bootMs,
    api,
    async createProject(name) {
      const identifier = 'p' + Date.now().toString(36) + Math.random().toString(36).slice(2, 6)
      const trackers = (await api('GET', '/trackers.json')) as { trackers: { id: number }[] }
      const made = (await api('POST', '/projects.json', { project: { name, identifier, tracker_ids: trackers.trackers.map((t) => t.id), enabled_module_names: ['issue_tracking', 'time_tracking'] } })) as { project: { id: number } }
      return { id: made.project.id, identifier }
    },
    async createIssue(projectId, subject) {
      const made = (await api('POST', '/issues.json', { issue: { project_id: projectId, subject } })) as { issue: { id: number } }
      return made.issue.id
    },
    async closeIssue(issueId) {
      if (closedStatus === null) {
        const statuses = (await api('GET', '/issue_statuses.json')) as { issue_statuses: { id: number; is_closed: boolean }[] }
        closedStatus = statuses.issue_statuses.find((status) => status.is_closed)?.id ?? null
      }
      await api('PUT', `/issues/${issueId}.json`, { issue: { status_id: closedStatus } })
    },
    async issueStatus(issueId) {
      const issue = (await api('GET', `/issues/${issueId}.json`)) as { issue: { status: { name: string; is_closed?: boolean } } }
      const statuses = (await api('GET', '/issue_statuses.json')) as { issue_statuses: { name: string; is_closed: boolean }[] }
      const closed = statuses.issue_statuses.find((status) => status.name === issue.issue.status.name)?.is_closed ?? false
      return { name: issue.issue.status.name, closed }
    },
    async timeEntries(issueId) {
      const listed = (await api('GET', `/time_entries.json?issue_id=${issueId}&limit=100`)) as { time_entries: RedmineTimeEntry[] }
      return listed.time_entries
    },
    async activities() {
      const listed = (await api('GET', '/enumerations/time_entry_activities.json')) as { time_entry_activities: { id: number; name: string }[] }
      return listed.time_entry_activities.map(({ id, name }) => ({ id, name }))
    },
    async createUser(user, projectId) {
      const made = (await api('POST', '/users.json', {
        user: { login: user.login, mail: user.email, firstname: user.firstname ?? user.login, lastname: user.lastname ?? 'Tester', password: 'stint-test-password-1' },
      })) as { user: { id: number } }
      if (projectId !== undefined) {
        const roles = (await api('GET', '/roles.json')) as { roles: { id: number; name: string }[] }
        const developer = roles.roles.find((role) => role.name === 'Developer') ?? roles.roles[0]
        await api('POST', `/projects/${projectId}/memberships.json`, { membership: { user_id: made.user.id, role_ids: [developer?.id] } })
      }
      return made.user.id
    },
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
