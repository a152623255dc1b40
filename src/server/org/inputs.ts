// What the organisation's admin commands accept, as zod schemas: one place decides what a
// valid name, email, role or approval pattern is, for the CLI and the HTTP routes alike.
import { z } from 'zod'

export const NameSchema = z.string().trim().min(1, 'a name is needed').max(120, 'a name has at most 120 characters')
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email('this is not an email address such as ana@example.com'))
export const RoleSchema = z.enum(['member', 'approver', 'admin'], 'the role must be member, approver or admin')
export const ApprovalPatternSchema = z.enum(['none', 'one', 'two'], 'the approval pattern must be none, one or two')
export const ApprovalLevelSchema = z.literal([1, 2], 'the approval level must be 1 or 2')
export const TokenLabelSchema = z.string().trim().min(1, 'a label is needed, such as "Ana\'s laptop"').max(120, 'a label has at most 120 characters')
/** A user by email, or by id. */
export const UserRefSchema = z.string().trim().min(1, 'say which user, by email')
/** A team by name, or by id. */
export const TeamRefSchema = z.string().trim().min(1, 'say which team, by name')
