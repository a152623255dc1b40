// Recognising the two database refusals a service turns into a message for people:
// a unique constraint (the thing exists already) and a serialization failure (two
// changes collided on PostgreSQL and one was rolled back).
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

export function isSerializationFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '40001' || code === '40P01'
}

/** A row refers to one that does not exist (checked at commit for links between synced rows). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

/**
 * The database refused the values written (a constraint, a value out of range, a byte it
 * cannot store): the change's content is at fault, not the server, so the change is
 * refused and the others go on. PostgreSQL's classes 22 (data exception) and 23
 * (integrity constraint); SQLite's constraint, type and size refusals.
 */
export function isContentError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return false
  return /^2[23][0-9A-Z]{3}$/.test(code) || code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG'
}

/**
 * A text the database cannot even read: PostgreSQL refuses a NUL (or a byte sequence that
 * is not UTF-8) in any parameter, before any rule is checked. Only a request can carry
 * one in, so the request is at fault, whichever route it reached.
 */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === '22021' || code === '22P05'
}
