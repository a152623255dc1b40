// The end-to-end suite runs at one moment in one zone, whatever the machine's date and
// zone: Wednesday 18 November 2026, 10:00 in New York. The Playwright runner fixes the
// offset once (playwright.config.ts) and every browser host and team server it starts
// inherits it (STINT_TEST_CLOCK_OFFSET_MS, TZ); pages get the same clock through
// Playwright's clock. Time runs on from there, so timers still count.
import type { BrowserContext } from '@playwright/test'
export const E2E_ZONE = 'America/New_York'
export const E2E_START = '2026-11-18T10:00:00-05:00'

const OFFSET_VARIABLE = 'STINT_TEST_CLOCK_OFFSET_MS'

/** The suite's clock offset; set once by the runner, inherited by its workers. */
export function e2eClockOffset(): number {
  const value = Number(process.env[OFFSET_VARIABLE])
  return Number.isFinite(value) ? value : 0
}

/** Now on the suite's clock, in milliseconds. */
export function e2eNow(): number {
  return Date.now() + e2eClockOffset()
}

/** The environment of a host that starts `laterMs` after the suite's clock (a restart "25 minutes later"). */
export function clockLaterEnv(laterMs: number): Record<string, string> {
  return { [OFFSET_VARIABLE]: String(e2eClockOffset() + laterMs) }
}

/** Called by the config in the runner (and again, harmlessly, in each worker). */
export function fixE2eClock(): void {
  process.env['TZ'] = E2E_ZONE
  process.env[OFFSET_VARIABLE] ??= String(Date.parse(E2E_START) - Date.now())
}

/**
 * Shifts the page's Date by the suite's offset, and nothing else. Playwright's clock
 * replaces timers and animation frames too, which stalls screenshots; the app only reads
 * the date through Date.
 */
export async function shiftPageClock(context: BrowserContext): Promise<void> {
  const offset = e2eClockOffset()
  await context.addInitScript({
    content: `(() => {
      const Real = Date
      const offset = ${offset}
      class Shifted extends Real {
        constructor(...args) { if (args.length === 0) super(Real.now() + offset); else super(...args) }
        static now() { return Real.now() + offset }
      }
      globalThis.Date = Shifted
    })()`,
  })
}
