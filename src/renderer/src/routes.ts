// The app's views, addressed by the URL hash so the browser's back button and a
// reload keep the user where they were.
import { useEffect, useState } from 'react'

export const ROUTES = [
  { id: 'timers', label: 'Timers' },
  { id: 'timesheet', label: 'Timesheet' },
  { id: 'work', label: 'Work items' },
  { id: 'settings', label: 'Settings' },
] as const

/** Views reached from elsewhere (the sync status), not from the navigation. */
const LINKED_ROUTES = ['attention'] as const

export type RouteId = (typeof ROUTES)[number]['id'] | (typeof LINKED_ROUTES)[number]

function fromHash(hash: string): RouteId {
  const id = hash.replace(/^#\/?/, '')
  return ROUTES.find((r) => r.id === id)?.id ?? LINKED_ROUTES.find((r) => r === id) ?? 'timers'
}

export function useRoute(): RouteId {
  const [route, setRoute] = useState<RouteId>(() => fromHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(fromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
