// The approvals endpoints: an approver's queue, one period read-only, decisions on one
// or several periods, a period's history, and the admin's reopen and void. Decisions
// answer 200 with one result per period, refused ones included, so a batch reports
// each period on its own; only a malformed request is an error.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { ApproveRequestSchema, RejectRequestSchema, ReopenRequestSchema, VoidRequestSchema } from '@shared/approvals'
import type { Clock } from '../../clock'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { approvalDetail, approvalQueue, approvePeriods, periodHistory, rejectPeriod, reopenPeriod, voidPeriod } from '../../periods/approvals'
import { principalOf, requireRole } from '../auth'

/** `:periodId` in a path, checked like the ids in the request bodies. */
const PeriodParamsSchema = RejectRequestSchema.pick({ periodId: true })

export function approvalRoutes(app: FastifyInstance, { db, clock }: { db: Kysely<ServerDatabase>; clock: Clock }): void {
  app.get('/v1/approvals', async (request) => approvalQueue(db, principalOf(request)))

  app.get('/v1/approvals/:periodId', async (request) => {
    const { periodId } = parseInput(PeriodParamsSchema, request.params, 'Opening the period')
    return approvalDetail(db, principalOf(request), periodId)
  })

  app.get('/v1/periods/:periodId/history', async (request) => {
    const { periodId } = parseInput(PeriodParamsSchema, request.params, 'Reading the period’s history')
    return periodHistory(db, principalOf(request), periodId)
  })

  app.post('/v1/approvals/approve', async (request) => {
    const { periodIds } = parseInput(ApproveRequestSchema, request.body, 'The approval')
    return approvePeriods(db, principalOf(request), periodIds, clock)
  })

  app.post('/v1/approvals/reject', async (request) => {
    const { periodId, reason } = parseInput(RejectRequestSchema, request.body, 'The rejection')
    return rejectPeriod(db, principalOf(request), periodId, reason, clock())
  })

  const adminOnly = { preHandler: requireRole('admin') }

  app.post('/v1/admin/periods/reopen', adminOnly, async (request) => {
    const { periodId, reason } = parseInput(ReopenRequestSchema, request.body, 'Reopening the period')
    return reopenPeriod(db, principalOf(request), periodId, reason, clock())
  })

  app.post('/v1/admin/periods/void', adminOnly, async (request) => {
    const { periodId, reason } = parseInput(VoidRequestSchema, request.body, 'Voiding the period')
    return voidPeriod(db, principalOf(request), periodId, reason, clock())
  })
}
