// A throwaway Request Tracker 5 (Debian's request-tracker5, its rt-server) for tests, on
// 127.0.0.1 and a free port, with its own SQLite database in a temp folder. RT reads its
// site config from RT_SITE_CONFIG and RT_SITE_CONFIG_DIR when set, so Debian's
// /etc/request-tracker5 and database are never used; the config also moves Mason's cache and
// the session files into the temp folder (Debian's are under /var/cache/request-tracker5).
// The database is a copy of a template made once per machine by rt-setup-database (root's
// password "password", plus an auth token for root), cached under os.tmpdir().
// stop() sends SIGTERM to the process group, never SIGINT: Debian's rt-server answers SIGINT
// as root by chown-ing /var/lib/request-tracker5.
//
// Times on the 2-core build machine: the template ~8 s once; each start ~4-5 s (7 s while
// other test files run).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cachedTemplate, freePort, runToEnd, startServer, tempDir, waitForHttp } from './ticket-system-process'

const RT_HOME = process.env['STINT_RT_HOME'] ?? '/usr/share/request-tracker5'
const RT_SERVER = join(RT_HOME, 'libexec', 'rt-server')
const RT_SETUP = '/usr/sbin/rt-setup-database-5'
const HARNESS_VERSION = 2

export function hasRequestTracker(): boolean {
  return existsSync(RT_SERVER) && existsSync(RT_SETUP)
}

export interface RtTransaction {
  id: string
  Type: string
  TimeTaken: number
  /** The subject of a comment or correspondence. */
  Data: string
  /** The text of its first attachment ("" when none). */
  Content: string
}

export interface RunningRequestTracker {
  /** Base URL (the web UI); REST2 is at `${url}/REST/2.0/`. */
  url: string
  user: string
  password: string
  /** An auth token of that user (header `Authorization: token <token>`). */
  token: string
  bootMs: number
  /** Calls REST2 as root; returns the parsed JSON body. */
  api(method: string, path: string, body?: unknown): Promise<unknown>
  createTicket(subject: string, queue?: string): Promise<number>
  resolveTicket(id: number): Promise<void>
  ticketStatus(id: number): Promise<string>
  transactions(id: number): Promise<RtTransaction[]>
  /** The ticket's TimeWorked, in minutes. */
  timeWorked(id: number): Promise<number>
  /** A privileged user; answers its id as REST2 gives it (its name). */
  createUser(user: { name: string; email: string; realName?: string }): Promise<string>
  stop(): Promise<void>
}

function siteConfig(dir: string, database: string, port: number): string {
  const quote = (value: string): string => `'${value.replace(/[\\']/g, '\\$&')}'`
  return [
    "Set($rtname, 'stint.test');",
    "Set($Organization, 'stint.test');",
    "Set($DatabaseType, 'SQLite');",
    `Set($DatabaseName, ${quote(database)});`,
    "Set($WebPath, '');",
    "Set($WebDomain, '127.0.0.1');",
    `Set($WebPort, ${port});`,
    `Set($WebBaseURL, 'http://127.0.0.1:${port}');`,
    "Set($LogToSTDERR, 'error');",
    'Set($LogToSyslog, undef);',
    'Set($LogToFile, undef);',
    "Set($Timezone, 'UTC');",
    "Set($MailCommand, 'testfile');",
    // Passwords and auth tokens are checked with bcrypt on every REST2 request; RT's cost 12
    // takes a quarter second a request on the build machine. Test credentials need no such cost.
    'Set($BcryptCost, 4);',
    `$RT::MasonDataDir = ${quote(join(dir, 'mason_data'))};`,
    `$RT::MasonSessionDir = ${quote(join(dir, 'session_data'))};`,
    '1;',
    '',
  ].join('\n')
}

function rtEnv(dir: string): NodeJS.ProcessEnv {
  return { ...process.env, RT_SITE_CONFIG: join(dir, 'RT_SiteConfig.pm'), RT_SITE_CONFIG_DIR: join(dir, 'RT_SiteConfig.d'), PERL_LWP_SSL_VERIFY_HOSTNAME: '0' }
}

function prepare(dir: string, database: string, port: number): void {
  for (const sub of ['RT_SiteConfig.d', 'mason_data', 'session_data']) mkdirSync(join(dir, sub), { recursive: true })
  writeFileSync(join(dir, 'RT_SiteConfig.pm'), siteConfig(dir, database, port))
}

