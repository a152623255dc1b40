// Timer state in the renderer: a mirror of the main process, refreshed by every
// answer and every pushed event. The renderer never decides what time it is; it
// only asks, and shows the questions the main process is waiting on.
import { createStore } from 'zustand/vanilla'
import type { StintClient } from '@shared/bridge'
import type { HeldTime, PromptResolution, Timer, TimerPrompt, TimerUpdate } from '@shared/timers'

export interface ShortRunQuestion {
  slot: number
  label: string
  seconds: number
}

export interface TimersState {
  timers: Timer[]
  prompts: TimerPrompt[]
  /** Timer time in a locked period that the user kept aside until the period is reopened. */
  keptAside: HeldTime[]
  loaded: boolean
  /** Slots with a call in flight, so a double press cannot send two. */
  busy: readonly number[]
  error: string | null
  /** A stopped run shorter than the threshold, waiting for keep or discard. */
  shortRun: ShortRunQuestion | null
  load: () => Promise<void>
  /** The questions and the kept-aside time again: a period reopened or locked changes what they can do. */
  loadQuestions: () => Promise<void>
  start: (slot: number) => Promise<void>
  pause: (slot: number) => Promise<void>
  stop: (slot: number) => Promise<void>
  discard: (slot: number) => Promise<void>
  /** What the number keys and global shortcuts do: run ↔ pause, idle → run. */
  toggle: (slot: number) => Promise<void>
  pauseAll: () => Promise<void>
  update: (patch: TimerUpdate) => Promise<boolean>
  /** Marks the timer as the primary one (clearing the other mark) or clears its mark. */
  setPrimary: (slot: number, primary: boolean) => Promise<void>
  keepShortRun: () => Promise<void>
  discardShortRun: () => Promise<void>
  resolvePrompt: (id: string, resolution: PromptResolution) => Promise<void>
  replaceTimers: (timers: Timer[]) => void
  replacePrompts: (prompts: TimerPrompt[]) => void
  dismissError: () => void
}

export type TimersStore = ReturnType<typeof createTimersStore>

export function createTimersStore(client: StintClient) {
  return createStore<TimersState>()((set, get) => {
    const withTimer = (timer: Timer) => set({ timers: get().timers.map((t) => (t.slot === timer.slot ? timer : t)), error: null })

    /** Runs one call for a slot: no second call while one is in flight, errors shown, state reloaded on failure. */
    async function forSlot(slot: number, work: () => Promise<void>): Promise<void> {
      if (get().busy.includes(slot)) return
      set({ busy: [...get().busy, slot] })
      try {
        await work()
      } catch (error) {
        set({ error: (error as Error).message })
        await get().load()
      } finally {
        set({ busy: get().busy.filter((s) => s !== slot) })
      }
    }

    return {
      timers: [],
      prompts: [],
      keptAside: [],
      loaded: false,
      busy: [],
      error: null,
      shortRun: null,
      async load() {
        try {
          const [timers, prompts, keptAside] = await Promise.all([client.timers.list({}), client.prompts.list({}), client.prompts.keptAside({})])
          set({ timers, prompts, keptAside, loaded: true })
        } catch (error) {
          set({ loaded: true, error: (error as Error).message })
        }
      },
      async loadQuestions() {
        try {
          const [prompts, keptAside] = await Promise.all([client.prompts.list({}), client.prompts.keptAside({})])
          set({ prompts, keptAside })
        } catch (error) {
          set({ error: (error as Error).message })
        }
      },
      start: (slot) => forSlot(slot, async () => withTimer(await client.timers.start({ slot }))),
      pause: (slot) => forSlot(slot, async () => withTimer(await client.timers.pause({ slot }))),
      discard: (slot) => forSlot(slot, async () => withTimer(await client.timers.discard({ slot }))),
      // Marking one timer clears another's mark: the whole list comes back, not just this timer.
      setPrimary: (slot, primary) =>
        forSlot(slot, async () => {
          withTimer(await client.timers.setPrimary({ slot, primary }))
          set({ timers: await client.timers.list({}) })
        }),
      stop: (slot) =>
        forSlot(slot, async () => {
          const result = await client.timers.stop({ slot })
          withTimer(result.timer)
          if (result.outcome === 'confirm-short') set({ shortRun: { slot, label: result.timer.label, seconds: result.seconds } })
        }),
      async toggle(slot) {
        const timer = get().timers.find((t) => t.slot === slot)
        if (!timer) return
        await (timer.state === 'running' ? get().pause(slot) : get().start(slot))
      },
      async pauseAll() {
        try {
          set({ timers: await client.timers.pauseAll({}), error: null })
        } catch (error) {
          set({ error: (error as Error).message })
        }
      },
      async update(patch) {
        try {
          withTimer(await client.timers.update(patch))
          return true
        } catch (error) {
          set({ error: (error as Error).message })
          return false
        }
      },
      async keepShortRun() {
        const question = get().shortRun
        if (!question) return
        set({ shortRun: null })
        await forSlot(question.slot, async () => withTimer((await client.timers.stop({ slot: question.slot, keepShort: true })).timer))
      },
      async discardShortRun() {
        const question = get().shortRun
        if (!question) return
        set({ shortRun: null })
        await get().discard(question.slot)
      },
      async resolvePrompt(id, resolution) {
        try {
          const timers = await client.prompts.resolve({ id, resolution })
          set({ timers, prompts: get().prompts.filter((p) => p.id !== id), error: null })
          // An answer about held time moves it in or out of the kept-aside list.
          await get().loadQuestions()
        } catch (error) {
          set({ error: (error as Error).message })
          await get().load()
        }
      },
      replaceTimers: (timers) => set({ timers }),
      replacePrompts: (prompts) => set({ prompts }),
      dismissError: () => set({ error: null }),
    }
  })
}
