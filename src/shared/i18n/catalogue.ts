// The message catalogues: one per language, assembled from one part per area. Each
// German part is typed by its English part, so a key missing in German (or one English
// no longer has) fails the typecheck; catalogue.test.ts also compares placeholders.
import { deApp } from './de/app'
import { deApprovals } from './de/approvals'
import { deCalendar } from './de/calendar'
import { deDialogs } from './de/dialogs'
import { deNotices } from './de/notices'
import { deRefusals } from './de/refusals'
import { deReports } from './de/reports'
import { deSettings } from './de/settings'
import { deTeam } from './de/team'
import { deTimers } from './de/timers'
import { deTimesheet } from './de/timesheet'
import { deWork } from './de/work'
import { enApp } from './en/app'
import { enApprovals } from './en/approvals'
import { enCalendar } from './en/calendar'
import { enDialogs } from './en/dialogs'
import { enNotices } from './en/notices'
import { enRefusals } from './en/refusals'
import { enReports } from './en/reports'
import { enSettings } from './en/settings'
import { enTeam } from './en/team'
import { enTimers } from './en/timers'
import { enTimesheet } from './en/timesheet'
import { enWork } from './en/work'
import type { Language } from './languages'

/** Each language's parts, listed once so the test can check that no two share a key. */
export const EN_PARTS = [enApp, enSettings, enTeam, enWork, enTimers, enNotices, enTimesheet, enReports, enCalendar, enApprovals, enDialogs, enRefusals] as const
export const DE_PARTS = [deApp, deSettings, deTeam, deWork, deTimers, deNotices, deTimesheet, deReports, deCalendar, deApprovals, deDialogs, deRefusals] as const

export const EN = { ...enApp, ...enSettings, ...enTeam, ...enWork, ...enTimers, ...enNotices, ...enTimesheet, ...enReports, ...enCalendar, ...enApprovals, ...enDialogs, ...enRefusals } as const
export type MessageId = keyof typeof EN
export type Catalogue = Readonly<Record<MessageId, string>>

export const DE: Catalogue = { ...deApp, ...deSettings, ...deTeam, ...deWork, ...deTimers, ...deNotices, ...deTimesheet, ...deReports, ...deCalendar, ...deApprovals, ...deDialogs, ...deRefusals }

const CATALOGUES: Record<Language, Catalogue> = { en: EN, de: DE }

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language]
}
