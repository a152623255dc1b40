// User settings with their defaults, validated by one schema wherever they are read
// or written (settings.json in the data folder, the same file store in both hosts).
import { z } from 'zod'
import { LanguageSettingSchema } from './i18n/languages'
import { RoundingRuleSchema } from './rounding'
import { DEFAULT_TIMESHEET_SETTINGS, TimesheetSettingsSchema } from './timesheet'

export const ShortcutSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Nine accelerators (null = that one off), toggling timers 1–9. */
  toggle: z.array(z.string().max(64).nullable()).length(9),
  pauseAll: z.string().max(64).nullable(),
})

export const ReminderSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Working days, 0 = Sunday … 6 = Saturday. */
  days: z.array(z.number().int().min(0).max(6)).max(7),
  from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM'),
  to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM'),
})

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const AppearanceSettingsSchema = z.object({
  /** System follows the operating system's light or dark; the others hold whatever it says. */
  theme: z.enum(THEMES),
})

export const CSV_FORMATS = ['machine', 'locale'] as const

export const ExportSettingsSchema = z.object({
  /** CSV files in machine formats (ISO days, dot decimals) or in the formats of the language Stint speaks. */
  csvFormat: z.enum(CSV_FORMATS),
})

export const SettingsSchema = z.object({
  timers: z.object({
    /** Starting one timer pauses the others. Off by default: timers run concurrently. */
    exclusive: z.boolean(),
    /** Minutes of inactivity (idle, sleep, lock) after which Stint asks; null turns idle detection off. */
    idleMinutes: z.number().int().min(1).max(240).nullable(),
    /** A stopped run shorter than this asks whether to keep it; 0 never asks. */
    shortEntrySeconds: z.number().int().min(0).max(3600),
    rounding: RoundingRuleSchema,
  }),
  shortcuts: ShortcutSettingsSchema,
  reminders: ReminderSettingsSchema,
  timesheet: TimesheetSettingsSchema,
  appearance: AppearanceSettingsSchema,
  /** 'system' follows the operating system's (or browser's) language; its own section so an older settings file keeps its theme. */
  language: LanguageSettingSchema,
  exports: ExportSettingsSchema,
  startAtLogin: z.boolean(),
})
export type Settings = z.infer<typeof SettingsSchema>
export type TimerSettings = Settings['timers']

export const DEFAULT_SETTINGS: Settings = {
  timers: { exclusive: false, idleMinutes: 10, shortEntrySeconds: 60, rounding: { mode: 'none', minutes: 1 } },
  shortcuts: {
    enabled: true,
    toggle: Array.from({ length: 9 }, (_, i) => `CommandOrControl+Alt+${i + 1}`),
    pauseAll: 'CommandOrControl+Alt+0',
  },
  reminders: { enabled: false, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
  timesheet: DEFAULT_TIMESHEET_SETTINGS,
  appearance: { theme: 'system' },
  language: 'system',
  exports: { csvFormat: 'machine' },
  startAtLogin: true,
}

/** A partial change of settings: each section may be given in part. */
export const SettingsPatchSchema = z
  .object({
    timers: SettingsSchema.shape.timers.partial(),
    shortcuts: ShortcutSettingsSchema.partial(),
    reminders: ReminderSettingsSchema.partial(),
    timesheet: TimesheetSettingsSchema.partial(),
    appearance: AppearanceSettingsSchema.partial(),
    language: LanguageSettingSchema,
    exports: ExportSettingsSchema.partial(),
    startAtLogin: z.boolean(),
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

/** The settings a patch would make, section by section, not yet validated. */
export function mergeSettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    timers: { ...current.timers, ...patch.timers },
    shortcuts: { ...current.shortcuts, ...patch.shortcuts },
    reminders: { ...current.reminders, ...patch.reminders },
    timesheet: { ...current.timesheet, ...patch.timesheet },
    appearance: { ...current.appearance, ...patch.appearance },
    language: patch.language ?? current.language,
    exports: { ...current.exports, ...patch.exports },
    startAtLogin: patch.startAtLogin ?? current.startAtLogin,
  }
}

/** The settings a patch makes; throws (changing nothing) when the result breaks the schema. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return SettingsSchema.parse(mergeSettingsPatch(current, patch))
}

/**
 * Settings read back from storage: each section that still matches the schema is kept, and
 * only a section that does not falls back to its defaults. A settings file from an older or
 * newer Stint, or one edited by hand, never costs the user the rest of their settings.
 */
export function settingsFromStored(stored: unknown): { settings: Settings; problems: string[] } {
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {}
  const shape = SettingsSchema.shape
  const problems: string[] = []
  function section<K extends keyof Settings>(key: K): Settings[K] {
    const parsed = shape[key].safeParse(record[key])
    if (parsed.success) return parsed.data as Settings[K]
    if (record[key] !== undefined) problems.push(`${key}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(section)'} ${i.message}`).join('; ')}`)
    return DEFAULT_SETTINGS[key]
  }
  return {
    settings: { timers: section('timers'), shortcuts: section('shortcuts'), reminders: section('reminders'), timesheet: section('timesheet'), appearance: section('appearance'), language: section('language'), exports: section('exports'), startAtLogin: section('startAtLogin') },
    problems,
  }
}

/** How each global shortcut fared when it was registered (another app may hold it). */
export const ShortcutStatusSchema = z.object({
  /** False where global shortcuts do not exist (the browser host). */
  available: z.boolean(),
  entries: z.array(
    z.object({
      purpose: z.string(),
      slot: z.number().int().nullable(),
      accelerator: z.string().nullable(),
      status: z.enum(['registered', 'taken', 'invalid', 'off']),
      reason: z.string().optional(),
    }),
  ),
})
export type ShortcutStatusReport = z.infer<typeof ShortcutStatusSchema>
