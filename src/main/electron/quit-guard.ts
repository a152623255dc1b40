// Quitting with timers running asks first: stop them, keep them running (the time
// keeps counting while Stint is closed), or cancel. Nothing is decided silently.
import type { App } from 'electron'

export type QuitChoice = 'stop' | 'keep' | 'cancel'

export interface QuitGuardDeps {
  runningCount(): Promise<number>
  ask(running: number): Promise<QuitChoice>
  stopRunning(): Promise<void>
  /** Closes the core; keepRunning records that the timers count on. */
  close(keepRunning: boolean): Promise<void>
  onError(error: unknown): void
}

export function installQuitGuard(app: Pick<App, 'on' | 'quit'>, deps: QuitGuardDeps): void {
  let cleared = false
  let deciding = false
  app.on('before-quit', (event) => {
    if (cleared) return
    event.preventDefault()
    if (deciding) return
    deciding = true
    void (async () => {
      const running = await deps.runningCount()
      const choice: QuitChoice = running === 0 ? 'stop' : await deps.ask(running)
      if (choice === 'cancel') return
      if (choice === 'stop' && running > 0) await deps.stopRunning()
      await deps.close(choice === 'keep')
      cleared = true
      app.quit()
    })()
      .catch((error: unknown) => deps.onError(error))
      .finally(() => {
        deciding = false
      })
  })
}
