// Which connector drives which ticket system in the serve process. The built-in ones come
// from src/shared/ticket-systems (Redmine, Request Tracker, Zammad, Jira, GLPI, Freshdesk);
// STINT_TICKET_CONNECTORS may name an ES module whose `createConnector(system)` answers
// first (a connector of your own, or a test's stand-in), returning null for kinds it leaves
// to the built-in ones.
import { pathToFileURL } from 'node:url'
import type { TicketConnector } from '@shared/ticket-systems/connector'
import { connectorForStoredSystem } from '@shared/ticket-systems/connectors'
import type { ConnectorFactory, ConnectorSystem } from './worker'

export const CONNECTORS_MODULE_VARIABLE = 'STINT_TICKET_CONNECTORS'

/** The connectors this build brings (one shared home with the desktop's write-back). */
export const builtInConnectors: ConnectorFactory = connectorForStoredSystem

export async function connectorFactory(env: NodeJS.ProcessEnv): Promise<ConnectorFactory> {
  const path = env[CONNECTORS_MODULE_VARIABLE]
  if (path === undefined || path === '') return builtInConnectors
  const loaded = (await import(pathToFileURL(path).href)) as { createConnector?: (system: ConnectorSystem) => TicketConnector | null }
  const own = loaded.createConnector
  if (typeof own !== 'function') throw new Error(`${CONNECTORS_MODULE_VARIABLE}: ${path} exports no createConnector function`)
  return (system) => own(system) ?? builtInConnectors(system)
}
