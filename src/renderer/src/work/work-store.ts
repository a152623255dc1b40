// Reference data the views share (work items, activity types, customers), loaded once
// and reloaded whenever the main process says it changed.
import { createStore } from 'zustand/vanilla'
import type { StintClient } from '@shared/bridge'
import type { ActivityType, Customer, WorkItem } from '@shared/work'

export interface WorkState {
  workItems: WorkItem[]
  activityTypes: ActivityType[]
  customers: Customer[]
  loaded: boolean
  error: string | null
  load: () => Promise<void>
}

export type WorkStore = ReturnType<typeof createWorkStore>

export function createWorkStore(client: StintClient) {
  return createStore<WorkState>()((set) => ({
    workItems: [],
    activityTypes: [],
    customers: [],
    loaded: false,
    error: null,
    async load() {
      try {
        const [workItems, activityTypes, customers] = await Promise.all([client.work.listItems({}), client.work.listActivityTypes({}), client.work.listCustomers({})])
        set({ workItems, activityTypes, customers, loaded: true, error: null })
      } catch (error) {
        set({ loaded: true, error: (error as Error).message })
      }
    },
  }))
}
