// Moving a period through its statuses from the timesheet: submit (through its dialog),
// withdraw, reopen with a reason (through its dialog). Each says what happened for screen
// readers, or hands back the host's refusal for the dialog or banner to show.
import { useState } from 'react'
import type { StintClient } from '@shared/bridge'
import type { Timesheet } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'

interface PeriodMovesOptions {
  client: StintClient
  periodMove: (call: (day: string) => Promise<Timesheet>) => Promise<string | null>
  mode: 'standalone' | 'server' | null
  announce: (text: string) => void
  showMessage: (message: string | null) => void
  focusGrid: () => void
}

export function usePeriodMoves({ client, periodMove, mode, announce, showMessage, focusGrid }: PeriodMovesOptions) {
  const { t } = useT()
  const [submitting, setSubmitting] = useState(false)
  const [reopening, setReopening] = useState(false)
  const [moving, setMoving] = useState(false)

  const submit = async (): Promise<string | null> => {
    const problem = await periodMove((day) => client.timesheet.submit({ day }))
    if (problem) return problem
    setSubmitting(false)
    announce(t(mode === 'standalone' ? 'timesheet.submittedLocked' : 'timesheet.submittedWaiting'))
    return null
  }

  const withdraw = async () => {
    if (moving) return
    setMoving(true)
    showMessage(null)
    const problem = await periodMove((day) => client.timesheet.withdraw({ day }))
    setMoving(false)
    if (problem) showMessage(problem)
    else {
      announce(t('timesheet.withdrawn'))
      focusGrid() // the button went with the banner
    }
  }

  const reopen = async (reason: string): Promise<string | null> => {
    const problem = await periodMove((day) => client.timesheet.reopen({ day, reason }))
    if (problem) return problem
    setReopening(false)
    announce(t('timesheet.reopened'))
    focusGrid()
    return null
  }

  return { submitting, setSubmitting, reopening, setReopening, moving, submit, withdraw, reopen }
}
