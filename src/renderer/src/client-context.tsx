// The API client for every view, from React context (tests pass an in-memory one).
import { createContext, useContext } from 'react'
import type { StintClient } from '@shared/bridge'

export const ClientContext = createContext<StintClient | null>(null)

export function useClient(): StintClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useClient needs a <ClientContext.Provider>')
  return client
}
