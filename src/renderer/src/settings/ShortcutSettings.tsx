// Global shortcuts: the master switch, the ten accelerators (checked here before they
// are saved) and how each fared when the desktop app registered it — another program
// may hold a combination, and that is shown with the reason instead of failing silently.
import { useEffect, useId, useState } from 'react'
import type { StintClient } from '@shared/bridge'
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, type ShortcutStatusReport } from '@shared/settings'
import type { MessageId } from '@shared/i18n/catalogue'
import { useT } from '../i18n/i18n-context'
import { acceleratorKey, acceleratorProblem } from './accelerator'
import { SectionHead } from './SectionHead'
import type { SaveFeedback } from './use-settings'
import './settings.css'

type StatusEntry = ShortcutStatusReport['entries'][number]

const STATUS_LABELS: Record<StatusEntry['status'], MessageId> = {
  registered: 'shortcuts.registered',
  taken: 'shortcuts.taken',
  invalid: 'shortcuts.invalid',
  off: 'shortcuts.off',
}
const STATUS_BADGES: Record<StatusEntry['status'], string> = {
  registered: 'badge badge--billable',
  taken: 'badge badge--danger',
  invalid: 'badge badge--danger',
  off: 'badge',
}

/** The registration report, fetched once and then followed through 'shortcuts.changed'. */
export function useShortcutStatus(client: StintClient) {
  const [status, setStatus] = useState<ShortcutStatusReport | null>(null)
  useEffect(() => {
    let live = true
    client.settings
      .shortcutStatus({})
      .then((report) => {
        if (live) setStatus(report)
      })
      .catch(() => {
        // Without a report the table shows no status; the accelerators stay editable.
      })
    const off = client.events['shortcuts.changed']((report) => setStatus(report))
    return () => {
      live = false
      off()
    }
  }, [client])
  const refresh = async () => {
    try {
      setStatus(await client.settings.shortcutStatus({}))
    } catch {
      // as above: keep the last report
    }
  }
  return { status, refresh }
}

interface ShortcutRowProps {
  label: string
  stored: string | null
  entry: StatusEntry | undefined
  /** Whether this host registers global shortcuts (no status column if not); null until it has said. */
  available: boolean | null
  /** Why `value` cannot be saved (format, or already used by another row); null when it can. */
  check: (value: string) => string | null
  onCommit: (value: string | null) => Promise<boolean>
}

function ShortcutRow({ label, stored, entry, available, check, onCommit }: ShortcutRowProps) {
  const id = useId()
  const { t } = useT()
  const [draft, setDraft] = useState(stored ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  // A new stored value (saved, refused and put back, or changed elsewhere) replaces the draft.
  const [shown, setShown] = useState(stored)
  if (shown !== stored) {
    setShown(stored)
    setDraft(stored ?? '')
    setProblem(null)
  }

  const commit = async () => {
    const value = draft.trim()
    if (value === (stored ?? '')) {
      setProblem(null)
      return
    }
    const found = value === '' ? null : check(value)
    if (found) {
      setProblem(found)
      return
    }
    setProblem(null)
    setDraft(value)
    await onCommit(value === '' ? null : value)
  }

  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="shortcut__keys">
        <input
          className="input input--mono"
          value={draft}
          maxLength={64}
          spellCheck={false}
          autoComplete="off"
          placeholder={t('shortcuts.off')}
          aria-label={t('shortcuts.fieldLabel', { action: label })}
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              void commit()
            } else if (e.key === 'Escape' && draft !== (stored ?? '')) {
              e.preventDefault()
              setDraft(stored ?? '')
              setProblem(null)
            }
          }}
        />
        {problem && (
          <p id={`${id}-problem`} className="field__error shortcut__problem" role="alert">
            {problem}
          </p>
        )}
      </td>
      {available !== false && (
        <td>
          {available === null ? null : entry ? (
            <div className="shortcut__status">
              <span className={STATUS_BADGES[entry.status]}>{t(STATUS_LABELS[entry.status])}</span>
              {entry.reason && <span className="shortcut__reason">{entry.reason}</span>}
            </div>
          ) : (
            <span className="muted">{t('shortcuts.notReported')}</span>
          )}
        </td>
      )}
    </tr>
  )
}

interface ShortcutSettingsProps {
  shortcuts: Settings['shortcuts']
  status: ShortcutStatusReport | null
  feedback: SaveFeedback | null
  onSave: (patch: SettingsPatch) => Promise<boolean>
}

export function ShortcutSettings({ shortcuts, status, feedback, onSave }: ShortcutSettingsProps) {
  const id = useId()
  const translator = useT()
  const { t } = translator
  const available = status ? status.available : null
  const rows = [
    ...shortcuts.toggle.map((accelerator, index) => ({ index, label: t('shortcuts.timer', { slot: index + 1 }), accelerator, entry: status?.entries.find((e) => e.slot === index + 1) })),
    { index: 9, label: t('shortcuts.pauseAll'), accelerator: shortcuts.pauseAll, entry: status?.entries.find((e) => e.slot === null) },
  ]
  const isDefault = shortcuts.pauseAll === DEFAULT_SETTINGS.shortcuts.pauseAll && shortcuts.toggle.every((a, i) => a === DEFAULT_SETTINGS.shortcuts.toggle[i])

  const checkFor = (index: number) => (value: string) => {
    const problem = acceleratorProblem(value, translator)
    if (problem) return problem
    const clash = rows.find((row) => row.index !== index && row.accelerator !== null && acceleratorKey(row.accelerator) === acceleratorKey(value))
    return clash ? t('shortcuts.clash', { action: clash.label, keys: clash.accelerator ?? value }) : null
  }

  const commitFor = (index: number) => (value: string | null) =>
    index === 9 ? onSave({ shortcuts: { pauseAll: value } }) : onSave({ shortcuts: { toggle: shortcuts.toggle.map((a, i) => (i === index ? value : a)) } })

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <SectionHead id={`${id}-title`} title={t('shortcuts.title')} section="shortcuts" feedback={feedback} />
      <div className="setting">
        <label className="check" htmlFor={`${id}-enabled`}>
          <input id={`${id}-enabled`} type="checkbox" checked={shortcuts.enabled} onChange={(e) => void onSave({ shortcuts: { enabled: e.target.checked } })} aria-describedby={`${id}-help`} />
          <span>{t('shortcuts.enabled')}</span>
        </label>
        <p id={`${id}-help`} className="field__help field__help--check">
          {t('shortcuts.help', { example: 'CommandOrControl+Alt+1' })}
        </p>
      </div>
      {available === false && (
        <p className="note">
          {t('shortcuts.browserOnly')}
        </p>
      )}
      <div className="table-scroll">
        <table className={`table shortcut-table${available === false ? ' shortcut-table--keys-only' : ''}`} aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">{t('shortcuts.action')}</th>
              <th scope="col">{t('shortcuts.shortcut')}</th>
              {available !== false && <th scope="col">{t('shortcuts.status')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <ShortcutRow
                key={row.index}
                label={row.label}
                stored={row.accelerator}
                entry={row.entry}
                available={available}
                check={checkFor(row.index)}
                onCommit={commitFor(row.index)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="panel__foot">
        <button
          type="button"
          className="button button--secondary button--compact"
          aria-disabled={isDefault || undefined}
          onClick={() => {
            if (!isDefault) void onSave({ shortcuts: { toggle: DEFAULT_SETTINGS.shortcuts.toggle, pauseAll: DEFAULT_SETTINGS.shortcuts.pauseAll } })
          }}
        >
          {t('shortcuts.restore')}
        </button>
      </div>
    </section>
  )
}
