// Typed fan-out of contract events from services to whatever transport is attached
// (the Electron window, the browser host's event stream, tests).
import type { EventName, EventPayload } from '@shared/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void

export class EventHub {
  private readonly listeners = new Set<EventListener>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
