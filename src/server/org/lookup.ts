// Finding the organisation, a user or a team the way an admin names them (email, team
// name, or id) inside a transaction, and shaping rows into what commands and routes
// return. A name that matches nothing is a refusal that says how to list the real ones.
import type { Kysely, Transaction } from 'kysely'
import { StintError } from '@shared/errors'
import { PeriodRuleSchema, type PeriodRule } from '@shared/periods'
import type { ApprovalLevel, ApprovalPattern, OrgRow, Role, ServerDatabase, TeamRow, UserRow } from '../db/schema'

export type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>

export interface User {
  id: string
  name: string
  email: string
  role: Role
  createdAt: number
  deactivatedAt: number | null
}

export interface UserBrief {
  id: string
  name: string
  email: string
}

export interface Team {
  id: string
  name: string
  approvalPattern: ApprovalPattern
  members: UserBrief[]
  approvers: { level: ApprovalLevel; user: UserBrief }[]
}

export interface Organisation {
  id: string
  name: string
  periodRule: PeriodRule
  createdAt: number
}

export const NOTHING_CHANGED = 'Nothing was changed.'

export function toUser(row: UserRow): User {
  return { id: row.id, name: row.name, email: row.email, role: row.role, createdAt: row.created_at, deactivatedAt: row.deactivated_at }
}

export function toOrganisation(row: OrgRow): Organisation {
  return { id: row.id, name: row.name, periodRule: PeriodRuleSchema.parse(JSON.parse(row.period_rule)), createdAt: row.created_at }
}

export async function findOrganisation(db: Db): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().executeTakeFirst()
}

export async function requireOrganisation(db: Db): Promise<OrgRow> {
  const org = await findOrganisation(db)
  if (!org) {
    throw new StintError(
      'unavailable',
      `This server has no organisation yet. Run \`npm run server -- init --org NAME --admin-name NAME --admin-email EMAIL\` first. ${NOTHING_CHANGED}`,
    )
  }
  return org
}

/** A user by email (any letter case) or by id. */
export async function resolveUser(db: Db, ref: string): Promise<UserRow> {
  const row = ref.includes('@')
    ? await db.selectFrom('users').selectAll().where('email', '=', ref.trim().toLowerCase()).executeTakeFirst()
    : await db.selectFrom('users').selectAll().where('id', '=', ref).executeTakeFirst()
  if (!row) throw new StintError('not_found', `There is no user ${ref} on this server (\`user list\` shows them). ${NOTHING_CHANGED}`)
  return row
}

/** A team by id, or by name in any letter case. */
export async function resolveTeam(db: Db, ref: string): Promise<TeamRow> {
  const row =
    (await db.selectFrom('teams').selectAll().where('id', '=', ref).executeTakeFirst()) ??
    (await db
      .selectFrom('teams')
      .selectAll()
      .where((eb) => eb(eb.fn('lower', ['name']), '=', ref.trim().toLowerCase()))
      .executeTakeFirst())
  if (!row) throw new StintError('not_found', `There is no team "${ref}" on this server (\`team list\` shows them). ${NOTHING_CHANGED}`)
  return row
}

/** Teams with their members and approvers, in name order; all teams when `ids` is not given. */
export async function loadTeams(db: Db, ids?: readonly string[]): Promise<Team[]> {
  if (ids?.length === 0) return []
  let query = db.selectFrom('teams').selectAll().orderBy('name')
  if (ids) query = query.where('id', 'in', ids)
  const teams = await query.execute()
  if (teams.length === 0) return []
  const teamIds = teams.map((team) => team.id)
  const members = await db
    .selectFrom('team_members')
    .innerJoin('users', 'users.id', 'team_members.user_id')
    .select(['team_members.team_id', 'users.id', 'users.name', 'users.email'])
    .where('team_members.team_id', 'in', teamIds)
    .orderBy('users.email')
    .execute()
  const approvers = await db
    .selectFrom('team_approvers')
    .innerJoin('users', 'users.id', 'team_approvers.user_id')
    .select(['team_approvers.team_id', 'team_approvers.level', 'users.id', 'users.name', 'users.email'])
    .where('team_approvers.team_id', 'in', teamIds)
    .orderBy('team_approvers.level')
    .orderBy('users.email')
    .execute()
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    approvalPattern: team.approval_pattern,
    members: members.filter((m) => m.team_id === team.id).map(({ id, name, email }) => ({ id, name, email })),
    approvers: approvers.filter((a) => a.team_id === team.id).map(({ level, id, name, email }) => ({ level, user: { id, name, email } })),
  }))
}

export async function loadTeam(db: Db, id: string): Promise<Team> {
  const [team] = await loadTeams(db, [id])
  if (!team) throw new StintError('not_found', `The team ${id} is gone. ${NOTHING_CHANGED}`)
  return team
}
