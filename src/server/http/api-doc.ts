// What each route tells the API document (/v1/openapi.json): a summary, who may call
// it, and the zod schemas of its input and answer. A route declares them in its Fastify
// config and parses its input with the very same schema objects, so the document is
// made from what the server really checks. A test fails when a route has none.
import type { z } from 'zod'

/** Who may call a route: anyone, any device token, an admin's token, or the metrics token. */
export type ApiAuth = 'none' | 'token' | 'admin' | 'metrics'

export interface ApiDoc {
  summary: string
  /** Longer words for the docs page: limits, what a refusal means. */
  description?: string
  auth: ApiAuth
  params?: z.ZodType
  query?: z.ZodType
  body?: z.ZodType
  /** The JSON answer; absent when `produces` names another media type. */
  response?: z.ZodType
  /** 200 unless said (201 for something made). */
  status?: number
  /** A non-JSON answer, such as text/csv; several when the request chooses the file's kind. */
  produces?: string | readonly string[]
  /** Error statuses worth naming beyond the ones every route of its kind has. */
  errors?: readonly number[]
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's entry in the API document; every /v1 route has one. */
    api?: ApiDoc
  }
}

/** Declares a route's document entry (checked against ApiDoc, keeping its schemas' own types for parsing). */
export const apiDoc = <const T extends ApiDoc>(doc: T): T => doc
