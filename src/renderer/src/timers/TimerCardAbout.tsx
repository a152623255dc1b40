// What a timer books to, under its label: the work item once (without what the label
// already says), its customer, and the note that goes into the entry's description.
import type { WorkItem } from '@shared/work'
import { useT } from '../i18n/i18n-context'
import { workItemUnderLabel } from './work-under-label'
import './timer-card.css'

interface TimerCardAboutProps {
  label: string
  workItem: WorkItem | undefined
  note: string
}

export function TimerCardAbout({ label, workItem, note }: TimerCardAboutProps) {
  const { t } = useT()
  const item = workItem ? workItemUnderLabel(label, workItem) : t('timers.noWorkItem')
  return (
    <div className="timer-card__about">
      {item !== '' && <p className={`timer-card__work${workItem ? '' : ' is-empty'}`}>{item}</p>}
      {workItem?.customerName && <p className="timer-card__customer">{workItem.customerName}</p>}
      {note.trim() !== '' && (
        <p className="timer-card__note" title={note}>
          {note}
        </p>
      )}
    </div>
  )
}
