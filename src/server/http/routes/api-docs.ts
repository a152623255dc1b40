// GET /v1/openapi.json and /v1/docs: the API document and its readable page, open to
// anyone (they describe the open-source server, not anyone's data). Both are made once,
// after every route is registered, from the routes Fastify reports.
import type { FastifyInstance } from 'fastify'
import { version } from '../../../../package.json'
import { apiDoc } from '../api-doc'
import { DOCS_CSP, docsPage } from '../docs-page'
import { DOCS_PATH, OPENAPI_PATH, openApiDocument, type RegisteredRoute } from '../openapi'

export function apiDocsRoutes(app: FastifyInstance, routes: readonly RegisteredRoute[]): void {
  let document: Record<string, unknown> | undefined
  let page: string | undefined
  // Routes are all known once the app is ready; the document is made then, not per request.
  app.addHook('onReady', (done) => {
    document = openApiDocument(routes, version)
    page = docsPage(document, OPENAPI_PATH)
    done()
  })

  const json = apiDoc({ summary: 'This API as an OpenAPI 3.1 document', auth: 'none' })
  app.get(OPENAPI_PATH, { config: { api: json } }, (_request, reply) => reply.send(document))

  const docs = apiDoc({ summary: 'This API as a page to read', auth: 'none', produces: 'text/html' })
  app.get(DOCS_PATH, { config: { api: docs } }, (_request, reply) =>
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Content-Security-Policy', DOCS_CSP).header('Referrer-Policy', 'no-referrer').send(page),
  )
}
