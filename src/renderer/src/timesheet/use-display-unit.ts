// The display unit of the timesheet settings, followed as they change. Until they load
// (or when they cannot be read) durations show as h:mm; stored seconds never change with it.
import { useEffect, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { DEFAULT_DURATION_UNIT, type DurationUnit } from '@shared/duration'

export function useDisplayUnit(client: StintClient): DurationUnit {
  const [unit, setUnit] = useState<DurationUnit>(DEFAULT_DURATION_UNIT)
  useEffect(() => {
    let live = true
    client.settings
      .get({})
      .then((settings) => {
        if (live) setUnit(settings.timesheet.unit)
      })
      .catch(() => undefined) // durations still show in h:mm; the Settings view reports load errors
    const off = client.events['settings.changed'](({ settings }) => {
      live = false // a pushed change is newer than any answer still on its way
      setUnit(settings.timesheet.unit)
    })
    return () => {
      live = false
      off()
    }
  }, [client])
  return unit
}
