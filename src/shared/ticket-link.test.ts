import { describe, expect, it } from 'vitest'
import { parseStintLink, parseTimerArgs, type TimerCommand } from './ticket-link'

const WINDOWS_EXE = 'C:\\Program Files\\Stint\\Stint.exe'
const LINUX_EXE = '/opt/Stint/stint'

function refusalOf(result: { ok: true } | { ok: false; error: string }): string {
  if (result.ok) throw new Error('expected a refusal, got a command')
  return result.error
}

describe('a ticket link that starts or stops a timer', () => {
  it.each<[string, string, TimerCommand]>([
    ['a plain start link', 'stint://timer/start?ref=TICKET-1234', { action: 'start', ref: 'TICKET-1234' }],
    [
      'a start link with title and customer, spaces as %20 and UTF-8',
      'stint://timer/start?ref=WO-2026-0042&title=Drucker%20im%202.%20OG&customer=M%C3%BCller%20GmbH',
      { action: 'start', ref: 'WO-2026-0042', title: 'Drucker im 2. OG', customer: 'Müller GmbH' },
    ],
    ['"+" as a space', 'stint://timer/start?ref=INC0012345&title=Drucker+im+2.+OG', { action: 'start', ref: 'INC0012345', title: 'Drucker im 2. OG' }],
    ['unencoded non-ASCII letters', 'stint://timer/start?ref=INC0012345&title=Störung-Büro', { action: 'start', ref: 'INC0012345', title: 'Störung-Büro' }],
    ['an encoded "&" and "+" inside a title', 'stint://timer/start?ref=A1&title=R%26D%20%2B%20QA', { action: 'start', ref: 'A1', title: 'R&D + QA' }],
    ['an emoji in a title', 'stint://timer/start?ref=A1&title=%F0%9F%96%A8%20jam', { action: 'start', ref: 'A1', title: '🖨 jam' }],
    ['an emoji with its variation selector, as helpdesks write "⚠️"', 'stint://timer/start?ref=A1&title=%E2%9A%A0%EF%B8%8F%20Urgent', { action: 'start', ref: 'A1', title: '⚠️ Urgent' }],
    ['a title in decomposed form, with runs of spaces', 'stint://timer/start?ref=A1&title=Cafe%CC%81%20%20Nord', { action: 'start', ref: 'A1', title: 'Café Nord' }],
    ['a # reference written as %23', 'stint://timer/start?ref=%234711', { action: 'start', ref: '#4711' }],
    ['a reference with . _ : /', 'stint://timer/start?ref=JIRA:OPS_7.2/a', { action: 'start', ref: 'JIRA:OPS_7.2/a' }],
    ['values with spaces around them', 'stint://timer/start?ref=%20TICKET-1%20&title=+Backup+&customer=%20ACME%20', { action: 'start', ref: 'TICKET-1', title: 'Backup', customer: 'ACME' }],
    ['parameters in any order', 'stint://timer/start?customer=ACME&title=Backup&ref=T-1', { action: 'start', ref: 'T-1', title: 'Backup', customer: 'ACME' }],
    ['an empty title and customer, which count as not given', 'stint://timer/start?ref=T-1&title=&customer=%20', { action: 'start', ref: 'T-1' }],
    ['a trailing slash after the action', 'stint://timer/start/?ref=T-1', { action: 'start', ref: 'T-1' }],
    ['the scheme and target in capitals', 'STINT://TIMER/start?ref=T-1', { action: 'start', ref: 'T-1' }],
    ['a reference of exactly 64 characters', `stint://timer/start?ref=${'R'.repeat(64)}`, { action: 'start', ref: 'R'.repeat(64) }],
    ['a title of exactly 200 characters', `stint://timer/start?ref=T-1&title=${'ä'.repeat(200)}`, { action: 'start', ref: 'T-1', title: 'ä'.repeat(200) }],
    ['a customer of exactly 120 characters', `stint://timer/start?ref=T-1&customer=${'c'.repeat(120)}`, { action: 'start', ref: 'T-1', customer: 'c'.repeat(120) }],
    ['a stop link', 'stint://timer/stop?ref=TICKET-1234', { action: 'stop', ref: 'TICKET-1234' }],
    ['a stop link with a trailing slash', 'stint://timer/stop/?ref=TICKET-1234', { action: 'stop', ref: 'TICKET-1234' }],
    [
      "a start link with the ticket's page, stored in its one spelling",
      'stint://timer/start?ref=%2342&title=Printer&url=HTTPS%3A%2F%2FRedmine.example.com%2Fissues%2F42',
      { action: 'start', ref: '#42', title: 'Printer', url: 'https://redmine.example.com/issues/42' },
    ],
    ["a page with a fragment (Zammad's), encoded", 'stint://timer/start?ref=%2331001&url=https%3A%2F%2Fz.example%2F%23ticket%2Fzoom%2F12', { action: 'start', ref: '#31001', url: 'https://z.example/#ticket/zoom/12' }],
    ["a stop link with the ticket's page", 'stint://timer/stop?ref=%2342&url=https%3A%2F%2Frt.example%2FTicket%2FDisplay.html%3Fid%3D42', { action: 'stop', ref: '#42', url: 'https://rt.example/Ticket/Display.html?id=42' }],
  ])('accepts %s', (_story, link, command) => {
    // toStrictEqual: an absent title must be absent, not present as undefined.
    expect(parseStintLink(link)).toStrictEqual({ ok: true, command })
  })
})

