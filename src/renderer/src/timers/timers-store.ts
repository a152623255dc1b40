// Timer state in the renderer: a mirror of the main process, refreshed by every
// answer and every timers.changed event. The renderer never decides what time it is.
import { createStore } from 'zustand/vanilla'
import type { StintClient } from '@shared/bridge'
import type { Timer } from '@shared/timers'

export interface TimersState {
  timers: Timer[]
  loaded: boolean
  /** Slots with a call in flight, so their buttons cannot be pressed twice. */
  busy: readonly number[]
  error: string | null
  load: () => Promise<void>
  toggle: (slot: number) => Promise<void>
  replace: (timers: Timer[]) => void
  dismissError: () => void
}

export type TimersStore = ReturnType<typeof createTimersStore>

export function createTimersStore(client: StintClient) {
  return createStore<TimersState>()((set, get) => ({
    timers: [],
    loaded: false,
    busy: [],
    error: null,
    async load() {
      try {
        set({ timers: await client.timers.list({}), loaded: true, error: null })
      } catch (error) {
        set({ loaded: true, error: (error as Error).message })
      }
    },
    async toggle(slot) {
      const timer = get().timers.find((t) => t.slot === slot)
      if (!timer || get().busy.includes(slot)) return
      set({ busy: [...get().busy, slot] })
      try {
        const updated = timer.state === 'running' ? await client.timers.stop({ slot }) : await client.timers.start({ slot })
        set({ timers: get().timers.map((t) => (t.slot === slot ? updated : t)), error: null })
      } catch (error) {
        set({ error: (error as Error).message })
        await get().load()
      } finally {
        set({ busy: get().busy.filter((s) => s !== slot) })
      }
    },
    replace(timers) {
      set({ timers })
    },
    dismissError() {
      set({ error: null })
    },
  }))
}
