// What the organisation's admin commands accept, as zod schemas: one place decides what a
// valid name, email, role or approval pattern is, for the CLI and the HTTP routes alike.
// Names follow the shared text rule (src/shared/text.ts): NFC, spaces collapsed, and no
// invisible or control character (PostgreSQL cannot even store a NUL).
import { z } from 'zod'
import { nameProblem, normaliseName } from '@shared/text'

/** A trimmed, normalised name of 1 to `max` characters with nothing invisible in it. */
function visibleName(what: string, needed: string, max: number) {
  return z
    .string()
    .overwrite(normaliseName)
    .min(1, needed)
    .max(max, `${what} has at most ${max} characters`)
    .superRefine((text, context) => {
      const problem = nameProblem(text, what)
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem })
    })
}

export const NameSchema = visibleName('a name', 'a name is needed', 120)
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email('this is not an email address such as ana@example.com'))
export const RoleSchema = z.enum(['member', 'approver', 'admin'], 'the role must be member, approver or admin')
export const ApprovalPatternSchema = z.enum(['none', 'one', 'two'], 'the approval pattern must be none, one or two')
export const ApprovalLevelSchema = z.literal([1, 2], 'the approval level must be 1 or 2')
export const TokenLabelSchema = visibleName('a label', 'a label is needed, such as "Ana\'s laptop"', 120)
/** A user by email, or by id. */
export const UserRefSchema = visibleName('a user', 'say which user, by email', 254)
/** A team by name, or by id. */
export const TeamRefSchema = visibleName('a team', 'say which team, by name', 120)
