// The grid's toolbar: add a row, copy last period's rows, the active cell's details, undo,
// and the printed timesheet (PDF). In a locked period the row buttons say why instead of acting.
import { useT } from '../i18n/i18n-context'
import { sentenceWithKeys } from '../i18n/sentence-with'

interface TimesheetToolbarProps {
  /** The lock sentence, or null when the period can be changed. */
  locked: string | null
  hasActiveCell: boolean
  canUndo: boolean
  onAddRow: () => void
  onCopyRows: () => void
  onDetails: () => void
  onUndo: () => void
  onMessage: (message: string) => void
  /** The PDF is being made; the button says so. */
  printing: boolean
  onPrint: () => void
}

export function TimesheetToolbar({ locked, hasActiveCell, canUndo, onAddRow, onCopyRows, onDetails, onUndo, onMessage, printing, onPrint }: TimesheetToolbarProps) {
  const { t } = useT()
  const notAllowed = locked !== null || undefined
  const unlessLocked = (action: () => void) => () => (locked ? onMessage(t('timesheet.noRowsLocked', { reason: locked })) : action())
  return (
    <div className="ts-toolbar">
      <button type="button" className="button button--start button--compact" aria-disabled={notAllowed} onClick={unlessLocked(onAddRow)}>
        {t('timesheet.addRow')}
      </button>
      <button type="button" className="button button--secondary button--compact" aria-disabled={notAllowed} onClick={unlessLocked(onCopyRows)}>
        {t('timesheet.copyRows')}
      </button>
      <span className="ts-toolbar__spacer" />
      <button
        type="button"
        className="button button--secondary button--compact"
        aria-disabled={!hasActiveCell || undefined}
        aria-keyshortcuts="Alt+Enter"
        onClick={() => (hasActiveCell ? onDetails() : onMessage(t('timesheet.detailsFirst')))}
      >
        {t('timesheet.details')}
      </button>
      <button type="button" className="button button--secondary button--compact" aria-disabled={!canUndo || notAllowed} aria-keyshortcuts="Control+Z Meta+Z" onClick={onUndo}>
        {t('timesheet.undo')}
      </button>
      <button type="button" className="button button--secondary button--compact" aria-disabled={printing || undefined} onClick={onPrint}>
        {printing ? t('timesheet.pdfBusy') : t('timesheet.pdf')}
      </button>
    </div>
  )
}

/** The keys of the grid, in one sentence under it. */
export function TimesheetKeysHelp() {
  const { t } = useT()
  return (
    <p className="ts-help">
      {sentenceWithKeys(t, 'timesheet.help', {
        left: '←',
        right: '→',
        up: '↑',
        down: '↓',
        shift: t('keys.shift'),
        enter: 'Enter',
        f2: 'F2',
        esc: t('keys.esc'),
        delete: t('keys.delete'),
        plus: '+0:30',
        minus: '-0:15',
        ctrl: t('keys.ctrl'),
        c: 'C',
        v: 'V',
        z: 'Z',
      })}
    </p>
  )
}
