// Create or edit an activity type (Remote support, On-site, Admin…). The host keeps
// exactly one default and refuses an inactive one; its answer is shown here.
import { useId, useRef, useState } from 'react'
import type { ActivityType } from '@shared/work'
import { useClient } from '../client-context'
import { useT } from '../i18n/i18n-context'
import { FormDialog } from '../ui/FormDialog'

interface ActivityTypeDialogProps {
  /** null creates a new activity type. */
  type: ActivityType | null
  onSaved: (type: ActivityType) => void | Promise<void>
  onClose: () => void
}

export function ActivityTypeDialog({ type, onSaved, onClose }: ActivityTypeDialogProps) {
  const client = useClient()
  const id = useId()
  const { t } = useT()
  const nameRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState(type?.name ?? '')
  const [active, setActive] = useState(type?.active ?? true)
  const [isDefault, setIsDefault] = useState(type?.isDefault ?? false)
  const [nameProblem, setNameProblem] = useState<string | null>(null)
  const [hostProblem, setHostProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = async () => {
    if (saving) return
    const cleanName = name.trim()
    if (cleanName === '') {
      setNameProblem(t('work.typeDialog.noName'))
      nameRef.current?.focus()
      return
    }
    setNameProblem(null)
    setHostProblem(null)
    setSaving(true)
    try {
      const saved = await client.work.saveActivityType({ id: type?.id ?? null, type: { name: cleanName, active, isDefault } })
      await onSaved(saved)
    } catch (error) {
      setHostProblem((error as Error).message)
      setSaving(false)
    }
  }

  return (
    <FormDialog
      title={type ? t('work.editName', { name: type.name }) : t('work.types.new')}
      description={type ? undefined : t('work.typeDialog.description')}
      submitLabel={type ? t('work.dialog.saveChanges') : t('work.typeDialog.create')}
      saving={saving}
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <label className="field" htmlFor={`${id}-name`}>
        <span>{t('work.types.name')}</span>
        <input
          ref={nameRef}
          id={`${id}-name`}
          value={name}
          maxLength={80}
          autoComplete="off"
          aria-required="true"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={nameProblem !== null || undefined}
          aria-describedby={nameProblem ? `${id}-name-problem` : undefined}
        />
      </label>
      {nameProblem && (
        <p id={`${id}-name-problem`} className="field__error" role="alert">
          {nameProblem}
        </p>
      )}
      <div className="form__checks">
        <label className="check" htmlFor={`${id}-active`}>
          <input id={`${id}-active`} type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          <span>{t('work.active')}</span>
        </label>
        <label className="check" htmlFor={`${id}-default`}>
          <input id={`${id}-default`} type="checkbox" checked={isDefault} onChange={(e) => setIsDefault(e.target.checked)} aria-describedby={`${id}-default-help`} />
          <span>{t('work.types.default')}</span>
        </label>
      </div>
      <p id={`${id}-default-help`} className="field__help">
        {t('work.typeDialog.defaultHelp')}
      </p>
      {hostProblem && (
        <div className="banner banner--error" role="alert">
          <span>{hostProblem}</span>
        </div>
      )}
    </FormDialog>
  )
}
