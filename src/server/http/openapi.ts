// The OpenAPI 3.1 document of the server's HTTP API, made from the routes as Fastify
// registered them and the zod schemas each declares (api-doc.ts): the same objects the
// routes parse their input with, converted by zod's own JSON Schema generator (OpenAPI
// 3.1 schemas are JSON Schema 2020-12). Built once, when the app is ready.
import { z } from 'zod'
import type { ApiAuth, ApiDoc } from './api-doc'
import { ErrorBodySchema } from './schemas'

export const OPENAPI_PATH = '/v1/openapi.json'
export const DOCS_PATH = '/v1/docs'

/** A route as Fastify registered it (from an onRoute hook). */
export interface RegisteredRoute {
  method: string
  url: string
  api: ApiDoc | undefined
}

type JsonSchema = Record<string, unknown>
type Operation = Record<string, unknown>

/** `schema` as JSON Schema: what a client sends (input) or what it gets (output). */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // `any`: a refinement or transform JSON Schema cannot say is left open rather than failing the document.
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema
  // The document names the dialect once (jsonSchemaDialect), not in every schema.
  delete json['$schema']
  return json
}

/** Fastify's `/v1/approvals/:periodId` as OpenAPI's `/v1/approvals/{periodId}`. */
export const openApiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

/** An object schema's fields as path or query parameters. */
function parametersOf(schema: z.ZodType, where: 'path' | 'query'): Record<string, unknown>[] {
  const json = jsonSchemaOf(schema, 'input')
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>
  const required = new Set((json['required'] ?? []) as string[])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property['description'] === 'string' ? { description: property['description'] } : {}),
    schema: property,
  }))
}

const SECURITY: Record<ApiAuth, Record<string, string[]>[] | undefined> = {
  none: [],
  token: [{ deviceToken: [] }],
  admin: [{ deviceToken: [] }],
  metrics: [{ metricsToken: [] }],
}

const WHO: Record<ApiAuth, string> = {
  none: 'Open to anyone.',
  token: 'Needs a device token.',
  admin: 'Needs the device token of an admin.',
  metrics: 'Needs the metrics token.',
}

function errorResponses(doc: ApiDoc): Record<string, unknown> {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })
  const statuses = new Map<number, string>()
  if (doc.body || doc.query || doc.params) statuses.set(400, 'The input was refused; the message and issues say why. Nothing was changed.')
  if (doc.auth !== 'none') {
    statuses.set(401, 'No token, or one that was not accepted.')
    statuses.set(429, 'Too many refused tokens from this address, or too many expensive requests from this token; see Retry-After.')
  }
  if (doc.auth === 'admin') statuses.set(403, 'The token is not an admin’s.')
  for (const status of doc.errors ?? []) statuses.set(status, statuses.get(status) ?? ({ 403: 'Not allowed for this caller.', 404: 'No such thing, or not visible to this caller.', 409: 'It changed meanwhile.', 413: 'The body is over 1 MiB.', 503: 'Not available now.' }[status] ?? 'Refused.'))
  return Object.fromEntries([...statuses].sort(([a], [b]) => a - b).map(([status, description]) => [String(status), error(description)]))
}

function operationOf(route: RegisteredRoute, doc: ApiDoc): Operation {
  const success = doc.produces
    ? { description: 'The file.', content: Object.fromEntries([doc.produces].flat().map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) }
    : { description: doc.status === 201 ? 'Made; the answer describes it.' : 'The answer.', content: { 'application/json': { schema: doc.response ? jsonSchemaOf(doc.response, 'output') : {} } } }
  const parameters = [...(doc.params ? parametersOf(doc.params, 'path') : []), ...(doc.query ? parametersOf(doc.query, 'query') : [])]
  return {
    operationId: `${route.method.toLowerCase()}${openApiPath(route.url).replace(/[{}]/g, '').replace(/[/-]+(\w)/g, (_match, letter: string) => letter.toUpperCase())}`,
    summary: doc.summary,
    description: [doc.description, WHO[doc.auth]].filter(Boolean).join('\n\n'),
    tags: [route.url.split('/')[2] ?? 'server'],
    security: SECURITY[doc.auth],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(doc.body, 'input') } } } } : {}),
    responses: { [String(doc.status ?? 200)]: success, ...errorResponses(doc) },
  }
}

/** Fastify answers HEAD for every GET by itself; those are the GET's and not listed. */
export const isDocumentedMethod = (method: string): boolean => method !== 'HEAD' && method !== 'OPTIONS'

export function openApiDocument(routes: readonly RegisteredRoute[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {}
  for (const route of routes) {
    if (!route.api || !isDocumentedMethod(route.method)) continue
    const path = (paths[openApiPath(route.url)] ??= {})
    path[route.method.toLowerCase()] = operationOf(route, route.api)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stint team server',
      version,
      description: 'The API Stint desktops sync through, and what admins and approvers use. Every answer is JSON (exports are CSV); every refusal is `{ "error": { code, message, issues? } }` with a sentence that says what was wrong and what was kept.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      schemas: { Error: jsonSchemaOf(ErrorBodySchema, 'output') },
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: 'A device token from `npm run server -- token issue` or the admin. Authorization: Bearer <token>.' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'The token set in STINT_METRICS_TOKEN; only for /metrics.' },
      },
    },
  }
}
