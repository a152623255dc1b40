// The timesheet settings (period rule, expected hours, display unit), followed as they
// change. Until they load, or when they cannot be read, the defaults apply (a Monday
// week, 8 h weekdays, h:mm); the Settings view reports a load error.
import { useEffect, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import type { DurationUnit } from '@shared/duration'
import { DEFAULT_TIMESHEET_SETTINGS, type TimesheetSettings } from '@shared/timesheet'
import { followSettings } from '../settings/follow-settings'

export interface LoadedSettings {
  timesheet: TimesheetSettings
  /** False until the settings answered (or failed to: the defaults apply). */
  loaded: boolean
}

export function useTimesheetSettings(client: StintClient): LoadedSettings {
  const [settings, setSettings] = useState<LoadedSettings>({ timesheet: DEFAULT_TIMESHEET_SETTINGS, loaded: false })
  useEffect(
    () =>
      followSettings(
        client,
        (answer) => setSettings({ timesheet: answer.timesheet, loaded: true }),
        () => setSettings((current) => ({ ...current, loaded: true })),
      ),
    [client],
  )
  return settings
}

/** The display unit alone; stored seconds never change with it. */
export function useDisplayUnit(client: StintClient): DurationUnit {
  return useTimesheetSettings(client).timesheet.unit
}
