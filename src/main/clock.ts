// The clock port: every service reads time through it, so tests run on a fake clock.
export interface Clock {
  /** Milliseconds since the epoch, UTC. */
  now(): number
  /** The IANA time zone the machine is in right now. */
  timeZone(): string
}

export const systemClock: Clock = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
}

/** The system clock moved by a fixed amount: lets a crash test restart "ten minutes later" at once. */
export function offsetClock(offsetMs: number): Clock {
  return { now: () => Date.now() + offsetMs, timeZone: () => systemClock.timeZone() }
}

/** A clock that only moves when told to. */
export class FakeClock implements Clock {
  constructor(
    private ms: number,
    private zone = 'UTC',
  ) {}
  now(): number {
    return this.ms
  }
  timeZone(): string {
    return this.zone
  }
  set(ms: number): void {
    this.ms = ms
  }
  advance(ms: number): void {
    this.ms += ms
  }
  setTimeZone(zone: string): void {
    this.zone = zone
  }
}
