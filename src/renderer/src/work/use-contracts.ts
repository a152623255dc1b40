// The contracts list, loaded by whichever view needs it and reloaded whenever the main
// process says work data changed. Only the answer to the latest request is kept.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { Contract } from '@shared/work'
import { useClient } from '../client-context'

export interface ContractsState {
  contracts: Contract[]
  loaded: boolean
  error: string | null
}

export interface ContractsList extends ContractsState {
  reload: () => Promise<void>
}

export function useContracts(): ContractsList {
  const client = useClient()
  const [state, setState] = useState<ContractsState>({ contracts: [], loaded: false, error: null })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const request = ++latest.current
    try {
      const contracts = await client.work.listContracts({})
      if (request === latest.current) setState({ contracts, loaded: true, error: null })
    } catch (error) {
      if (request === latest.current) setState((previous) => ({ ...previous, loaded: true, error: (error as Error).message }))
    }
  }, [client])

  useEffect(() => {
    void reload()
    return client.events['work.changed'](() => void reload())
  }, [client, reload])

  return { ...state, reload }
}
