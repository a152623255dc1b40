import { describe, expect, it } from 'vitest'
import { checkTicketUrl, ticketUrlHost, ticketUrlSchema } from './ticket-url'

describe('a ticket page address', () => {
  it('is stored as the URL parser writes it, fragment and query kept (Zammad and RT pages need them)', () => {
    expect(checkTicketUrl(' HTTPS://Redmine.Example.com/issues/42 ')).toEqual({ ok: true, url: 'https://redmine.example.com/issues/42' })
    expect(checkTicketUrl('https://zammad.example.com/#ticket/zoom/12')).toEqual({ ok: true, url: 'https://zammad.example.com/#ticket/zoom/12' })
    expect(checkTicketUrl('http://127.0.0.1:8085/Ticket/Display.html?id=7')).toEqual({ ok: true, url: 'http://127.0.0.1:8085/Ticket/Display.html?id=7' })
  })

  it.each([
    ['', 'is empty'],
    ['redmine/issues/42', 'is not an address'],
    ['javascript:alert(1)', 'must start with https:// or http://, not javascript://'],
    ['file:///etc/passwd', 'not file://'],
    ['https://ana:secret@redmine.example.com/issues/42', 'carries a user name or password'],
    ['https://redmine.example.com/issues/42\u200b', 'invisible character'],
    ['https://redmine.example.com/my issue', 'holds a space'],
    [`https://redmine.example.com/${'x'.repeat(2048)}`, 'at most 2048 are allowed'],
  ])('refuses %j: it %s', (raw, why) => {
    const checked = checkTicketUrl(raw)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.problem).toContain(why)
  })

  it('names its host, to tell two systems’ tickets of one number apart', () => {
    expect(ticketUrlHost('https://rt.example.com:8443/Ticket/Display.html?id=42')).toBe('rt.example.com')
  })

  it('is checked the same way where a request or a synced change carries it', () => {
    expect(ticketUrlSchema.parse('HTTPS://x.example/issues/1')).toBe('https://x.example/issues/1')
    const refused = ticketUrlSchema.safeParse('ftp://x.example/1')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe('A ticket page address must start with https:// or http://, not ftp://.')
  })
})
