// Who can approve a member's period, and whether anyone can at all. A submission that
// nobody could ever approve is refused up front with what the admin must change, rather
// than waiting forever; and a member in no team is never approved by nobody (the pattern
// "none" is a team's decision, not the absence of one).
import type { Kysely, Transaction } from 'kysely'
import type { Refusal } from '@shared/i18n/refusal-text'
import type { ApprovalPattern } from '@shared/period-workflow'
import type { ServerDatabase } from '../db/schema'

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

const STRICTNESS: Record<ApprovalPattern, number> = { none: 0, one: 1, two: 2 }

/** The member's teams with their patterns; empty for a member in no team. */
async function teamsOf(db: Db, userId: string): Promise<{ id: string; name: string; pattern: ApprovalPattern }[]> {
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.id', 'teams.name', 'teams.approval_pattern'])
    .where('team_members.user_id', '=', userId)
    .orderBy('teams.name')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, pattern: r.approval_pattern }))
}

/** The strictest pattern of the member's teams ("none" for a member in no team: nothing waits for anyone). */
export async function patternFor(db: Db, userId: string): Promise<ApprovalPattern> {
  return (await teamsOf(db, userId)).reduce<ApprovalPattern>((strictest, team) => (STRICTNESS[team.pattern] > STRICTNESS[strictest] ? team.pattern : strictest), 'none')
}

/** Who gave the level 1 approval each period (of those given) rests on: the latest level 1 approval of each. */
export async function levelOneApprovers(db: Db, periodIds: readonly string[]): Promise<Map<string, string>> {
  if (periodIds.length === 0) return new Map()
  const events = await db
    .selectFrom('period_events')
    .select(['period_id', 'actor_id'])
    .where('period_id', 'in', periodIds)
    // A level 1 approval is the one move from submitted (at level 1) to submitted (at level 2).
    .where('from_status', '=', 'submitted')
    .where('to_status', '=', 'submitted')
    .where('level', '=', 1)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return new Map(events.map((e) => [e.period_id, e.actor_id]))
}

/**
 * Why `userId` cannot submit a period now because no one could approve it, or null. A
 * period needs, for each level its strictest team asks for, an active approver other than
 * its owner; two levels need two different people.
 */
export async function approvalPathProblem(db: Db, userId: string): Promise<Refusal | null> {
  const teams = await teamsOf(db, userId)
  if (teams.length === 0) return { id: 'refusal.path.noTeam' }
  const pattern = teams.reduce<ApprovalPattern>((strictest, team) => (STRICTNESS[team.pattern] > STRICTNESS[strictest] ? team.pattern : strictest), 'none')
  if (pattern === 'none') return null
  const approvers = await db
    .selectFrom('team_approvers')
    .innerJoin('users', 'users.id', 'team_approvers.user_id')
    .select(['team_approvers.level', 'users.id'])
    .where('team_approvers.team_id', 'in', teams.map((t) => t.id))
    .where('users.id', '!=', userId)
    .where('users.deactivated_at', 'is', null)
    .where('users.role', 'in', ['approver', 'admin'])
    .execute()
  const at = (level: 1 | 2) => new Set(approvers.filter((a) => a.level === level).map((a) => a.id))
  const teamNames = { teams: teams.map((t) => `"${t.name}"`).join(', ') }
  const first = at(1)
  if (first.size === 0) return { id: 'refusal.path.noLevel1', values: teamNames }
  if (pattern === 'one') return null
  const second = at(2)
  if (second.size === 0) return { id: 'refusal.path.noLevel2', values: teamNames }
  const twoPeople = [...first].some((a) => [...second].some((b) => a !== b))
  if (!twoPeople) return { id: 'refusal.path.sameApprover', values: teamNames }
  return null
}
