// A manual entry made from the cell details or the calendar: a duration on a day, or a
// start and an end (split at local midnight into one entry per day, like a timer's
// run). One flat request shape with one sentence per problem, rather than a zod union,
// whose refusal would only say "Invalid input".
import { z } from 'zod'
import { DaySchema } from './entries'
import { freeTextSchema } from './text'
import { MAX_DAY_SECONDS, RowKeySchema, type RowKey } from './timesheet'

/** A manual entry with times covers at most a day: longer spans are typos, not work. */
export const MAX_MANUAL_SPAN_MS = 24 * 3600 * 1000

const instant = z.number({ error: 'a time is milliseconds since 1970 (UTC)' }).int('a time is whole milliseconds since 1970 (UTC)').min(0, 'a time is milliseconds since 1970 (UTC)')

export const CreateEntryRequestSchema = z
  .object({
    row: RowKeySchema,
    description: freeTextSchema('A description', 2000),
    day: DaySchema.optional(),
    seconds: z.number().int('a duration is whole seconds').min(1, 'a duration must be more than zero').max(MAX_DAY_SECONDS, 'a day has at most 24 hours').optional(),
    startedAt: instant.optional(),
    endedAt: instant.optional(),
  })
  .strict()
  .superRefine((request, context) => {
    const duration = request.day !== undefined || request.seconds !== undefined
    const times = request.startedAt !== undefined || request.endedAt !== undefined
    if (duration === times) {
      context.addIssue({ code: 'custom', message: 'give either a day and seconds (a duration) or startedAt and endedAt (a start and an end)' })
    } else if (duration && (request.day === undefined || request.seconds === undefined)) {
      context.addIssue({ code: 'custom', message: 'a duration needs both its day and its seconds' })
    } else if (times) {
      const { startedAt, endedAt } = request
      if (startedAt === undefined || endedAt === undefined) context.addIssue({ code: 'custom', message: 'times need both startedAt and endedAt' })
      else if (endedAt <= startedAt) context.addIssue({ code: 'custom', path: ['endedAt'], message: 'the end must be after the start' })
      else if (endedAt - startedAt > MAX_MANUAL_SPAN_MS) context.addIssue({ code: 'custom', path: ['endedAt'], message: 'a manual entry with times covers at most 24 hours' })
    }
  })

/** The request as callers write it: a duration on a day, or a start and an end (ms since the epoch, UTC). */
export type CreateEntryRequest = { row: RowKey; description: string } & ({ day: string; seconds: number } | { startedAt: number; endedAt: number })

/** The parsed request, reduced to one of its two forms. */
export type ManualTime = { day: string; seconds: number } | { startedAt: number; endedAt: number }

export function manualTimeOf(request: z.output<typeof CreateEntryRequestSchema>): ManualTime {
  const { day, seconds, startedAt, endedAt } = request
  if (day !== undefined && seconds !== undefined) return { day, seconds }
  if (startedAt !== undefined && endedAt !== undefined) return { startedAt, endedAt }
  throw new Error('entries.create reached its handler without a duration or times (the schema should have refused it)')
}
