// The organisation as its admin shapes it: the first setup, people and their roles, teams
// with members, approvers and an approval pattern, and the period rule every timesheet
// follows. Every input is checked first; a refusal says what was wrong and changes nothing.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { StintError } from '@shared/errors'
import { orgNameKey } from '@shared/org-data'
import { DEFAULT_ACTIVITY_TYPES } from '@shared/work'
import { nextReferenceSeq } from '../db/change-streams'
import { newId } from '@shared/ids'
import { PeriodRuleSchema, type PeriodRule } from '@shared/periods'
import type { Clock } from '../clock'
import { isUniqueViolation } from '../db/errors'
import type { ApprovalLevel, ApprovalPattern, Role, ServerDatabase, UserRow } from '../db/schema'
import { parseInput } from '../errors'
import { ApprovalLevelSchema, ApprovalPatternSchema, EmailSchema, NameSchema, RoleSchema, TeamRefSchema, UserRefSchema } from './inputs'
import {
  findOrganisation,
  loadTeam,
  loadTeams,
  NOTHING_CHANGED,
  requireOrganisation,
  resolveTeam,
  resolveUser,
  toOrganisation,
  toUser,
  type Db,
  type Organisation,
  type Team,
  type User,
} from './lookup'
import { insertToken, type IssuedToken } from './tokens'
import { inWriteTransaction } from './transactions'

export type { Organisation, Team, User, UserBrief } from './lookup'

/** What GET /v1/me answers: who you are and the rules your timesheets follow. */
export interface Profile {
  user: User
  organisation: { name: string; periodRule: PeriodRule }
  /** Teams the user is a member of. */
  teams: { id: string; name: string; approvalPattern: ApprovalPattern }[]
  /** Teams whose timesheets the user approves, and at which level. */
  approves: { teamId: string; teamName: string; level: ApprovalLevel }[]
}

const InitSchema = z.object({ name: NameSchema, adminName: NameSchema, adminEmail: EmailSchema })
const AddUserSchema = z.object({ name: NameSchema, email: EmailSchema, role: RoleSchema })
const SetRoleSchema = z.object({ user: UserRefSchema, role: RoleSchema })
const UserOnlySchema = z.object({ user: UserRefSchema })
const AddTeamSchema = z.object({ name: NameSchema, pattern: ApprovalPatternSchema.default('one') })
const MembershipSchema = z.object({ team: TeamRefSchema, user: UserRefSchema })
const ApproversSchema = z.object({ team: TeamRefSchema, level: ApprovalLevelSchema, users: z.array(UserRefSchema).max(50, 'at most 50 approvers per level') })
const PatternSchema = z.object({ team: TeamRefSchema, pattern: ApprovalPatternSchema })

const CAN_APPROVE: readonly Role[] = ['approver', 'admin']

