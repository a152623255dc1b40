// The organisation's admin commands: setting it up, people and their roles, teams with
// members, approvers and approval pattern, the period rule, and device tokens.
import type { PeriodRule } from '@shared/periods'
import type { Team, User } from '../org/lookup'
import type { IssuedToken, TokenInfo } from '../org/tokens'
import { json, text, when, type CliIo, type CommandSpec } from './spec'

function printUser(io: CliIo, user: User): void {
  io.out(`${user.email}\t${user.name}\t${user.role}${user.deactivatedAt === null ? '' : `\tdeactivated ${when(user.deactivatedAt)}`}`)
}

function printTeam(io: CliIo, team: Team): void {
  io.out(`${team.name}\tapproval: ${team.approvalPattern}`)
  io.out(`  members: ${team.members.map((m) => m.email).join(', ') || '(none)'}`)
  for (const level of [1, 2] as const) {
    const approvers = team.approvers.filter((a) => a.level === level).map((a) => a.user.email)
    io.out(`  level ${level} approvers: ${approvers.join(', ') || '(none)'}`)
  }
}

function printToken(io: CliIo, issued: IssuedToken, email: string): void {
  io.err(`Device token "${issued.label}" (id ${issued.id}) for ${email}. It is shown this once: paste it into Stint's settings on that device now.`)
  io.out(issued.token)
}

function printTokens(io: CliIo, tokens: readonly TokenInfo[]): void {
  if (tokens.length === 0) io.err('No tokens.')
  for (const t of tokens) io.out(`${t.id}\t${t.label}\tcreated ${when(t.createdAt)}\tlast used ${when(t.lastUsedAt)}\t${t.revokedAt === null ? 'active' : `revoked ${when(t.revokedAt)}`}`)
}

