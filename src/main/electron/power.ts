// Feeds Electron's powerMonitor into the engine: sleep and lock mark the start of an
// absence, wake and unlock its end; idle time is read by the engine's minute check
// (which only runs while a timer runs). Nothing here polls.
import type { PowerMonitor } from 'electron'
import type { TimerEngine } from '../timers/timer-engine'

type Engine = Pick<TimerEngine, 'away' | 'back' | 'attachIdleSource'>

export function connectPowerMonitor(powerMonitor: Pick<PowerMonitor, 'on' | 'getSystemIdleTime'>, engine: Engine, onError: (error: unknown) => void): void {
  engine.attachIdleSource({ idleSeconds: () => powerMonitor.getSystemIdleTime() })
  const away = () => void engine.away().catch(onError)
  const back = () => void engine.back().catch(onError)
  powerMonitor.on('suspend', away)
  powerMonitor.on('lock-screen', away)
  powerMonitor.on('resume', back)
  powerMonitor.on('unlock-screen', back)
}
