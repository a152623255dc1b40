// The timesheet settings (period rule, expected hours, display unit), followed as they
// change. Until they load, or when they cannot be read, the defaults apply (a Monday
// week, 8 h weekdays, h:mm); the Settings view reports a load error.
import { useEffect, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import type { DurationUnit } from '@shared/duration'
import { DEFAULT_TIMESHEET_SETTINGS, type TimesheetSettings } from '@shared/timesheet'

export interface LoadedSettings {
  timesheet: TimesheetSettings
  /** False until the settings answered (or failed to: the defaults apply). */
  loaded: boolean
}

export function useTimesheetSettings(client: StintClient): LoadedSettings {
  const [settings, setSettings] = useState<LoadedSettings>({ timesheet: DEFAULT_TIMESHEET_SETTINGS, loaded: false })
  useEffect(() => {
    let live = true
    client.settings
      .get({})
      .then((answer) => live && setSettings({ timesheet: answer.timesheet, loaded: true }))
      .catch(() => live && setSettings((current) => ({ ...current, loaded: true })))
    const off = client.events['settings.changed'](({ settings: changed }) => {
      live = false // a pushed change is newer than any answer still on its way
      setSettings({ timesheet: changed.timesheet, loaded: true })
    })
    return () => {
      live = false
      off()
    }
  }, [client])
  return settings
}

/** The display unit alone; stored seconds never change with it. */
export function useDisplayUnit(client: StintClient): DurationUnit {
  return useTimesheetSettings(client).timesheet.unit
}
