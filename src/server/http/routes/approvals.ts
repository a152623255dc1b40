// The approvals endpoints: an approver's queue, one period read-only, decisions on one
// or several periods, a period's history, and the admin's reopen and void. Decisions
// answer 200 with one result per period, refused ones included, so a batch reports
// each period on its own; only a malformed request is an error.
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { ApprovalDetailSchema, ApprovalQueueSchema, ApproveRequestSchema, DecisionResultSchema, RejectRequestSchema, ReopenRequestSchema, VoidRequestSchema } from '@shared/approvals'
import { PeriodEventWireSchema } from '@shared/sync'
import type { Clock } from '../../clock'
import type { ServerDatabase } from '../../db/schema'
import { parseInput } from '../../errors'
import { approvalDetail, approvalQueue, approvePeriods, periodHistory, rejectPeriod, reopenPeriod, voidPeriod } from '../../periods/approvals'
import { apiDoc } from '../api-doc'
import { principalOf, requireRole } from '../auth'

/** `:periodId` in a path, checked like the ids in the request bodies. */
const PeriodParamsSchema = RejectRequestSchema.pick({ periodId: true })

const DECIDED = 'One result per period, refused ones included with their reason; only a malformed request is an error.'
const doc = {
  queue: apiDoc({ summary: 'The periods waiting for the caller’s approval', auth: 'token', response: ApprovalQueueSchema }),
  detail: apiDoc({ summary: 'One period, read-only, with its entries', auth: 'token', params: PeriodParamsSchema, response: ApprovalDetailSchema, errors: [404] }),
  history: apiDoc({ summary: 'A period’s history: submitted, approved, rejected, reopened', auth: 'token', params: PeriodParamsSchema, response: z.object({ events: z.array(PeriodEventWireSchema) }), errors: [404] }),
  approve: apiDoc({ summary: 'Approve one or several periods', description: DECIDED, auth: 'token', body: ApproveRequestSchema, response: DecisionResultSchema }),
  reject: apiDoc({ summary: 'Reject a period with a reason', description: DECIDED, auth: 'token', body: RejectRequestSchema, response: DecisionResultSchema }),
  reopen: apiDoc({ summary: 'Reopen a submitted or approved period (admin)', description: DECIDED, auth: 'admin', body: ReopenRequestSchema, response: DecisionResultSchema }),
  void: apiDoc({ summary: 'Void a period’s entries (admin)', description: DECIDED, auth: 'admin', body: VoidRequestSchema, response: DecisionResultSchema }),
}

export function approvalRoutes(app: FastifyInstance, { db, clock }: { db: Kysely<ServerDatabase>; clock: Clock }): void {
  app.get('/v1/approvals', { config: { api: doc.queue } }, async (request) => approvalQueue(db, principalOf(request)))

  app.get('/v1/approvals/:periodId', { config: { api: doc.detail } }, async (request) => {
    const { periodId } = parseInput(doc.detail.params, request.params, 'Opening the period')
    return approvalDetail(db, principalOf(request), periodId)
  })

  app.get('/v1/periods/:periodId/history', { config: { api: doc.history } }, async (request) => {
    const { periodId } = parseInput(doc.history.params, request.params, 'Reading the period’s history')
    return periodHistory(db, principalOf(request), periodId)
  })

  app.post('/v1/approvals/approve', { config: { api: doc.approve } }, async (request) => {
    const { periodIds } = parseInput(doc.approve.body, request.body, 'The approval')
    return approvePeriods(db, principalOf(request), periodIds, clock)
  })

  app.post('/v1/approvals/reject', { config: { api: doc.reject } }, async (request) => {
    const { periodId, reason } = parseInput(doc.reject.body, request.body, 'The rejection')
    return rejectPeriod(db, principalOf(request), periodId, reason, clock())
  })

  const adminOnly = requireRole('admin')

  app.post('/v1/admin/periods/reopen', { preHandler: adminOnly, config: { api: doc.reopen } }, async (request) => {
    const { periodId, reason } = parseInput(doc.reopen.body, request.body, 'Reopening the period')
    return reopenPeriod(db, principalOf(request), periodId, reason, clock())
  })

  app.post('/v1/admin/periods/void', { preHandler: adminOnly, config: { api: doc.void } }, async (request) => {
    const { periodId, reason } = parseInput(doc.void.body, request.body, 'Voiding the period')
    return voidPeriod(db, principalOf(request), periodId, reason, clock())
  })
}
