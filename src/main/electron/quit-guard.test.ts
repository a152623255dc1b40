import type { App } from 'electron'
import { describe, expect, it } from 'vitest'
import { installQuitGuard, type QuitChoice } from './quit-guard'

/** An app whose quit() emits before-quit as Electron does, and records whether it really quit. */
class FakeApp {
  quitted = false
  private listener: ((event: { preventDefault(): void }) => void) | null = null
  on(_name: 'before-quit', listener: (event: { preventDefault(): void }) => void): this {
    this.listener = listener
    return this
  }
  quit(): void {
    let prevented = false
    this.listener?.({ preventDefault: () => (prevented = true) })
    if (!prevented) this.quitted = true
  }
}

function setUp(running: number, choice: QuitChoice) {
  const app = new FakeApp()
  const log: string[] = []
  installQuitGuard(app as unknown as Pick<App, 'on' | 'quit'>, {
    runningCount: () => Promise.resolve(running),
    ask: (n) => {
      log.push(`asked about ${n}`)
      return Promise.resolve(choice)
    },
    stopRunning: () => {
      log.push('stopped')
      return Promise.resolve()
    },
    close: (keepRunning) => {
      log.push(`closed keepRunning=${keepRunning}`)
      return Promise.resolve()
    },
    onError: (error) => log.push(`error ${String(error)}`),
  })
  return { app, log }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('quitting', () => {
  it('with no timer running quits without asking', async () => {
    const { app, log } = setUp(0, 'cancel')
    app.quit()
    await settle()
    expect(log).toEqual(['closed keepRunning=false'])
    expect(app.quitted).toBe(true)
  })

  it('with timers running asks; "stop" stops them first', async () => {
    const { app, log } = setUp(2, 'stop')
    app.quit()
    await settle()
    expect(log).toEqual(['asked about 2', 'stopped', 'closed keepRunning=false'])
    expect(app.quitted).toBe(true)
  })

  it('"keep running" closes without stopping and records that they count on', async () => {
    const { app, log } = setUp(3, 'keep')
    app.quit()
    await settle()
    expect(log).toEqual(['asked about 3', 'closed keepRunning=true'])
    expect(app.quitted).toBe(true)
  })

  it('"cancel" keeps Stint open and changes nothing', async () => {
    const { app, log } = setUp(1, 'cancel')
    app.quit()
    await settle()
    expect(log).toEqual(['asked about 1'])
    expect(app.quitted).toBe(false)
  })
})
