// Ticket links (stint://timer/start?ref=…) and the matching command-line switches, read
// strictly: both come from outside Stint (a web page, a PSA tool, a script), so whatever is
// not exactly understood is refused with a reason a person can act on, never guessed at.
// Titles and customers follow the names rule of src/shared/text.ts: NFC, spaces collapsed,
// and no invisible, format or control character (the one a link carries is named). A `url`
// names the ticket's page (src/shared/ticket-url.ts): the timer of that page is the ticket's,
// whatever reference another ticket system gives the same number.
import { nameProblem, normaliseName } from './text'
import { checkTicketUrl } from './ticket-url'

/** What a link or a command line asks of the timers. */
export type TimerCommand =
  | { action: 'start'; ref: string; title?: string; customer?: string; url?: string }
  | { action: 'stop'; ref: string; url?: string }

export type StintLinkResult = { ok: true; command: TimerCommand } | { ok: false; error: string }
/** `command: null` when the command line holds no timer request at all (a plain launch). */
export type TimerArgsResult = { ok: true; command: TimerCommand | null } | { ok: false; error: string }

export const STINT_LINK_MAX_LENGTH = 2048
export const TICKET_REF_MAX_LENGTH = 64
export const TIMER_TITLE_MAX_LENGTH = 200
export const CUSTOMER_MAX_LENGTH = 120

/**
 * A ticket reference: ASCII letters and digits plus `. _ : / # -`, starting with a letter or
 * digit, optionally after one `#` (#4711). No spaces, no quotes, nothing outside ASCII, so a
 * reference is safe to show, to log and to compare, and cannot look like another one.
 */
const TICKET_REF_PATTERN = /^#?[A-Za-z0-9][A-Za-z0-9._:/#-]*$/

