import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTranslator } from '@shared/i18n/translator'
import { parseStintLink, type TimerCommand } from '@shared/ticket-link'
import { openTempCore, type TempCore } from '../testing/temp-core'
import { runTimerCommand, type CommandFeedback } from './timer-commands'

let env: TempCore
let notes: string[]
let keep: boolean
const feedback: CommandFeedback = {
  confirmKeepShort: (label, seconds) => {
    notes.push(`asked: keep ${label} ${seconds}s?`)
    return Promise.resolve(keep)
  },
  notify: (title, body) => notes.push(`${title} — ${body}`),
}
beforeEach(async () => {
  env = await openTempCore()
  notes = []
  keep = true
})
afterEach(() => env.dispose())

function link(raw: string): TimerCommand {
  const parsed = parseStintLink(raw)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.command
}

describe('ticket links', () => {
  it('start then stop a ticket and book its entry', async () => {
    await runTimerCommand(env.core.timers, link('stint://timer/start?ref=TICKET-1234&title=Drucker%20im%202.%20OG&customer=Acme'), feedback)
    env.clock.advance(30 * 60_000)
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-1234'), feedback)
    expect(notes).toEqual(['TICKET-1234 is running — On TICKET-1234 (slot 1).', 'TICKET-1234 stopped — 30 min booked as a draft entry.'])
    const entries = await env.core.store.db.selectFrom('time_entries').select('raw_seconds').execute()
    expect(entries).toEqual([{ raw_seconds: 1800 }])
  })

  it('a short run stopped from a link is kept or discarded as the user answers', async () => {
    await runTimerCommand(env.core.timers, link('stint://timer/start?ref=T-1'), feedback)
    env.clock.advance(20_000)
    keep = false
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=T-1'), feedback)
    expect(notes.at(-1)).toBe('asked: keep T-1 20s?')
    expect(await env.core.store.db.selectFrom('time_entries').select('id').execute()).toEqual([])
    expect((await env.core.timers.list())[0]).toMatchObject({ state: 'idle', closedSeconds: 0 })
  })

  it('a ticket stopped in an approved week books nothing there, and the notification says what waits', async () => {
    await runTimerCommand(env.core.timers, link('stint://timer/start?ref=TICKET-1234'), feedback)
    env.clock.advance(30 * 60_000)
    await env.core.submission.submit('2026-11-16')
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-1234'), feedback)
    expect(notes.at(-1)).toBe('TICKET-1234 stopped — 30 min fell into a submitted or approved period and was not booked there: open Stint to book it today, keep it aside or discard it.')
    expect(await env.core.store.db.selectFrom('time_entries').select('id').execute()).toEqual([])
  })

  it('a refusal is told to the user, not thrown away', async () => {
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-9'), feedback)
    expect(notes).toEqual(['Stint could not stop TICKET-9 — No timer is running for TICKET-9.'])
  })

  it('tells a German user in German what a link started, stopped and booked', async () => {
    const german = createTranslator('de')
    await runTimerCommand(env.core.timers, link('stint://timer/start?ref=TICKET-1234'), feedback, german)
    env.clock.advance(30 * 60_000)
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-1234'), feedback, german)
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-1234'), feedback, german)
    expect(notes.slice(0, 2)).toEqual(['TICKET-1234 läuft — Auf TICKET-1234 (Platz 1).', 'TICKET-1234 gestoppt — 30 Min. als Entwurfseintrag gebucht.'])
    expect(notes[2]).toMatch(/^Stint konnte TICKET-1234 nicht stoppen — /)
  })

  it('says in German what waits because its week is submitted', async () => {
    const german = createTranslator('de')
    await runTimerCommand(env.core.timers, link('stint://timer/start?ref=TICKET-1234'), feedback, german)
    env.clock.advance(30 * 60_000)
    await env.core.submission.submit('2026-11-16')
    await runTimerCommand(env.core.timers, link('stint://timer/stop?ref=TICKET-1234'), feedback, german)
    expect(notes.at(-1)).toBe(
      'TICKET-1234 gestoppt — 30 Min. fielen in einen eingereichten oder genehmigten Zeitraum und wurden dort nicht gebucht: Öffnen Sie Stint, um sie heute zu buchen, zurückzulegen oder zu verwerfen.',
    )
  })
})
