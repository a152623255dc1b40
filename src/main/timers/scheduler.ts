// The only way the engine waits: an injectable timeout, so tests and the benchmark
// drive time with a fake clock and count every wake-up.
export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms)
    handle.unref() // a pending heartbeat never keeps a process alive on its own
    return handle
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/** Timeouts that fire only when the test advances its clock past them. */
export class ManualScheduler implements Scheduler {
  private next = 1
  private readonly pending = new Map<number, { at: number; callback: () => void }>()
  constructor(private readonly now: () => number) {}

  setTimeout(callback: () => void, ms: number): number {
    const id = this.next++
    this.pending.set(id, { at: this.now() + ms, callback })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }

  get size(): number {
    return this.pending.size
  }

  /** Runs every timeout due at or before `now()`, in order; returns how many ran. */
  runDue(): number {
    let ran = 0
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= this.now()).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) return ran
      this.pending.delete(due[0])
      due[1].callback()
      ran++
    }
  }
}