describe('a ticket link Stint refuses', () => {
  it.each<[string, string, RegExp]>([
    ['a web link', 'https://timer/start?ref=A', /^Refused stint link: only stint:\/\/ links are accepted, not "https:" links\.$/],
    ['a javascript: link', 'javascript:alert(1)', /only stint:\/\/ links are accepted, not "javascript:"/],
    ['a file link', 'file:///etc/passwd', /only stint:\/\/ links/],
    ['another target', 'stint://evil.example/start?ref=A', /unknown target "evil\.example"\. Stint links start with stint:\/\/timer\//],
    ['a percent-encoded target', 'stint://%74imer/start?ref=A', /unknown target "%74imer"/],
    ['no target', 'stint:///start?ref=A', /unknown target ""/],
    ['no // after the scheme', 'stint:timer/start?ref=A', /must start with stint:\/\/timer\//],
    ['another action', 'stint://timer/delete?ref=A', /unknown action "\/delete"\. Use stint:\/\/timer\/start or stint:\/\/timer\/stop\./],
    ['a path below the action', 'stint://timer/start/x?ref=A', /unknown action "\/start\/x"/],
    ['two trailing slashes', 'stint://timer/start//?ref=A', /unknown action "\/start\/\/"/],
    ['an action in capitals', 'stint://timer/Start?ref=A', /unknown action "\/Start"/],
    ['dot segments', 'stint://timer/x/../start?ref=A', /unknown action "\/x\/\.\.\/start"/],
    ['no action', 'stint://timer?ref=A', /names no action/],
    ['no action but a slash', 'stint://timer/?ref=A', /names no action/],
    ['a user name and password', 'stint://user:pw@timer/start?ref=A', /carries a user name or password/],
    ['a ticket page with a password in it', 'stint://timer/start?ref=A&url=https%3A%2F%2Fana%3Asecret%40x.example%2Fissues%2F1', /a ticket page address carries a user name or password/],
    ['a ticket page that is a file', 'stint://timer/start?ref=A&url=file%3A%2F%2F%2Fetc%2Fpasswd', /a ticket page address must start with https:\/\/ or http:\/\//],
    ['an empty user name', 'stint://@timer/start?ref=A', /carries a user name or password/],
    ['a port', 'stint://timer:8080/start?ref=A', /names a port/],
    ['an empty port', 'stint://timer:/start?ref=A', /names a port/],
    ['a fragment', 'stint://timer/start?ref=A#x', /has a #fragment\. Write a # inside a value as %23/],
    ['an unencoded # in a reference', 'stint://timer/start?ref=#4711', /has a #fragment/],
    ['an empty fragment', 'stint://timer/start?ref=A#', /has a #fragment/],
    ['a parameter with an uppercase name', 'stint://timer/start?REF=A', /unknown parameter "REF"/],
    ['a parameter without a name', 'stint://timer/start?ref=A&=x', /a parameter has no name/],
    ['a duplicate ref', 'stint://timer/start?ref=A&ref=B', /parameter "ref" appears 2 times; give it once\./],
    ['a duplicate title', 'stint://timer/start?ref=A&title=x&title=y&title=z', /parameter "title" appears 3 times/],
    ['no ref', 'stint://timer/start', /the ticket reference is missing\. Add ref=/],
    ['no ref but a title', 'stint://timer/start?title=Backup', /the ticket reference is missing/],
    ['an empty ref', 'stint://timer/start?ref=', /the ticket reference is empty/],
    ['a ref of spaces only', 'stint://timer/start?ref=%20+%20', /the ticket reference is empty/],
    ['a ref with a space inside', 'stint://timer/start?ref=TICKET%201234', /the ticket reference "TICKET 1234" may contain only letters A–Z, digits and \. _ : \/ # -/],
    ['a ref with a NUL', 'stint://timer/start?ref=A%00B', /the ticket reference cannot contain invisible or control characters: it has U\+0000 NUL at character 2\. Type it again without it\./],
    ['a ref ending in a line break', 'stint://timer/start?ref=A%0A', /the ticket reference cannot contain invisible or control characters: it has U\+000A LINE FEED at character 2/],
    ['a ref with a tab', 'stint://timer/stop?ref=A%09B', /it has U\+0009 TAB at character 2/],
    ['a ref of 65 characters', `stint://timer/start?ref=${'R'.repeat(65)}`, /the ticket reference is 65 characters long; at most 64 are allowed/],
    ['a ref with an umlaut', 'stint://timer/start?ref=T%C3%9CR-1', /the ticket reference "TÜR-1" may contain only/],
    ['a ref with a quote', 'stint://timer/start?ref=A%22B', /the ticket reference "A\\"B" may contain only/],
    ['a ref starting with a dash', 'stint://timer/start?ref=-rf', /"-rf" may contain only/],
    ['a ref that is only #', 'stint://timer/start?ref=%23', /"#" may contain only/],
    ['a ref with broken percent-encoding', 'stint://timer/start?ref=%ZZ', /"%ZZ" may contain only/],
    ['a title of 201 characters', `stint://timer/start?ref=A&title=${'t'.repeat(201)}`, /the title is 201 characters long; at most 200 are allowed/],
    ['a title with a line break', 'stint://timer/start?ref=A&title=Drucker%0Aim%202.%20OG', /the title cannot contain invisible or control characters: it has U\+000A LINE FEED at character 8/],
    ['a title ending in a carriage return', 'stint://timer/start?ref=A&title=Drucker%0D', /it has U\+000D CARRIAGE RETURN at character 8/],
    ['a title with a line separator', 'stint://timer/start?ref=A&title=a%E2%80%A8b', /it has U\+2028 LINE SEPARATOR at character 2/],
    ['a title with a direction override', 'stint://timer/start?ref=A&title=%E2%80%AEcod.exe', /the title cannot contain invisible or control characters: it has U\+202E RIGHT-TO-LEFT OVERRIDE at character 1/],
    ['a title that is not UTF-8', 'stint://timer/start?ref=A&title=caf%E9', /the title has broken percent-encoding/],
    ['a customer of 121 characters', `stint://timer/start?ref=A&customer=${'c'.repeat(121)}`, /the customer is 121 characters long; at most 120 are allowed/],
    ['a customer with a control character', 'stint://timer/start?ref=A&customer=AC%07ME', /the customer cannot contain invisible or control characters: it has U\+0007 \(a control character\) at character 3/],
    ['a title with a zero-width space', 'stint://timer/start?ref=A&title=Printer%E2%80%8B', /the title cannot contain invisible or control characters: it has U\+200B ZERO WIDTH SPACE at character 8\. Type it again without it\./],
    ['a customer with a soft hyphen', 'stint://timer/start?ref=A&customer=Ac%C2%ADme', /the customer cannot contain invisible or control characters: it has U\+00AD SOFT HYPHEN at character 3/],
    ['a customer with a byte-order mark', 'stint://timer/start?ref=A&customer=%EF%BB%BFAcme', /it has U\+FEFF BYTE ORDER MARK at character 1/],
    // A variation selector belongs after an emoji only (text.ts): after a letter it is named and refused.
    ['a title with a variation selector after a letter', 'stint://timer/start?ref=A&title=P%EF%B8%8Frinter', /it has U\+FE0F \(a variation selector\) at character 2/],
    ['a title with a tag character', 'stint://timer/start?ref=A&title=Hi%F3%A0%81%81', /it has U\+E0041 \(a tag character\) at character 3/],
    ['a stop link with a title', 'stint://timer/stop?ref=A&title=Backup', /a stop link takes only ref and url; "title" is not allowed/],
    ['a stop link with a customer', 'stint://timer/stop?ref=A&customer=ACME', /a stop link takes only ref and url; "customer" is not allowed/],
    ['a stop link with an unknown parameter', 'stint://timer/stop?ref=A&force=1', /unknown parameter "force"\. A stop link takes only ref and url\./],
    ['a link over 2048 characters', `stint://timer/start?ref=A&title=${'x'.repeat(2030)}`, /it is 2062 characters long; at most 2048 are allowed/],
    ['an empty string', '', /it is not a link/],
    ['a bare word', 'timer', /it is not a link/],
    ['a link without its scheme', 'timer/start?ref=A', /it is not a link/],
    ['percent signs', '%%%', /it is not a link/],
    ['a link with a leading space', ' stint://timer/start?ref=A', /it is not a link/],
    ['only the scheme', 'stint:', /must start with stint:\/\/timer\//],
    ['backslashes', 'stint:\\\\timer\\start?ref=A', /must be percent-encoded/],
    ['an unencoded space', 'stint://timer/start?ref=A&title=Drucker im 2. OG', /contains a space, quote, control character or other character that must be percent-encoded/],
    ['a raw line break', 'stint://timer/start?ref=A\nB', /must be percent-encoded/],
    ['a trailing newline', 'stint://timer/start?ref=A\n', /must be percent-encoded/],
    ['a raw quote (argument smuggling on Windows)', 'stint://timer/start?ref=A" --inspect', /must be percent-encoded/],
    ['a NUL', 'stint://timer/start?ref=A\u0000', /must be percent-encoded/],
  ])('refuses %s', (_story, link, error) => {
    const result = parseStintLink(link)

    expect(refusalOf(result)).toMatch(/^Refused stint link: /)
    expect(refusalOf(result)).toMatch(error)
  })

  it('says which parameter it does not know and which ones it does', () => {
    expect(parseStintLink('stint://timer/start?ref=A&cmd=rm')).toEqual({
      ok: false,
      error: 'Refused stint link: unknown parameter "cmd". Only ref, title, customer and url are allowed.',
    })
  })

  it('never repeats more than a short excerpt of what it was given', () => {
    const huge = 'x'.repeat(1500)
    const errors = [
      `stint://timer/start?ref=A&${huge}=1`,
      `stint://timer/start?ref=${huge}`,
      `stint://timer/${huge}?ref=A`,
      `stint://${huge}/start?ref=A`,
      `${huge}:stuff`,
      `stint://timer/start?ref=A&title=${huge}&title=${huge}`,
    ].map((link) => refusalOf(parseStintLink(link)))

    for (const error of errors) {
      expect(error).not.toContain('x'.repeat(41))
      expect(error.length).toBeLessThan(260)
    }
  })

  it('spells out invisible characters when it shows a value back', () => {
    expect(refusalOf(parseStintLink('stint://timer/start?ref=A%E2%80%8BB'))).toContain('it has U+200B ZERO WIDTH SPACE at character 2')
    expect(refusalOf(parseStintLink('stint://timer/start?ref=A&x%E2%80%8By=1'))).toContain('"x\\u{200B}y"')
  })
})

describe('the command line of a second Stint', () => {
  it.each<[string, readonly string[], TimerCommand | null]>([
    ['--start-timer REF', [LINUX_EXE, '--start-timer', 'TICKET-1234'], { action: 'start', ref: 'TICKET-1234' }],
    [
      '--start-timer with --title and --customer as separate arguments',
      [LINUX_EXE, '--start-timer', 'WO-2026-0042', '--title', 'Drucker im 2. OG', '--customer', 'Müller GmbH'],
      { action: 'start', ref: 'WO-2026-0042', title: 'Drucker im 2. OG', customer: 'Müller GmbH' },
    ],
    [
      'the = form among Chromium switches',
      [WINDOWS_EXE, '--allow-file-access-from-files', '--start-timer=INC0012345', '--title=Drucker im 2. OG', '--original-process-start-time=13390123456789012'],
      { action: 'start', ref: 'INC0012345', title: 'Drucker im 2. OG' },
    ],
    ['a title containing "="', [LINUX_EXE, '--start-timer=T-1', '--title=a=b'], { action: 'start', ref: 'T-1', title: 'a=b' }],
    ['--stop-timer REF', [LINUX_EXE, '--stop-timer', 'TICKET-1234'], { action: 'stop', ref: 'TICKET-1234' }],
    ['--stop-timer=REF', [WINDOWS_EXE, '--stop-timer=TICKET-1234'], { action: 'stop', ref: 'TICKET-1234' }],
    ["--start-timer with the ticket's page", [LINUX_EXE, '--start-timer=#42', '--url=https://redmine.example.com/issues/42'], { action: 'start', ref: '#42', url: 'https://redmine.example.com/issues/42' }],
    ["--stop-timer with the ticket's page", [LINUX_EXE, '--stop-timer=#42', '--url', 'https://redmine.example.com/issues/42'], { action: 'stop', ref: '#42', url: 'https://redmine.example.com/issues/42' }],
    [
      'a link passed on Windows, after Chromium’s switches',
      [WINDOWS_EXE, '--allow-file-access-from-files', 'stint://timer/stop?ref=TICKET-1234'],
      { action: 'stop', ref: 'TICKET-1234' },
    ],
    [
      'a link passed by a Linux desktop file (%U)',
      [LINUX_EXE, 'stint://timer/start?ref=%234711&title=Drucker+im+2.+OG'],
      { action: 'start', ref: '#4711', title: 'Drucker im 2. OG' },
    ],
    ['a link after "--"', [WINDOWS_EXE, '--', 'stint://timer/start?ref=T-1'], { action: 'start', ref: 'T-1' }],
    ['a plain launch', [LINUX_EXE], null],
    ['an empty argv', [], null],
    ['only switches Stint does not own', [WINDOWS_EXE, '--allow-file-access-from-files', '--hidden', '--inspect=9229'], null],
    ['a development launch', ['/work/main/node_modules/electron/dist/electron', '.', '--no-sandbox'], null],
    ['timer switches after "--", which are plain arguments', [LINUX_EXE, '--', '--start-timer=T-1'], null],
  ])('reads %s', (_story, argv, command) => {
    expect(parseTimerArgs(argv)).toStrictEqual({ ok: true, command })
  })

  it.each<[string, readonly string[], RegExp]>([
    ['--start-timer with nothing after it', [LINUX_EXE, '--start-timer'], /^Refused command line: --start-timer needs a value, e\.g\. --start-timer=TICKET-1234/],
    [
      'switches Chromium moved ahead of their values',
      [WINDOWS_EXE, '--start-timer', '--title', '--allow-file-access-from-files', 'T-1', 'Backup'],
      /--start-timer needs a value.*keep the = form/,
    ],
    ['--title with nothing after it', [LINUX_EXE, '--start-timer=T-1', '--title'], /--title needs a value, e\.g\. --title="Printer offline"/],
    ['an empty --start-timer=', [LINUX_EXE, '--start-timer='], /^Refused command line: the ticket reference is empty/],
    ['both start and stop', [LINUX_EXE, '--start-timer=T-1', '--stop-timer=T-2'], /--start-timer and --stop-timer were both given; give one of them/],
    ['--start-timer twice', [LINUX_EXE, '--start-timer=T-1', '--start-timer', 'T-2'], /--start-timer is given twice/],
    ['a link and a switch', [WINDOWS_EXE, '--start-timer=T-1', 'stint://timer/stop?ref=T-1'], /either a stint:\/\/ link or --start-timer\/--stop-timer, not both/],
    ['two links', [WINDOWS_EXE, 'stint://timer/start?ref=A', 'stint://timer/stop?ref=A'], /holds 2 stint:\/\/ links; give one at a time/],
    ['--title without --start-timer', [LINUX_EXE, '--title=Backup'], /--title only goes with --start-timer/],
    ['--customer without --start-timer', [LINUX_EXE, '--customer=ACME'], /--customer only goes with --start-timer/],
    ['--stop-timer with --title', [LINUX_EXE, '--stop-timer=T-1', '--title=Backup'], /--stop-timer takes only a ticket reference; --title is not allowed/],
    ['--stop-timer with --customer', [LINUX_EXE, '--stop-timer=T-1', '--customer=ACME'], /--customer is not allowed/],
    ['--url without a timer switch', [LINUX_EXE, '--url=https://x.example/issues/1'], /--url only goes with --start-timer or --stop-timer/],
    ['--url that is not a web page', [LINUX_EXE, '--start-timer=T-1', '--url=javascript:alert(1)'], /a ticket page address must start with https:\/\/ or http:\/\/, not javascript:\/\//],
    ['a reference with a space', [LINUX_EXE, '--start-timer=TICKET 1234'], /^Refused command line: the ticket reference "TICKET 1234" may contain only/],
    ['a reference of 65 characters', [LINUX_EXE, '--stop-timer', 'R'.repeat(65)], /at most 64 are allowed/],
    ['a title with a line break', [LINUX_EXE, '--start-timer=T-1', '--title=a\nb'], /the title cannot contain invisible or control characters: it has U\+000A LINE FEED at character 2/],
    ['a title of 201 characters', [LINUX_EXE, '--start-timer=T-1', `--title=${'t'.repeat(201)}`], /the title is 201 characters long/],
    ['a refused link', [WINDOWS_EXE, 'stint://timer/start?ref=A&cmd=x'], /^Refused stint link: unknown parameter "cmd"/],
    ['a link in capitals with another target', [WINDOWS_EXE, 'STINT://other/start?ref=A'], /^Refused stint link: unknown target "other"/],
  ])('refuses %s', (_story, argv, error) => {
    expect(refusalOf(parseTimerArgs(argv))).toMatch(error)
  })
})
