// The message catalogues: one per language, assembled from one part per area. Each
// German part is typed by its English part, so a key missing in German (or one English
// no longer has) fails the typecheck; catalogue.test.ts also compares placeholders.
import { deApp } from './de/app'
import { deRefusals } from './de/refusals'
import { deSettings } from './de/settings'
import { deTeam } from './de/team'
import { deWork } from './de/work'
import { enApp } from './en/app'
import { enRefusals } from './en/refusals'
import { enSettings } from './en/settings'
import { enTeam } from './en/team'
import { enWork } from './en/work'
import type { Language } from './languages'

/** Each language's parts, listed once so the test can check that no two share a key. */
export const EN_PARTS = [enApp, enSettings, enTeam, enWork, enRefusals] as const
export const DE_PARTS = [deApp, deSettings, deTeam, deWork, deRefusals] as const

export const EN = { ...enApp, ...enSettings, ...enTeam, ...enWork, ...enRefusals } as const
export type MessageId = keyof typeof EN
export type Catalogue = Readonly<Record<MessageId, string>>

export const DE: Catalogue = { ...deApp, ...deSettings, ...deTeam, ...deWork, ...deRefusals }

const CATALOGUES: Record<Language, Catalogue> = { en: EN, de: DE }

export function catalogueOf(language: Language): Catalogue {
  return CATALOGUES[language]
}
