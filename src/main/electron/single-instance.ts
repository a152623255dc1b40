// One Stint at a time: a second launch hands over to the first, which comes to the front.
import type { App } from 'electron'

export function acquireSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  onSecondInstance: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', (_event, argv) => onSecondInstance(argv))
  return true
}