/** Characters a link must carry percent-encoded (RFC 3986): controls, any whitespace, and " < > \ ^ ` { | }. */
const MUST_BE_ENCODED = /[\p{Cc}\s"<>\\^`{|}]/u
/** What URLSearchParams puts where the percent-encoding was not UTF-8. */
const REPLACEMENT_CHARACTER = '\uFFFD'

/**
 * The one path per action; a single trailing slash is tolerated because some launchers and
 * hand-written links add one. Anything else (/start/x, /Start, /start//) is refused.
 */
const ACTION_BY_PATH: ReadonlyMap<string, TimerCommand['action']> = new Map([
  ['/start', 'start'],
  ['/start/', 'start'],
  ['/stop', 'stop'],
  ['/stop/', 'stop'],
])

const PARAMETERS_BY_ACTION = {
  start: ['ref', 'title', 'customer', 'url'],
  stop: ['ref', 'url'],
} as const satisfies Record<TimerCommand['action'], readonly string[]>

// src/shared compiles without DOM or Node types, yet every Stint runtime (Node, Chromium)
// has the WHATWG URL class; these are the parts read here.
interface WhatwgUrl {
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly host: string
  readonly port: string
  readonly hash: string
  readonly searchParams: Iterable<[string, string]>
}
declare const URL: new (input: string) => WhatwgUrl

type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

/**
 * Reads a `stint://timer/start?ref=…&title=…&customer=…` or `stint://timer/stop?ref=…` link.
 * Values are percent-decoded ('+' is a space), then trimmed; an empty title or customer counts
 * as not given.
 */
export function parseStintLink(raw: string): StintLinkResult {
  const refuse = (problem: string): StintLinkResult => ({ ok: false, error: `Refused stint link: ${problem}` })

  if (raw.length > STINT_LINK_MAX_LENGTH) {
    return refuse(`it is ${raw.length} characters long; at most ${STINT_LINK_MAX_LENGTH} are allowed.`)
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw)?.[1]
  if (scheme === undefined) return refuse(`it is not a link. Stint links look like stint://timer/start?ref=TICKET-1234.`)
  if (scheme.toLowerCase() !== 'stint') return refuse(`only stint:// links are accepted, not ${quote(`${scheme}:`, 20)} links.`)
  if (MUST_BE_ENCODED.test(raw)) {
    return refuse('it contains a space, quote, control character or other character that must be percent-encoded (a space as %20 or +).')
  }
  if (!/^stint:\/\//i.test(raw)) return refuse('it must start with stint://timer/.')

  // Read the parts from the text itself: the URL parser would quietly resolve /x/../start.
  const afterScheme = raw.slice('stint://'.length)
  const authorityEnd = afterScheme.search(/[/?#]/)
  const authority = authorityEnd === -1 ? afterScheme : afterScheme.slice(0, authorityEnd)
  if (authority.includes('@')) return refuse('it carries a user name or password; Stint links never do.')
  if (authority.includes(':')) return refuse('it names a port; Stint links never do.')
  if (authority.toLowerCase() !== 'timer') return refuse(`unknown target ${quote(authority)}. Stint links start with stint://timer/.`)
  if (raw.includes('#')) return refuse('it has a #fragment. Write a # inside a value as %23, e.g. ref=%234711.')

  const rest = afterScheme.slice(authority.length)
  const queryStart = rest.indexOf('?')
  const path = queryStart === -1 ? rest : rest.slice(0, queryStart)
  const action = ACTION_BY_PATH.get(path)
  if (action === undefined) {
    return path === '' || path === '/'
      ? refuse('it names no action. Use stint://timer/start?ref=… or stint://timer/stop?ref=….')
      : refuse(`unknown action ${quote(path)}. Use stint://timer/start or stint://timer/stop.`)
  }

  let url: WhatwgUrl
  try {
    url = new URL(raw)
  } catch {
    return refuse('it is not a well-formed link.')
  }
  // Our reading above and the URL parser's must agree before its decoded values are trusted.
  if (url.protocol !== 'stint:' || url.host.toLowerCase() !== 'timer' || url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '') {
    return refuse('it is not a well-formed link.')
  }

  const allowed: readonly string[] = PARAMETERS_BY_ACTION[action]
  const values = new Map<string, string>()
  const counts = new Map<string, number>()
  for (const [name, value] of url.searchParams) {
    if (!allowed.includes(name)) {
      if (name === '') return refuse('a parameter has no name.')
      if (action === 'stop' && (name === 'title' || name === 'customer')) {
        return refuse(`a stop link takes only ref and url; ${quote(name)} is not allowed.`)
      }
      const only = action === 'start' ? 'Only ref, title, customer and url are allowed.' : 'A stop link takes only ref and url.'
      return refuse(`unknown parameter ${quote(name)}. ${only}`)
    }
    counts.set(name, (counts.get(name) ?? 0) + 1)
    values.set(name, value)
  }
  for (const [name, count] of counts) {
    if (count > 1) return refuse(`parameter ${quote(name)} appears ${count} times; give it once.`)
  }

  const ref = values.get('ref')
  if (ref === undefined) return refuse('the ticket reference is missing. Add ref=, e.g. ref=TICKET-1234.')
  const command = timerCommand(action, ref, values.get('title'), values.get('customer'), values.get('url'))
  return command.ok ? { ok: true, command: command.value } : refuse(command.problem)
}

/** The switches a second launch of Stint may carry; all others (Chromium's, Electron's) are ignored. */
const TIMER_SWITCHES = ['--start-timer', '--stop-timer', '--title', '--customer', '--url'] as const
type TimerSwitch = (typeof TIMER_SWITCHES)[number]

const SWITCH_EXAMPLES: Record<TimerSwitch, string> = {
  '--start-timer': '--start-timer=TICKET-1234',
  '--stop-timer': '--stop-timer=TICKET-1234',
  '--title': '--title="Printer offline"',
  '--customer': '--customer="Example Ltd"',
  '--url': '--url=https://redmine.example.com/issues/42',
}

function isTimerSwitch(name: string): name is TimerSwitch {
  return (TIMER_SWITCHES as readonly string[]).includes(name)
}

/**
 * Reads a timer request from a command line: `--start-timer REF [--title TEXT] [--customer TEXT]`,
 * `--stop-timer REF` (each also as `--name=value`), or one bare stint:// link as Windows and
 * Linux pass it. Prefer the `=` form: Chromium moves switches ahead of plain arguments in the
 * argv a second instance hands over, which separates `--title` from its text.
 * Arguments after a lone `--` are only ever read as links.
 */
export function parseTimerArgs(argv: readonly string[]): TimerArgsResult {
  const refuse = (problem: string): TimerArgsResult => ({ ok: false, error: `Refused command line: ${problem}` })

  const given = new Map<TimerSwitch, string>()
  const links: string[] = []
  let switchesEnded = false
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? ''
    if (/^stint:/i.test(arg)) {
      links.push(arg)
      continue
    }
    if (switchesEnded) continue
    if (arg === '--') {
      switchesEnded = true
      continue
    }
    const equals = arg.indexOf('=')
    const name = equals === -1 ? arg : arg.slice(0, equals)
    if (!isTimerSwitch(name)) continue
    if (given.has(name)) return refuse(`${name} is given twice; give it once.`)
    if (equals !== -1) {
      given.set(name, arg.slice(equals + 1))
      continue
    }
    const next = argv[index + 1]
    if (next === undefined || next.startsWith('--')) {
      return refuse(`${name} needs a value, e.g. ${SWITCH_EXAMPLES[name]} (keep the = form: Chromium may reorder separate arguments).`)
    }
    given.set(name, next)
    index++
  }

  if (links.length > 1) return refuse(`it holds ${links.length} stint:// links; give one at a time.`)
  const [link] = links
  if (link !== undefined) {
    if (given.size > 0) return refuse('give either a stint:// link or --start-timer/--stop-timer, not both.')
    return parseStintLink(link)
  }

  const start = given.get('--start-timer')
  const stop = given.get('--stop-timer')
  const title = given.get('--title')
  const customer = given.get('--customer')
  const url = given.get('--url')
  if (start !== undefined && stop !== undefined) return refuse('--start-timer and --stop-timer were both given; give one of them.')
  if (stop !== undefined) {
    if (title !== undefined) return refuse('--stop-timer takes only a ticket reference; --title is not allowed with it.')
    if (customer !== undefined) return refuse('--stop-timer takes only a ticket reference; --customer is not allowed with it.')
  }
  if (start === undefined && stop === undefined) {
    if (title !== undefined) return refuse('--title only goes with --start-timer.')
    if (customer !== undefined) return refuse('--customer only goes with --start-timer.')
    if (url !== undefined) return refuse('--url only goes with --start-timer or --stop-timer.')
    return { ok: true, command: null }
  }

  const command = start !== undefined ? timerCommand('start', start, title, customer, url) : timerCommand('stop', stop ?? '', undefined, undefined, url)
  return command.ok ? { ok: true, command: command.value } : refuse(command.problem)
}

function timerCommand(
  action: TimerCommand['action'],
  rawRef: string,
  rawTitle: string | undefined,
  rawCustomer: string | undefined,
  rawUrl: string | undefined,
): Checked<TimerCommand> {
  const ref = checkTicketRef(rawRef)
  if (!ref.ok) return ref
  let url: string | undefined
  if (rawUrl !== undefined) {
    const checked = checkTicketUrl(rawUrl)
    if (!checked.ok) return { ok: false, problem: checked.problem }
    url = checked.url
  }
  const page = url === undefined ? {} : { url }
  if (action === 'stop') return { ok: true, value: { action, ref: ref.value, ...page } }

  const title = checkText('the title', rawTitle, TIMER_TITLE_MAX_LENGTH)
  if (!title.ok) return title
  const customer = checkText('the customer', rawCustomer, CUSTOMER_MAX_LENGTH)
  if (!customer.ok) return customer
  return {
    ok: true,
    value: {
      action,
      ref: ref.value,
      ...(title.value === undefined ? {} : { title: title.value }),
      ...(customer.value === undefined ? {} : { customer: customer.value }),
      ...page,
    },
  }
}

function checkTicketRef(raw: string): Checked<string> {
  // Checked before trimming, so a line break at either end is refused rather than trimmed away.
  const invisible = nameProblem(raw, 'the ticket reference')
  if (invisible !== undefined) return { ok: false, problem: `${invisible}.` }
  const ref = raw.trim()
  if (ref === '') return { ok: false, problem: 'the ticket reference is empty. Give one, e.g. TICKET-1234.' }
  if (ref.length > TICKET_REF_MAX_LENGTH) {
    return { ok: false, problem: `the ticket reference is ${ref.length} characters long; at most ${TICKET_REF_MAX_LENGTH} are allowed.` }
  }
  if (!TICKET_REF_PATTERN.test(ref)) {
    return {
      ok: false,
      problem: `the ticket reference ${quote(ref)} may contain only letters A–Z, digits and . _ : / # - (no spaces), and must start with a letter or digit (or # and a letter or digit).`,
    }
  }
  return { ok: true, value: ref }
}

function checkText(label: string, raw: string | undefined, maxLength: number): Checked<string | undefined> {
  if (raw === undefined) return { ok: true, value: undefined }
  // Line breaks, tabs, direction overrides, zero-width and other invisible characters: named, never stripped.
  const invisible = nameProblem(raw, label)
  if (invisible !== undefined) return { ok: false, problem: `${invisible}.` }
  if (raw.includes(REPLACEMENT_CHARACTER)) return { ok: false, problem: `${label} has broken percent-encoding; encode the text as UTF-8.` }
  const text = normaliseName(raw)
  // Counted in code points, not graphemes, so combining marks cannot stretch a title without bound.
  const length = Array.from(text).length
  if (length > maxLength) return { ok: false, problem: `${label} is ${length} characters long; at most ${maxLength} are allowed.` }
  return { ok: true, value: text === '' ? undefined : text }
}

/** Input shown back in an error: quoted, invisible characters spelled out, cut to `max` characters. */
function quote(text: string, max = 40): string {
  const characters = Array.from(text)
  const shown = characters.length > max ? `${characters.slice(0, max).join('')}…` : text
  const visible = shown.replace(/[\p{Cc}\p{Cf}\u2028\u2029"\\]/gu, (character) =>
    character === '"' || character === '\\' ? `\\${character}` : `\\u{${(character.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`,
  )
  return `"${visible}"`
}