export class OrgService {
  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly clock: Clock,
  ) {}

  async organisation(): Promise<Organisation | null> {
    const row = await findOrganisation(this.db)
    return row ? toOrganisation(row) : null
  }

  /** The one-time setup: the organisation, its first admin and a token for that admin. */
  async initOrganisation(input: { name: string; adminName: string; adminEmail: string }): Promise<{ organisation: Organisation; admin: User; token: IssuedToken }> {
    const { name, adminName, adminEmail } = parseInput(InitSchema, input, 'Setting up the organisation')
    return inWriteTransaction(this.db, 'Setting up the organisation', async (trx) => {
      const existing = await findOrganisation(trx)
      if (existing) {
        throw new StintError('conflict', `This server is already set up for "${existing.name}"; it holds one organisation. ${NOTHING_CHANGED} Use \`user add\` to add people.`)
      }
      const now = this.clock()
      const orgId = newId()
      await trx.insertInto('org').values({ id: orgId, name, created_at: now, updated_at: now }).execute()
      const admin: UserRow = { id: newId(), name: adminName, email: adminEmail, role: 'admin', created_at: now, updated_at: now, deactivated_at: null }
      await trx.insertInto('users').values(admin).execute()
      const token = await insertToken(trx, admin.id, 'first admin token (init)', now)
      // The activity types every device starts with, under the same ids, owned by the organisation.
      for (const type of DEFAULT_ACTIVITY_TYPES) {
        const seq = await nextReferenceSeq(trx)
        await trx
          .insertInto('activity_types')
          .values({ id: type.id, name: type.name, name_key: orgNameKey(type.name), active: 1, is_default: type.isDefault ? 1 : 0, created_at: now, updated_at: now, deleted_at: null, seq, created_by: null, admin_managed: 1 })
          .execute()
      }
      return { organisation: toOrganisation(await requireOrganisation(trx)), admin: toUser(admin), token }
    })
  }

  async addUser(input: { name: string; email: string; role: string }): Promise<User> {
    const { name, email, role } = parseInput(AddUserSchema, input, 'Adding the user')
    return this.write('Adding the user', async (trx) => {
      const same = await trx.selectFrom('users').select(['name', 'deactivated_at']).where('email', '=', email).executeTakeFirst()
      if (same) {
        const state = same.deactivated_at === null ? '' : ' (deactivated)'
        throw new StintError('conflict', `${email} already belongs to ${same.name}${state}. ${NOTHING_CHANGED}`)
      }
      const now = this.clock()
      const row: UserRow = { id: newId(), name, email, role, created_at: now, updated_at: now, deactivated_at: null }
      await trx.insertInto('users').values(row).execute()
      return toUser(row)
    })
  }

  async setRole(input: { user: string; role: string }): Promise<User> {
    const { user, role } = parseInput(SetRoleSchema, input, 'Changing the role')
    return this.write('Changing the role', async (trx) => {
      const row = await resolveUser(trx, user)
      if (row.role === role) return toUser(row)
      if (row.role === 'admin' && row.deactivated_at === null) await this.refuseLastAdmin(trx, row, `make ${row.email} a ${role}`)
      if (!CAN_APPROVE.includes(role)) {
        const approves = await trx
          .selectFrom('team_approvers')
          .innerJoin('teams', 'teams.id', 'team_approvers.team_id')
          .select(['teams.name', 'team_approvers.level'])
          .where('team_approvers.user_id', '=', row.id)
          .orderBy('teams.name')
          .execute()
        if (approves.length > 0) {
          const where = approves.map((a) => `${a.name} (level ${a.level})`).join(', ')
          throw new StintError('conflict', `${row.email} approves timesheets of ${where}; a ${role} cannot. Name other approvers there first (\`team approvers\`). ${NOTHING_CHANGED}`)
        }
      }
      const now = this.clock()
      await trx.updateTable('users').set({ role, updated_at: now }).where('id', '=', row.id).execute()
      return toUser({ ...row, role, updated_at: now })
    })
  }

  /** A deactivated user keeps their history but can no longer sign in with any token. */
  async deactivateUser(input: { user: string }): Promise<User> {
    const { user } = parseInput(UserOnlySchema, input, 'Deactivating the user')
    return this.write('Deactivating the user', async (trx) => {
      const row = await resolveUser(trx, user)
      if (row.deactivated_at !== null) throw new StintError('conflict', `${row.email} is already deactivated. ${NOTHING_CHANGED}`)
      if (row.role === 'admin') await this.refuseLastAdmin(trx, row, `deactivate ${row.email}`)
      const now = this.clock()
      await trx.updateTable('users').set({ deactivated_at: now, updated_at: now }).where('id', '=', row.id).execute()
      return toUser({ ...row, deactivated_at: now, updated_at: now })
    })
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('email').execute()
    return rows.map(toUser)
  }

  async addTeam(input: { name: string; pattern?: string | undefined }): Promise<Team> {
    const { name, pattern } = parseInput(AddTeamSchema, input, 'Adding the team')
    return this.write('Adding the team', async (trx) => {
      const same = await trx
        .selectFrom('teams')
        .select('name')
        .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
        .executeTakeFirst()
      if (same) throw new StintError('conflict', `There is already a team called "${same.name}". ${NOTHING_CHANGED}`)
      const now = this.clock()
      const id = newId()
      await trx.insertInto('teams').values({ id, name, approval_pattern: pattern, created_at: now, updated_at: now }).execute()
      return loadTeam(trx, id)
    })
  }

  /** Adds a member; `added` is false when they already were one (nothing changes then). */
  async addMember(input: { team: string; user: string }): Promise<{ team: Team; added: boolean }> {
    const { team, user } = parseInput(MembershipSchema, input, 'Adding the team member')
    return this.write('Adding the team member', async (trx) => {
      const teamRow = await resolveTeam(trx, team)
      const userRow = await resolveUser(trx, user)
      if (userRow.deactivated_at !== null) throw new StintError('conflict', `${userRow.email} is deactivated and cannot join a team. ${NOTHING_CHANGED}`)
      const already = await trx
        .selectFrom('team_members')
        .select('user_id')
        .where('team_id', '=', teamRow.id)
        .where('user_id', '=', userRow.id)
        .executeTakeFirst()
      if (!already) await trx.insertInto('team_members').values({ team_id: teamRow.id, user_id: userRow.id }).execute()
      return { team: await loadTeam(trx, teamRow.id), added: !already }
    })
  }

  /** Removes a member; `removed` is false when they were not one (nothing changes then). */
  async removeMember(input: { team: string; user: string }): Promise<{ team: Team; removed: boolean }> {
    const { team, user } = parseInput(MembershipSchema, input, 'Removing the team member')
    return this.write('Removing the team member', async (trx) => {
      const teamRow = await resolveTeam(trx, team)
      const userRow = await resolveUser(trx, user)
      const result = await trx.deleteFrom('team_members').where('team_id', '=', teamRow.id).where('user_id', '=', userRow.id).executeTakeFirst()
      return { team: await loadTeam(trx, teamRow.id), removed: result.numDeletedRows > 0n }
    })
  }

  /** Replaces the approvers of one level of a team; an empty list clears the level. */
  async setApprovers(input: { team: string; level: number; users: readonly string[] }): Promise<Team> {
    const { team, level, users } = parseInput(ApproversSchema, input, 'Setting the approvers')
    return this.write('Setting the approvers', async (trx) => {
      const teamRow = await resolveTeam(trx, team)
      const approvers = new Map<string, UserRow>()
      for (const ref of users) {
        const row = await resolveUser(trx, ref)
        if (row.deactivated_at !== null) throw new StintError('conflict', `${row.email} is deactivated and cannot approve timesheets. ${NOTHING_CHANGED}`)
        if (!CAN_APPROVE.includes(row.role)) {
          throw new StintError(
            'conflict',
            `${row.email} is a ${row.role}; only approvers and admins approve timesheets. Give them the role first (\`user role --email ${row.email} --role approver\`). ${NOTHING_CHANGED}`,
          )
        }
        approvers.set(row.id, row)
      }
      // Separation of duties: two levels mean two people. Movement between levels is explicit: clear the other level first.
      const otherLevel = level === 1 ? 2 : 1
      const both = approvers.size === 0 ? [] : await trx.selectFrom('team_approvers').select('user_id').where('team_id', '=', teamRow.id).where('level', '=', otherLevel).where('user_id', 'in', [...approvers.keys()]).execute()
      const [twice] = both.flatMap((b) => approvers.get(b.user_id) ?? [])
      if (twice) {
        throw new StintError(
          'conflict',
          `${twice.email} already approves "${teamRow.name}" at level ${otherLevel}, and nobody approves the same timesheet at two levels. Name someone else here, or take them off level ${otherLevel} first. ${NOTHING_CHANGED}`,
        )
      }
      await trx.deleteFrom('team_approvers').where('team_id', '=', teamRow.id).where('level', '=', level).execute()
      if (approvers.size > 0) {
        await trx
          .insertInto('team_approvers')
          .values([...approvers.keys()].map((userId) => ({ team_id: teamRow.id, level, user_id: userId })))
          .execute()
      }
      await trx.updateTable('teams').set({ updated_at: this.clock() }).where('id', '=', teamRow.id).execute()
      return loadTeam(trx, teamRow.id)
    })
  }

  async setApprovalPattern(input: { team: string; pattern: string }): Promise<Team> {
    const { team, pattern } = parseInput(PatternSchema, input, 'Changing the approval pattern')
    return this.write('Changing the approval pattern', async (trx) => {
      const teamRow = await resolveTeam(trx, team)
      await trx.updateTable('teams').set({ approval_pattern: pattern, updated_at: this.clock() }).where('id', '=', teamRow.id).execute()
      return loadTeam(trx, teamRow.id)
    })
  }

  async listTeams(): Promise<Team[]> {
    return loadTeams(this.db)
  }

  async setPeriodRule(input: unknown): Promise<PeriodRule> {
    const rule = parseInput(PeriodRuleSchema, input, 'Changing the period rule')
    return this.write('Changing the period rule', async (trx) => {
      await trx.updateTable('org').set({ period_rule: JSON.stringify(rule), updated_at: this.clock() }).execute()
      return rule
    })
  }

  async profile(userId: string): Promise<Profile> {
    const org = toOrganisation(await requireOrganisation(this.db))
    const user = await resolveUser(this.db, userId)
    const teams = await this.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select(['teams.id', 'teams.name', 'teams.approval_pattern'])
      .where('team_members.user_id', '=', user.id)
      .orderBy('teams.name')
      .execute()
    const approves = await this.db
      .selectFrom('team_approvers')
      .innerJoin('teams', 'teams.id', 'team_approvers.team_id')
      .select(['teams.id', 'teams.name', 'team_approvers.level'])
      .where('team_approvers.user_id', '=', user.id)
      .orderBy('teams.name')
      .orderBy('team_approvers.level')
      .execute()
    return {
      user: toUser(user),
      organisation: { name: org.name, periodRule: org.periodRule },
      teams: teams.map((t) => ({ id: t.id, name: t.name, approvalPattern: t.approval_pattern })),
      approves: approves.map((a) => ({ teamId: a.id, teamName: a.name, level: a.level })),
    }
  }

  /** A change to an organisation that exists; a unique key hit by a concurrent change becomes a conflict. */
  private async write<T>(action: string, work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await inWriteTransaction(this.db, action, async (trx) => {
        await requireOrganisation(trx)
        return work(trx)
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new StintError('conflict', `${action} was refused: it already exists. ${NOTHING_CHANGED}`)
      throw error
    }
  }

  /** An organisation always keeps an active admin, or no one could manage it again. */
  private async refuseLastAdmin(trx: Db, admin: UserRow, what: string): Promise<void> {
    const others = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .where('id', '!=', admin.id)
      .executeTakeFirst()
    if (!others) {
      throw new StintError('conflict', `${admin.email} is the only active admin, so the server cannot ${what}. Make someone else an admin first. ${NOTHING_CHANGED}`)
    }
  }
}
