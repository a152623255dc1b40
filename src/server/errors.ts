// Refusals the server's services throw: a StintError with a code the HTTP layer maps to
// a status and a sentence for the person who asked. Invalid input also names each field.
import type { z } from 'zod'
import { StintError } from '@shared/errors'

export interface FieldIssue {
  /** Dotted path of the field, such as `email` or `users.1`. */
  path: string
  message: string
}

export class InputError extends StintError {
  constructor(
    message: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super('invalid_request', message)
    this.name = 'InputError'
  }
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  // An unexpected field is named by its own path, so the caller sees which one to drop.
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].map(String).join('.'), message: `"${key}" is not a field here` }))
      : [{ path: issue.path.length === 0 ? '(input)' : issue.path.map(String).join('.'), message: issue.message }],
  )
}

/** Parses `input` or throws an InputError saying what `action` refused and why. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, action: string): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issues = fieldIssues(parsed.error)
  throw new InputError(`${action} was refused, nothing was changed: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`, issues)
}
