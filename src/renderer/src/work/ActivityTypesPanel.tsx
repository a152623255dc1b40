// Activity types in a short table, each editable; one of them is the default.
import { useId } from 'react'
import type { ActivityType } from '@shared/work'
import { useT } from '../i18n/i18n-context'

interface ActivityTypesPanelProps {
  types: readonly ActivityType[]
  onNew: () => void
  onEdit: (type: ActivityType) => void
}

export function ActivityTypesPanel({ types, onNew, onEdit }: ActivityTypesPanelProps) {
  const id = useId()
  const { t } = useT()
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          {t('work.types.title')}
        </h2>
        <button type="button" className="button button--secondary button--compact" onClick={onNew}>
          {t('work.types.new')}
        </button>
      </div>
      {types.length === 0 ? (
        <p className="muted">{t('work.types.none')}</p>
      ) : (
        <table className="table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('work.types.name')}</th>
              <th scope="col">{t('work.types.default')}</th>
              <th scope="col">{t('work.active')}</th>
              <th scope="col" className="table__actions">
                <span className="visually-hidden">{t('work.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.id} className={type.active ? undefined : 'is-inactive'}>
                <th scope="row" className="table__name">
                  {type.name}
                </th>
                <td>{type.isDefault ? <span className="badge badge--accent">{t('work.types.default')}</span> : <span className="muted">{t('work.no')}</span>}</td>
                <td>{type.active ? t('work.yes') : <span className="muted">{t('work.no')}</span>}</td>
                <td className="table__actions">
                  <button type="button" className="button button--secondary button--compact" onClick={() => onEdit(type)} aria-label={t('work.editName', { name: type.name })}>
                    {t('work.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
