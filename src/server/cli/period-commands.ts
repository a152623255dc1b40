// An admin's decisions on a member's period from the command line: reopen it, or void its
// approved time; both recorded under the admin named by --as, with the reason.
import type { Kysely } from 'kysely'
import type { DecisionResult } from '@shared/approvals'
import { StintError } from '@shared/errors'
import { dayProblem } from '@shared/periods'
import type { ServerDatabase } from '../db/schema'
import { resolveUser } from '../org/lookup'
import type { Principal } from '../org/tokens'
import { reopenPeriod, voidPeriod } from '../periods/approvals'
import { periodOf } from '../periods/period-store'
import { text, UsageError, type CliIo, type CommandSpec, type OptionSpec, type Values } from './spec'

/** The admin a CLI decision is recorded under (`--as`), and the member's period that contains `--day`. */
async function periodForAdmin(db: Kysely<ServerDatabase>, values: Values): Promise<{ admin: Principal; periodId: string; label: string }> {
  const adminRow = await resolveUser(db, text(values, 'as'))
  if (adminRow.role !== 'admin' || adminRow.deactivated_at !== null) throw new StintError('forbidden', `${adminRow.email} is not an active admin; only an admin can do this. Nothing was changed.`)
  const member = await resolveUser(db, text(values, 'email'))
  const day = text(values, 'day')
  const problem = dayProblem(day)
  if (problem !== undefined) throw new UsageError(`--day: ${problem}.`)
  const period = await periodOf(db, day)
  const row = await db.selectFrom('periods').select('id').where('user_id', '=', member.id).where('start_day', '=', period.start).executeTakeFirst()
  if (!row) throw new StintError('not_found', `${member.email} has never submitted the period ${period.start} – ${period.end}. Nothing was changed.`)
  return { admin: { userId: adminRow.id, tokenId: 'cli', name: adminRow.name, email: adminRow.email, role: 'admin' }, periodId: row.id, label: `${member.email}, ${period.start} – ${period.end}` }
}

function printDecision(io: CliIo, label: string, result: DecisionResult): void {
  const [first] = result.results
  if (!first?.ok) throw new StintError('conflict', first?.message ?? 'The server gave no answer.')
  io.err(`${label}: now ${first.period?.status ?? 'changed'}.`)
}

const periodOptions = {
  email: { type: 'string', hint: 'MEMBER_EMAIL', required: true },
  day: { type: 'string', hint: 'YYYY-MM-DD', required: true },
  reason: { type: 'string', hint: 'TEXT', required: true },
  as: { type: 'string', hint: 'ADMIN_EMAIL', required: true },
} as const satisfies Record<string, OptionSpec>

export const PERIOD_COMMANDS: readonly CommandSpec[] = [
  {
    words: ['period', 'reopen'],
    summary: "reopen a member's submitted or approved period (recorded under --as, with the reason)",
    options: periodOptions,
    run: async ({ db, io, clock }, values) => {
      const { admin, periodId, label } = await periodForAdmin(db, values)
      printDecision(io, label, await reopenPeriod(db, admin, periodId, text(values, 'reason'), clock()))
    },
  },
  {
    words: ['period', 'void'],
    summary: "void a member's approved time and reopen the period (recorded under --as, with the reason)",
    options: periodOptions,
    run: async ({ db, io, clock }, values) => {
      const { admin, periodId, label } = await periodForAdmin(db, values)
      printDecision(io, label, await voidPeriod(db, admin, periodId, text(values, 'reason'), clock()))
    },
  },
]

