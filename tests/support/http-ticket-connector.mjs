// The connector of tests/support/http-ticket-system.ts, in plain JavaScript so the built
// server can load it through STINT_TICKET_CONNECTORS (a module path) without a build step.
class TicketSystemError extends Error {
  constructor(kind, message) {
    super(message)
    this.kind = kind
    this.name = 'TicketSystemError'
  }
}

export function createConnector(system) {
  const base = system.baseUrl
  const call = async (method, path, body) => {
    let response
    try {
      response = await fetch(`${base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })
    } catch (error) {
      throw new TicketSystemError('unavailable', error.message)
    }
    const answer = await response.json()
    if (response.status >= 500) throw new TicketSystemError('unavailable', `${response.status}`)
    if (response.status >= 400) throw new TicketSystemError('refused', answer.error ?? `${response.status}`)
    return answer
  }
  const written = (id) => ({ externalId: id, url: `${base}/time/${id}` })
  return {
    kind: system.kind,
    ticketIdFromUrl: (url) => (url.startsWith(`${base}/issues/`) ? url.slice(`${base}/issues/`.length) : null),
    write: async (time) => written((await call('POST', '/write', time)).id),
    find: async (writeKey, ticketId) => {
      const { id } = await call('GET', `/find?key=${encodeURIComponent(writeKey)}&ticket=${encodeURIComponent(ticketId)}`)
      return id === null ? null : written(id)
    },
    reverse: async (done) => void (await call('POST', '/reverse', { id: done.externalId })),
    reversed: async (done) => !(await call('GET', `/has?id=${encodeURIComponent(done.externalId)}`)).has,
    activities: async () => call('GET', '/activities'),
    userByEmail: async (email) => (await call('GET', `/user?email=${encodeURIComponent(email)}`)).user,
  }
}