const MAKE_TOKEN = `
use strict; use warnings;
use lib '${RT_HOME}/lib';
use RT; RT::LoadConfig(); RT::Init();
require RT::AuthToken;
my $user = RT::User->new(RT->SystemUser); $user->Load('root');
my $token = RT::AuthToken->new(RT->SystemUser);
my ($ok, $msg, $auth) = $token->Create(Owner => $user->Id, Description => 'stint tests');
die "token: $msg" unless $ok;
print "TOKEN=$auth\\n";
`

async function template(): Promise<{ database: string; token: string }> {
  const stamp = Math.round(statSync(RT_SERVER).mtimeMs)
  const dir = await cachedTemplate(`request-tracker-${stamp}-v${HARNESS_VERSION}`, async (into) => {
    mkdirSync(into)
    const work = tempDir('stint-rt-template-')
    try {
      const database = join(into, 'rtdb')
      prepare(work, database, 1)
      const options = { cwd: work, env: rtEnv(work) }
      await runToEnd(RT_SETUP, ['--action', 'init', '--skip-create'], options)
      writeFileSync(join(work, 'token.pl'), MAKE_TOKEN)
      const output = await runToEnd('perl', ['token.pl'], options)
      const token = /TOKEN=(\S+)/.exec(output)?.[1]
      if (!token) throw new Error(`RT printed no auth token:\n${output}`)
      writeFileSync(join(into, 'token'), token)
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  })
  return { database: join(dir, 'rtdb'), token: readFileSync(join(dir, 'token'), 'utf8').trim() }
}

export async function startRequestTracker(): Promise<RunningRequestTracker> {
  if (!hasRequestTracker()) throw new Error(`Request Tracker 5 is not installed (${RT_SERVER}); run scripts/ticket-systems/install-debian.sh as root.`)
  const { database: templateDb, token } = await template()
  const dir = tempDir('stint-rt-')
  const database = join(dir, 'rtdb')
  cpSync(templateDb, database)
  const port = await freePort()
  prepare(dir, database, port)
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  const server = startServer(RT_SERVER, ['--host', '127.0.0.1', '--port', String(port), '--max-workers', '2'], { cwd: dir, env: rtEnv(dir) })
  try {
    await waitForHttp(url + '/', server, 90_000)
  } catch (error) {
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  const bootMs = Date.now() - started
  const user = 'root'
  const password = 'password'
  const authorization = 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')

  async function api(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${url}/REST/2.0${path}`, {
      method,
      headers: { Authorization: authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`RT ${method} ${path}: ${response.status} ${text}`)
    return text.trim() ? JSON.parse(text) : null
  }

  return {
    url,
    user,
    password,
    token,
    bootMs,
    api,
    async createTicket(subject, queue = 'General') {
      const made = (await api('POST', '/ticket', { Queue: queue, Subject: subject })) as { id: string }
      return Number(made.id)
    },
    async resolveTicket(id) {
      await api('PUT', `/ticket/${id}`, { Status: 'resolved' })
    },
    async ticketStatus(id) {
      return ((await api('GET', `/ticket/${id}?fields=Status`)) as { Status: string }).Status
    },
    async transactions(id) {
      const all: RtTransaction[] = []
      for (let page = 1; ; page++) {
        const listed = (await api('GET', `/ticket/${id}/history?fields=Type,TimeTaken,Data&per_page=100&page=${page}`)) as {
          items: { id: string; Type: string; TimeTaken: string; Data: string }[]
          pages: number
        }
        for (const item of listed.items) {
          const hasText = item.Type === 'Comment' || item.Type === 'Correspond'
          const attachments = hasText ? ((await api('GET', `/transaction/${item.id}/attachments?fields=Content`)) as { items: { Content?: string }[] }) : { items: [] }
          const content = attachments.items.map((a) => a.Content ?? '').join('')
          all.push({ id: item.id, Type: item.Type, TimeTaken: Number(item.TimeTaken), Data: item.Data ?? '', Content: content })
        }
        if (page >= listed.pages) break
      }
      return all
    },
    async timeWorked(id) {
      return Number(((await api('GET', `/ticket/${id}?fields=TimeWorked`)) as { TimeWorked: string }).TimeWorked)
    },
    async createUser(made) {
      const answer = (await api('POST', '/user', { Name: made.name, EmailAddress: made.email, RealName: made.realName ?? made.name, Privileged: 1 })) as { id: string | number }
      return String(answer.id)
    },
    async stop() {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
