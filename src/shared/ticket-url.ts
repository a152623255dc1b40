// A work item's ticket page: the address of the ticket in its ticket system
// (https://redmine.example.com/issues/42). It ties time to the ticket it was worked on, so
// the extension finds the ticket's timer and the write-back finds the ticket. One rule for
// every path that stores one (links, the extension, the Work items dialog, sync, the
// server's console): an http(s) address, no user name or password in it, nothing invisible,
// at most 2,048 characters, stored as the URL parser writes it so one page has one spelling.
import { z } from 'zod'

export const TICKET_URL_MAX_LENGTH = 2048

// src/shared compiles without DOM or Node types, yet every Stint runtime has the WHATWG URL class.
interface WhatwgUrl {
  readonly protocol: string
  readonly username: string
  readonly password: string
  readonly hostname: string
  readonly href: string
}
declare const URL: new (input: string) => WhatwgUrl

export type TicketUrlResult = { ok: true; url: string } | { ok: false; problem: string }

/** The address as stored, or what is wrong with it (a sentence that starts "a ticket page …"). */
export function checkTicketUrl(raw: string): TicketUrlResult {
  const problem = (text: string): TicketUrlResult => ({ ok: false, problem: `a ticket page ${text}` })
  const text = raw.trim()
  if (text === '') return problem('is empty. Give its address, e.g. https://redmine.example.com/issues/42.')
  if (/[\p{Cc}\p{Cf}\s]/u.test(text)) return problem('address holds a space, a control or an invisible character; write it percent-encoded.')
  let url: WhatwgUrl
  try {
    url = new URL(text)
  } catch {
    return problem('is not an address. Give one such as https://redmine.example.com/issues/42.')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return problem(`address must start with https:// or http://, not ${url.protocol}//.`)
  if (url.username !== '' || url.password !== '') return problem('address carries a user name or password; leave them out.')
  if (url.href.length > TICKET_URL_MAX_LENGTH) return problem(`address is ${url.href.length} characters long; at most ${TICKET_URL_MAX_LENGTH} are allowed.`)
  return { ok: true, url: url.href }
}

/** The host a ticket page is on, for telling apart two systems' tickets of the same number. */
export function ticketUrlHost(url: string): string {
  return new URL(url).hostname
}

/** A ticket page in a request or a synced change: checked and stored in its one spelling. */
export const ticketUrlSchema = z.string().transform((raw, ctx) => {
  const checked = checkTicketUrl(raw)
  if (checked.ok) return checked.url
  ctx.addIssue({ code: 'custom', message: checked.problem.charAt(0).toUpperCase() + checked.problem.slice(1) })
  return z.NEVER
})