export const ORG_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['init'],
    summary: "set up the organisation and its first admin; prints the admin's token",
    options: { org: { type: 'string', hint: 'NAME', required: true }, 'admin-name': { type: 'string', hint: 'NAME', required: true }, 'admin-email': { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { organisation, admin, token } = await org.initOrganisation({ name: text(values, 'org'), adminName: text(values, 'admin-name'), adminEmail: text(values, 'admin-email') })
      io.err(`Set up "${organisation.name}" with ${admin.name} <${admin.email}> as its admin.`)
      printToken(io, token, admin.email)
    },
  },
  {
    words: ['user', 'add'],
    summary: 'add a person',
    options: { name: { type: 'string', hint: 'NAME', required: true }, email: { type: 'string', hint: 'EMAIL', required: true }, role: { type: 'string', hint: 'member|approver|admin', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.addUser({ name: text(values, 'name'), email: text(values, 'email'), role: text(values, 'role') })
      io.err(`Added ${user.name} <${user.email}> as ${user.role}. \`token issue --email ${user.email} --label …\` gives them a device token.`)
    },
  },
  {
    words: ['user', 'role'],
    summary: "change a person's role",
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, role: { type: 'string', hint: 'member|approver|admin', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.setRole({ user: text(values, 'email'), role: text(values, 'role') })
      io.err(`${user.email} is now ${user.role}.`)
    },
  },
  {
    words: ['user', 'deactivate'],
    summary: 'stop a person signing in (their time and history are kept)',
    options: { email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const user = await org.deactivateUser({ user: text(values, 'email') })
      io.err(`${user.email} is deactivated: none of their tokens is accepted any more.`)
    },
  },
  {
    words: ['user', 'list'],
    summary: 'list everyone',
    options: { json },
    run: async ({ org, io }, values) => {
      const users = await org.listUsers()
      if (values['json'] === true) return io.out(JSON.stringify(users, null, 2))
      for (const user of users) printUser(io, user)
    },
  },
  {
    words: ['team', 'add'],
    summary: 'add a team',
    options: { name: { type: 'string', hint: 'NAME', required: true }, pattern: { type: 'string', hint: 'none|one|two (default one)' } },
    run: async ({ org, io }, values) => {
      const team = await org.addTeam({ name: text(values, 'name'), pattern: typeof values['pattern'] === 'string' ? values['pattern'] : undefined })
      io.err(`Added the team "${team.name}" (approval: ${team.approvalPattern}).`)
    },
  },
  {
    words: ['team', 'member', 'add'],
    summary: 'put a person in a team',
    options: { team: { type: 'string', hint: 'TEAM', required: true }, email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { team, added } = await org.addMember({ team: text(values, 'team'), user: text(values, 'email') })
      io.err(added ? `${text(values, 'email')} is now a member of "${team.name}".` : `${text(values, 'email')} already was a member of "${team.name}"; nothing was changed.`)
    },
  },
  {
    words: ['team', 'member', 'remove'],
    summary: 'take a person out of a team',
    options: { team: { type: 'string', hint: 'TEAM', required: true }, email: { type: 'string', hint: 'EMAIL', required: true } },
    run: async ({ org, io }, values) => {
      const { team, removed } = await org.removeMember({ team: text(values, 'team'), user: text(values, 'email') })
      io.err(removed ? `${text(values, 'email')} is no longer a member of "${team.name}".` : `${text(values, 'email')} was not a member of "${team.name}"; nothing was changed.`)
    },
  },
  {
    words: ['team', 'approvers'],
    summary: "set a team's approvers at one level (an empty list clears it)",
    options: { team: { type: 'string', hint: 'TEAM', required: true }, level: { type: 'string', hint: '1|2', required: true }, users: { type: 'string', hint: 'EMAIL,EMAIL…', required: true } },
    run: async ({ org, io }, values) => {
      const users = text(values, 'users')
        .split(',')
        .map((email) => email.trim())
        .filter(Boolean)
      const team = await org.setApprovers({ team: text(values, 'team'), level: Number(text(values, 'level')), users })
      io.err(`Level ${text(values, 'level')} approvers of "${team.name}": ${users.join(', ') || '(none)'}.`)
      if (team.approvalPattern === 'none' || (team.approvalPattern === 'one' && text(values, 'level') === '2')) {
        io.err(`Note: "${team.name}" uses approval pattern "${team.approvalPattern}", so these approvers are not asked yet (\`team pattern\`).`)
      }
    },
  },
  {
    words: ['team', 'pattern'],
    summary: "set how many approvals a team's timesheets need",
    options: { team: { type: 'string', hint: 'TEAM', required: true }, pattern: { type: 'string', hint: 'none|one|two', required: true } },
    run: async ({ org, io }, values) => {
      const team = await org.setApprovalPattern({ team: text(values, 'team'), pattern: text(values, 'pattern') })
      io.err(`"${team.name}" now uses approval pattern "${team.approvalPattern}".`)
    },
  },
  {
    words: ['team', 'list'],
    summary: 'list the teams with members and approvers',
    options: { json },
    run: async ({ org, io }, values) => {
      const teams = await org.listTeams()
      if (values['json'] === true) return io.out(JSON.stringify(teams, null, 2))
      for (const team of teams) printTeam(io, team)
    },
  },
  {
    words: ['period-rule'],
    summary: 'set the timesheet period for everyone',
    options: {
      kind: { type: 'string', hint: 'weekly|biweekly|semimonthly|monthly', required: true },
      'week-starts-on': { type: 'string', hint: '0-6 (0 = Sunday; weekly, biweekly)' },
      anchor: { type: 'string', hint: 'YYYY-MM-DD (biweekly: first day of any one period)' },
    },
    run: async ({ org, io }, values) => {
      const rule: Record<string, unknown> = { kind: text(values, 'kind') }
      if (typeof values['week-starts-on'] === 'string') rule['weekStartsOn'] = Number(values['week-starts-on'])
      if (typeof values['anchor'] === 'string') rule['anchor'] = values['anchor']
      const saved: PeriodRule = await org.setPeriodRule(rule)
      io.err(`Timesheet periods are now: ${JSON.stringify(saved)}.`)
    },
  },
  {
    words: ['token', 'issue'],
    summary: 'make a device token for a person; prints it once',
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, label: { type: 'string', hint: 'LABEL (such as "Ana\'s laptop")', required: true } },
    run: async ({ tokens, io }, values) => {
      const issued = await tokens.issueToken({ user: text(values, 'email'), label: text(values, 'label') })
      printToken(io, issued, text(values, 'email').toLowerCase())
    },
  },
  {
    words: ['token', 'revoke'],
    summary: 'stop a device token working',
    options: { id: { type: 'string', hint: 'TOKEN-ID (from token list)', required: true } },
    run: async ({ tokens, io }, values) => {
      const revoked = await tokens.revokeToken({ id: text(values, 'id') })
      io.err(`Revoked the token "${revoked.label}" (${revoked.id}).`)
    },
  },
  {
    words: ['token', 'list'],
    summary: "list a person's tokens (never the tokens themselves)",
    options: { email: { type: 'string', hint: 'EMAIL', required: true }, json },
    run: async ({ tokens, io }, values) => {
      const list = await tokens.listTokens({ user: text(values, 'email') })
      if (values['json'] === true) return io.out(JSON.stringify(list, null, 2))
      printTokens(io, list)
    },
  },
]

