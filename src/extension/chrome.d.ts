// The parts of the extension APIs Stint uses (Chromium's chrome.*; Firefox offers the same
// under chrome.* too). Written here rather than adding @types/chrome for a dozen calls.
declare namespace chrome {
  namespace runtime {
    interface Port {
      readonly name: string
      postMessage(message: unknown): void
      disconnect(): void
      readonly onMessage: Event<(message: unknown, port: Port) => void>
      readonly onDisconnect: Event<(port: Port) => void>
      readonly sender?: { tab?: { id?: number }; url?: string }
    }
    interface Event<T extends (...args: never[]) => unknown> {
      addListener(listener: T): void
      removeListener(listener: T): void
    }
    const lastError: { message?: string } | undefined
    const id: string
    function connect(info?: { name?: string }): Port
    function connectNative(application: string): Port
    function getURL(path: string): string
    function sendMessage(message: unknown): Promise<unknown>
    function openOptionsPage(): Promise<void>
    const onConnect: Event<(port: Port) => void>
    const onMessage: Event<(message: unknown, sender: { tab?: { id?: number }; url?: string; id?: string }, sendResponse: (answer: unknown) => void) => boolean | undefined>
  }
  namespace storage {
    interface Area {
      get(keys: string | string[] | null): Promise<Record<string, unknown>>
      set(items: Record<string, unknown>): Promise<void>
    }
    const local: Area
    /** Kept while the browser runs, across the service worker's sleeps. */
    const session: Area
    const onChanged: runtime.Event<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void>
  }
  namespace alarms {
    interface Alarm {
      name: string
      scheduledTime: number
      periodInMinutes?: number
    }
    function create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number; when?: number }): Promise<void>
    function get(name: string): Promise<Alarm | undefined>
    function clear(name: string): Promise<boolean>
    const onAlarm: runtime.Event<(alarm: Alarm) => void>
  }
  namespace permissions {
    function request(permissions: { origins?: string[] }): Promise<boolean>
    function remove(permissions: { origins?: string[] }): Promise<boolean>
    function contains(permissions: { origins?: string[] }): Promise<boolean>
  }
  namespace scripting {
    interface RegisteredContentScript {
      id: string
      matches?: string[]
      js?: string[]
      runAt?: 'document_start' | 'document_end' | 'document_idle'
      persistAcrossSessions?: boolean
    }
    function registerContentScripts(scripts: RegisteredContentScript[]): Promise<void>
    function unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>
    function getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<RegisteredContentScript[]>
  }
}
