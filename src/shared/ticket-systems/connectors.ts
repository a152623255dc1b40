// A connector from its stored configuration: `{ kind, baseUrl, ...credentials }`, checked by
// one zod schema per kind. The base URL is http(s) with no credentials, query or fragment in
// it (credentials live in their own fields, so they never end up in a URL or a message).
import { z } from 'zod'
import { TicketSystemError, type TicketConnector } from './connector'
import { createFreshdeskConnector } from './freshdesk'
import { createGlpiConnector } from './glpi'
import type { FetchLike } from './http'
import { createJiraConnector } from './jira'
import { createRedmineConnector } from './redmine'
import { createRequestTrackerConnector } from './request-tracker'
import { createZammadConnector } from './zammad'

const secret = z.string().trim().min(1).max(4096)
const baseUrl = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/[^/?#@\s]+(\/[^?#\s]*)?$/i, 'use an http(s) address with no user, password, query or fragment')

export const RedmineConfigSchema = z.object({ kind: z.literal('redmine'), baseUrl, apiKey: secret }).strict()
export const RequestTrackerConfigSchema = z.union([
  z.object({ kind: z.literal('rt'), baseUrl, token: secret }).strict(),
  z.object({ kind: z.literal('rt'), baseUrl, user: secret, password: secret }).strict(),
])
export const ZammadConfigSchema = z.object({ kind: z.literal('zammad'), baseUrl, token: secret, unitSeconds: z.number().int().positive().max(86_400).optional() }).strict()
export const JiraConfigSchema = z.union([
  z.object({ kind: z.literal('jira'), baseUrl, email: z.email().max(320), apiToken: secret }).strict(),
  z.object({ kind: z.literal('jira'), baseUrl, personalAccessToken: secret }).strict(),
])
export const GlpiConfigSchema = z.object({ kind: z.literal('glpi'), baseUrl, appToken: secret, userToken: secret }).strict()
export const FreshdeskConfigSchema = z.object({ kind: z.literal('freshdesk'), baseUrl, apiKey: secret }).strict()

export const TicketSystemConfigSchema = z.union([RedmineConfigSchema, RequestTrackerConfigSchema, ZammadConfigSchema, JiraConfigSchema, GlpiConfigSchema, FreshdeskConfigSchema])
export type TicketSystemConfig = z.infer<typeof TicketSystemConfigSchema>

/** A connector for a checked configuration; throws a ZodError when `config` is not one. */
export function createConnector(config: unknown, fetchImpl?: FetchLike, timeoutMs?: number): TicketConnector {
  const checked = TicketSystemConfigSchema.parse(config)
  switch (checked.kind) {
    case 'redmine':
      return createRedmineConnector(checked, fetchImpl, timeoutMs)
    case 'rt':
      return createRequestTrackerConnector(checked, fetchImpl, timeoutMs)
    case 'zammad':
      return createZammadConnector(checked, fetchImpl, timeoutMs)
    case 'jira':
      return createJiraConnector(checked, fetchImpl, timeoutMs)
    case 'glpi':
      return createGlpiConnector(checked, fetchImpl, timeoutMs)
    case 'freshdesk':
      return createFreshdeskConnector(checked, fetchImpl, timeoutMs)
  }
}

export interface StoredTicketSystem {
  readonly kind: string
  readonly name: string
  readonly baseUrl: string
  readonly credentials: Readonly<Record<string, string>>
}

/**
 * The connector for a stored system (team server or desktop): settings its connector does
 * not take are the owner's setup to correct, a `not_configured` failure naming the fields,
 * never a crash of the worker.
 */
export function connectorForStoredSystem(system: StoredTicketSystem): TicketConnector {
  try {
    return createConnector({ ...system.credentials, kind: system.kind, baseUrl: system.baseUrl })
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'credentials'))].join(', ')
    throw new TicketSystemError('not_configured', `${system.name}'s settings are incomplete or wrong (${fields}): enter its credentials again`)
  }
}
