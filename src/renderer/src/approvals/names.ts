// How an approver's screens name a period and a moment, in one place so the queue, the
// detail page, the buttons' accessible names and the messages all agree.
import { format } from 'date-fns'
import { dayRangeLabel } from '@shared/periods'

/** "Tess Tech’s period 16–22 Nov 2026": a period among other people's. */
export function periodName(member: { name: string }, period: { start: string; end: string }): string {
  return `${member.name}’s period ${dayRangeLabel(period)}`
}

/** "Mon 16 Nov, 14:05" (with the year when it is not this one). */
export function formatMoment(ms: number, now = Date.now()): string {
  return format(ms, new Date(ms).getFullYear() === new Date(now).getFullYear() ? 'EEE d MMM, HH:mm' : 'EEE d MMM yyyy, HH:mm')
}
