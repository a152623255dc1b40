// How PostgreSQL values come back: node-postgres returns BIGINT as a string so that no
// digit is lost. Every BIGINT here is milliseconds or a change counter, far below 2^53,
// so it becomes a number, and one that is not is refused rather than rounded.
import pg from 'pg'

const INT8_OID = 20

export function parseSafeBigint(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`PostgreSQL returned the whole number ${text}, larger than JavaScript holds exactly (${Number.MAX_SAFE_INTEGER}); it was not rounded.`)
  }
  return value
}

type TypeParserLookup = (oid: number, format?: 'text' | 'binary') => unknown
const builtinParser = pg.types.getTypeParser.bind(pg.types) as TypeParserLookup
const lookup: TypeParserLookup = (oid, format) => (oid === INT8_OID && format !== 'binary' ? parseSafeBigint : builtinParser(oid, format))

/** Per pool, not global: node-postgres' own setTypeParser would change every pool in the process. */
export const serverPgTypes: pg.CustomTypesConfig = { getTypeParser: lookup as pg.CustomTypesConfig['getTypeParser'] }
