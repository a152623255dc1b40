// The current time for display, ticking once a second only while something runs and
// the page is visible: a hidden window does no work at all.
import { useEffect, useState } from 'react'

export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setInterval> | undefined
    const tick = () => setNow(Date.now())
    const sync = () => {
      clearInterval(timer)
      timer = undefined
      if (document.visibilityState === 'visible') {
        tick()
        timer = setInterval(tick, intervalMs)
      }
    }
    sync()
    document.addEventListener('visibilitychange', sync)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', sync)
    }
  }, [active, intervalMs])
  return now
}
