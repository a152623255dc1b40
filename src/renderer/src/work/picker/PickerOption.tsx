// One line of the picker's list: reference and title on the first line, customer under it;
// a star for a favourite, a tick for the current value. The marks are also in the
// option's name, so a screen reader hears "favourite" and "inactive".
import { workItemDisplayName, type WorkItem } from '@shared/work'
import { useT } from '../../i18n/i18n-context'

interface PickerOptionProps {
  id: string
  item: WorkItem | null
  noneLabel: string
  active: boolean
  current: boolean
  onChoose: () => void
}

export function PickerOption({ id, item, noneLabel, active, current, onChoose }: PickerOptionProps) {
  const { t } = useT()
  const className = `picker__option${active ? ' is-active' : ''}${current ? ' is-current' : ''}`
  if (!item) {
    return (
      <div id={id} role="option" aria-selected={active} className={`${className} picker__option--none`} onClick={onChoose}>
        <span className="picker__title">{noneLabel}</span>
      </div>
    )
  }
  const marks = [item.favourite ? t('work.picker.favourite') : null, item.active ? null : t('work.picker.inactive')].filter(Boolean)
  return (
    <div id={id} role="option" aria-selected={active} aria-label={[workItemDisplayName(item), item.customerName, ...marks].filter(Boolean).join(', ')} className={className} onClick={onChoose}>
      <span className="picker__line">
        {item.reference && <span className="picker__ref">{item.reference}</span>}
        <span className="picker__title">{item.title}</span>
        {item.favourite && (
          <span className="picker__star" aria-hidden="true">
            ★
          </span>
        )}
      </span>
      {(item.customerName || !item.active) && (
        <span className="picker__sub">
          {item.customerName ?? ''}
          {!item.active && <span className="picker__inactive">{item.customerName ? ' · ' : ''}
              {t('work.inactive')}
            </span>}
        </span>
      )}
    </div>
  )
}
