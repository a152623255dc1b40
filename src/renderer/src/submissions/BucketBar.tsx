// Where a period's time stands, by the status of its entries: a small stacked bar for the
// eye (drawn to the scale of the longest period on the page) and the same figures as
// text, which is what screen readers read. Voided time is kept for the record but
// counts for nothing, so it is drawn hatched after the rest.
import { formatDuration, type DurationUnit } from '@shared/duration'
import type { MessageId } from '@shared/i18n/catalogue'
import type { EntryBuckets } from '@shared/timesheet'
import { useT } from '../i18n/i18n-context'
import './buckets.css'

export const BUCKETS = ['approved', 'submitted', 'draft', 'rejected', 'voided'] as const satisfies readonly (keyof EntryBuckets)[]

export const BUCKET_NAMES: Record<keyof EntryBuckets, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  voided: 'Voided',
}

/** The bucket names in the catalogue, for views that follow the person's language. */
export const BUCKET_MESSAGES = {
  draft: 'buckets.draft',
  submitted: 'buckets.submitted',
  approved: 'buckets.approved',
  rejected: 'buckets.rejected',
  voided: 'buckets.voided',
} as const satisfies Record<keyof EntryBuckets, MessageId>

export const bucketSum = (buckets: EntryBuckets): number => BUCKETS.reduce((sum, b) => sum + buckets[b], 0)

interface BucketBarProps {
  buckets: EntryBuckets
  unit: DurationUnit
  /** The seconds a full-width bar stands for (the longest period shown). */
  scale: number
}

export function BucketBar({ buckets, unit, scale }: BucketBarProps) {
  const { t, locale } = useT()
  const present = BUCKETS.filter((b) => buckets[b] > 0)
  if (present.length === 0) return <span className="muted buckets__none">{t('buckets.none')}</span>
  return (
    <div className="buckets">
      <div className="buckets__track" aria-hidden="true">
        {present.map((b) => (
          <span key={b} className={`buckets__part buckets__part--${b}`} style={{ width: `${scale > 0 ? (buckets[b] / scale) * 100 : 0}%` }} />
        ))}
      </div>
      <ul className="buckets__legend">
        {present.map((b) => (
          <li key={b} className={`buckets__item buckets__item--${b}`}>
            <span className="buckets__swatch" aria-hidden="true" />
            {t(BUCKET_MESSAGES[b])} <span className="buckets__value">{formatDuration(buckets[b], unit, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
