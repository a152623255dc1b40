// The server's logging port, so services and routes never write to the console
// directly; tests pass a silent one or a recording one. The real one is pino, writing
// one JSON object a line to stderr: stdout carries what a command prints for its user
// (a token, a list). Fastify logs each request through the same pino instance.
import { pino, type DestinationStream, type Level, type Logger as PinoLogger } from 'pino'

export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
  /** The structured logger underneath, when there is one: the HTTP app logs its requests through it. */
  readonly pino?: PinoLogger
}

export const LOG_LEVELS: readonly (Level | 'silent')[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
export type LogLevel = (typeof LOG_LEVELS)[number]
export const DEFAULT_LOG_LEVEL: LogLevel = 'info'

export const isLogLevel = (given: string): given is LogLevel => (LOG_LEVELS as readonly string[]).includes(given)

/**
 * Whatever could carry a secret: the bearer token in a request's headers, and any field
 * named token or password at the top of a log line or one level down (a token a command
 * issued, a DATABASE_URL's password). Censored, not removed, so a reader sees it was there.
 */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  'password',
  '*.token',
  '*.password',
  '*.authorization',
]

export interface CreateLoggerOptions {
  level?: LogLevel
  /** Where the JSON lines go; stderr when not given. Tests pass a stream that collects them. */
  destination?: DestinationStream
}

/** A port's `details` as fields of a log line: an error as `err` (pino prints its stack), an object's fields as they are. */
function fieldsOf(details: readonly unknown[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  const rest: unknown[] = []
  for (const detail of details) {
    if (detail instanceof Error) fields['err'] = detail
    else if (typeof detail === 'object' && detail !== null && !Array.isArray(detail)) Object.assign(fields, detail)
    else rest.push(detail)
  }
  if (rest.length > 0) fields['details'] = rest
  return fields
}

/** The port over a pino logger. */
export function loggerOver(log: PinoLogger): Logger {
  return {
    info: (message, ...details) => log.info(fieldsOf(details), message),
    warn: (message, ...details) => log.warn(fieldsOf(details), message),
    error: (message, ...details) => log.error(fieldsOf(details), message),
    pino: log,
  }
}

export function createLogger({ level = DEFAULT_LOG_LEVEL, destination }: CreateLoggerOptions = {}): Logger {
  const options = {
    level,
    base: { name: 'stint-server' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    // ISO instants read better in a journal than epoch milliseconds, and sort the same.
    timestamp: pino.stdTimeFunctions.isoTime,
  }
  return loggerOver(pino(options, destination ?? pino.destination({ dest: 2, sync: true })))
}

/** The level `given` (a --log-level or STINT_LOG_LEVEL value), or why it is not one. */
export function logLevelOf(given: string | undefined): LogLevel | { refusal: string } {
  if (given === undefined || given.trim() === '') return DEFAULT_LOG_LEVEL
  const level = given.trim().toLowerCase()
  return isLogLevel(level) ? level : { refusal: `"${given}" is not a log level; use one of ${LOG_LEVELS.join(', ')}.` }
}

/** `logger` at `level`: a child of its pino logger; a logger without pino (a test's) as it is. */
export function withLevel(logger: Logger, level: LogLevel): Logger {
  return logger.pino ? loggerOver(logger.pino.child({}, { level })) : logger
}

/** The level STINT_LOG_LEVEL asks for, or the default when it is unset or not a level (`serve` refuses that one). */
export function envLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const level = logLevelOf(env['STINT_LOG_LEVEL'])
  return typeof level === 'string' ? level : DEFAULT_LOG_LEVEL
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} }
