// The life of a period, as a pure function: who may move it from which status to which,
// with one or two approval levels. The team server decides with it; without a server the
// app uses it with the pattern "none". Every allowed move becomes one audit event.
import { z } from 'zod'
import type { PeriodStatus } from './timesheet'

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

export type Transition = { ok: true; to: PeriodState; reason: string | null } | { ok: false; error: string }

export const MAX_REASON_LENGTH = 1000

const refuse = (error: string): Transition => ({ ok: false, error })

function reasonProblem(reason: string): string | null {
  const text = reason.trim()
  if (text === '') return 'A reason is required, so the person knows what to fix.'
  if (text.length > MAX_REASON_LENGTH) return `A reason can be at most ${MAX_REASON_LENGTH} characters (this one has ${text.length}).`
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
      if (!actor.isOwner) return refuse('Only the person whose time it is can submit a period.')
      if (state.status === 'submitted') return refuse('This period is already submitted and waiting for approval.')
      if (state.status === 'approved') return refuse('This period is already approved.')
      return pattern === 'none' ? { ok: true, to: { status: 'approved', level: null }, reason: null } : { ok: true, to: { status: 'submitted', level: 1 }, reason: null }
    }
    case 'withdraw': {
      if (!actor.isOwner) return refuse('Only the person who submitted a period can withdraw it.')
      if (state.status !== 'submitted') return refuse(`Only a submitted period can be withdrawn; this one is ${state.status}.`)
      if (state.level !== 1) return refuse('The first approver has already approved this period, so it can no longer be withdrawn. Ask an approver to reject it.')
      return { ok: true, to: { status: 'open', level: null }, reason: null }
    }
    case 'approve':
    case 'reject': {
      if (state.status !== 'submitted' || state.level === null) return refuse(`Only a submitted period can be ${action.kind === 'approve' ? 'approved' : 'rejected'}; this one is ${state.status}.`)
      if (actor.isOwner) return refuse('Nobody approves or rejects their own time; another approver of the team has to.')
      if (!actor.approverLevels.includes(state.level)) return refuse(`This period waits for a level ${state.level} approver of its team, and you are not one.`)
      // Separation of duties: two levels mean two people, even when old data names one person at both.
      if (action.kind === 'approve' && state.level === 2 && actor.approvedLevel1 === true) {
        return refuse('You approved this period at level 1; nobody approves the same period at two levels, so another level 2 approver has to.')
      }
      if (action.kind === 'reject') {
        const problem = reasonProblem(action.reason)
        return problem ? refuse(problem) : { ok: true, to: { status: 'rejected', level: null }, reason: action.reason.trim() }
      }
      if (pattern === 'two' && state.level === 1) return { ok: true, to: { status: 'submitted', level: 2 }, reason: null }
      return { ok: true, to: { status: 'approved', level: null }, reason: null }
    }
    case 'reopen': {
      if (!actor.isAdmin) return refuse('Only an administrator can reopen a period.')
      if (state.status !== 'approved' && state.status !== 'submitted') return refuse(`Only a submitted or approved period can be reopened; this one is ${state.status}.`)
      const problem = reasonProblem(action.reason)
      return problem ? refuse(problem) : { ok: true, to: { status: 'open', level: null }, reason: action.reason.trim() }
    }
  }
}

/** Entries of a period in this state are locked against their owner's edits. */
export function isLocked(status: PeriodStatus): boolean {
  return status === 'submitted' || status === 'approved'
}
