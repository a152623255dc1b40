// The life of a period, as a pure function: who may move it from which status to which,
// with one or two approval levels. The team server decides with it; without a server the
// app uses it with the pattern "none". Every allowed move becomes one audit event.
import { z } from 'zod'
import { refusalText, type Refusal, type RefusalId, type RefusalValues } from './i18n/refusal-text'
import { ENGLISH } from './i18n/translator'
import type { LockKind, PeriodStatus } from './timesheet'

export const ApprovalPatternSchema = z.enum(['none', 'one', 'two'])
export type ApprovalPattern = z.infer<typeof ApprovalPatternSchema>

/** Where a period stands: its status and, while submitted, the approval level it waits for. */
export interface PeriodState {
  status: PeriodStatus
  level: 1 | 2 | null
}

export type PeriodAction =
  | { kind: 'submit' }
  | { kind: 'withdraw' }
  | { kind: 'approve' }
  | { kind: 'reject'; reason: string }
  | { kind: 'reopen'; reason: string }

/** What the actor is to this period: its owner, an approver of some levels of the owner's team, an admin. */
export interface Actor {
  isOwner: boolean
  approverLevels: readonly (1 | 2)[]
  isAdmin: boolean
  /** This person gave the level 1 approval the period now at level 2 rests on (from its events). */
  approvedLevel1?: boolean
}

/** A refusal's `error` is its English sentence; `refusal` lets a window say it in its own language. */
export type Transition = { ok: true; to: PeriodState; reason: string | null } | { ok: false; error: string; refusal: Refusal }

export const MAX_REASON_LENGTH = 1000

function refuse(id: RefusalId, values?: RefusalValues): Transition {
  const refusal: Refusal = values ? { id, values } : { id }
  return { ok: false, error: refusalText(id, values, ENGLISH, 'log') ?? id, refusal }
}

function reasonProblem(reason: string): Transition | null {
  const text = reason.trim()
  if (text === '') return refuse('refusal.flow.reasonRequired')
  if (text.length > MAX_REASON_LENGTH) return refuse('refusal.flow.reasonTooLong', { max: String(MAX_REASON_LENGTH), length: String(text.length) })
  return null
}

/**
 * The state after `action`, or why it is not allowed. Submitting (also after a rejection)
 * waits for level 1, or is approved at once with the pattern "none"; level 1's approval
 * passes a two-level period to level 2; a rejection at any level sends it back to its
 * owner with the reason. Nobody approves their own period, nor one period at both
 * levels. Withdrawing is the owner's, before any approver has acted.
 * Reopening is the admin's, for an approved or submitted period.
 */
export function nextPeriodState(state: PeriodState, action: PeriodAction, pattern: ApprovalPattern, actor: Actor): Transition {
  switch (action.kind) {
    case 'submit': {
      if (!actor.isOwner) return refuse('refusal.flow.submitOwnerOnly')
      if (state.status === 'submitted') return refuse('refusal.flow.alreadySubmitted')
      if (state.status === 'approved') return refuse('refusal.flow.alreadyApproved')
      return pattern === 'none' ? { ok: true, to: { status: 'approved', level: null }, reason: null } : { ok: true, to: { status: 'submitted', level: 1 }, reason: null }
    }
    case 'withdraw': {
      if (!actor.isOwner) return refuse('refusal.flow.withdrawOwnerOnly')
      if (state.status !== 'submitted') return refuse('refusal.flow.withdrawSubmittedOnly', { status: state.status })
      if (state.level !== 1) return refuse('refusal.flow.withdrawAfterLevel1')
      return { ok: true, to: { status: 'open', level: null }, reason: null }
    }
    case 'approve':
    case 'reject': {
      if (state.status !== 'submitted' || state.level === null) return refuse('refusal.flow.decideSubmittedOnly', { action: action.kind, status: state.status })
      if (actor.isOwner) return refuse('refusal.flow.notOwnTime')
      if (!actor.approverLevels.includes(state.level)) return refuse('refusal.flow.notApproverAtLevel', { level: state.level })
      // Separation of duties: two levels mean two people, even when old data names one person at both.
      if (action.kind === 'approve' && state.level === 2 && actor.approvedLevel1 === true) {
        return refuse('refusal.flow.twoLevelsTwoPeople')
      }
      if (action.kind === 'reject') {
        return reasonProblem(action.reason) ?? { ok: true, to: { status: 'rejected', level: null }, reason: action.reason.trim() }
      }
      if (pattern === 'two' && state.level === 1) return { ok: true, to: { status: 'submitted', level: 2 }, reason: null }
      return { ok: true, to: { status: 'approved', level: null }, reason: null }
    }
    case 'reopen': {
      if (!actor.isAdmin) return refuse('refusal.flow.reopenAdminOnly')
      if (state.status !== 'approved' && state.status !== 'submitted') return refuse('refusal.flow.reopenLockedOnly', { status: state.status })
      return reasonProblem(action.reason) ?? { ok: true, to: { status: 'open', level: null }, reason: action.reason.trim() }
    }
  }
}

/** Entries of a period in this state are locked against their owner's edits. */
export function isLocked(status: PeriodStatus): boolean {
  return status === 'submitted' || status === 'approved'
}

/** standalone: the person is their own administrator; server: the team server decides. */
export type LockMode = 'standalone' | 'server'

export type { LockKind } from './timesheet'

/** Which lock a period in this status is under (the refusal.lock.* sentence that says why and what to do); null when it can be changed. */
export function lockKind(status: PeriodStatus, mode: LockMode): LockKind | null {
  if (!isLocked(status)) return null
  if (status === 'submitted') return 'submitted'
  return mode === 'standalone' ? 'approvedStandalone' : 'approvedServer'
}
