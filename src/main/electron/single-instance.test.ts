import type { App } from 'electron'
import { describe, expect, it } from 'vitest'
import { acquireSingleInstance } from './single-instance'

type SecondInstanceListener = (event: unknown, argv: string[], workingDirectory: string, additionalData: unknown) => void

/** An app that either holds the single-instance lock or finds another Stint holding it. */
class FakeApp {
  quitRequested = false
  private readonly secondInstanceListeners: SecondInstanceListener[] = []

  constructor(private readonly lockAvailable: boolean) {}

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable
  }

  on(event: string, listener: SecondInstanceListener): this {
    if (event === 'second-instance') this.secondInstanceListeners.push(listener)
    return this
  }

  quit(): void {
    this.quitRequested = true
  }

  /** What Electron does in the first instance when Stint is launched again. */
  launchAgain(argv: string[]): void {
    for (const listener of this.secondInstanceListeners) listener({}, argv, '/home/tech', {})
  }

  asApp(): Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'> {
    // The adapter only listens to 'second-instance'; Electron's `on` has many more overloads.
    return this as unknown as Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>
  }
}

describe('one Stint at a time', () => {
  it('lets the first Stint run and brings it forward when Stint is launched again', () => {
    const app = new FakeApp(true)
    const launches: string[][] = []

    const first = acquireSingleInstance(app.asApp(), (argv) => launches.push(argv))

    expect(first).toBe(true)
    expect(app.quitRequested).toBe(false)
    expect(launches).toEqual([])

    app.launchAgain(['/opt/Stint/stint', '--hidden'])

    expect(launches).toEqual([['/opt/Stint/stint', '--hidden']])
  })

  it('makes a second Stint quit and hand over when another one already runs', () => {
    const app = new FakeApp(false)
    const launches: string[][] = []

    const first = acquireSingleInstance(app.asApp(), (argv) => launches.push(argv))

    expect(first).toBe(false)
    expect(app.quitRequested).toBe(true)
    app.launchAgain(['/opt/Stint/stint'])
    expect(launches).toEqual([])
  })
})
