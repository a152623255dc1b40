// Activity types in a short table, each editable; one of them is the default.
import { useId } from 'react'
import type { ActivityType } from '@shared/work'

interface ActivityTypesPanelProps {
  types: readonly ActivityType[]
  onNew: () => void
  onEdit: (type: ActivityType) => void
}

export function ActivityTypesPanel({ types, onNew, onEdit }: ActivityTypesPanelProps) {
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel__head">
        <h2 id={`${id}-title`} className="panel__title">
          Activity types
        </h2>
        <button type="button" className="button button--secondary button--compact" onClick={onNew}>
          New activity type
        </button>
      </div>
      {types.length === 0 ? (
        <p className="muted">No activity types yet.</p>
      ) : (
        <table className="table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Default</th>
              <th scope="col">Active</th>
              <th scope="col" className="table__actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.id} className={type.active ? undefined : 'is-inactive'}>
                <th scope="row" className="table__name">
                  {type.name}
                </th>
                <td>{type.isDefault ? <span className="badge badge--accent">Default</span> : <span className="muted">No</span>}</td>
                <td>{type.active ? 'Yes' : <span className="muted">No</span>}</td>
                <td className="table__actions">
                  <button type="button" className="button button--secondary button--compact" onClick={() => onEdit(type)} aria-label={`Edit ${type.name}`}>
                    Edit
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
