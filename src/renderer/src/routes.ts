// The app's views, addressed by the URL hash so the browser's back button and a
// reload keep the user where they were. A view may take one parameter after a slash:
// #timesheet/2026-11-16 opens the period of that day, #calendar/2026-11-16 that day's week, #approvals/<period id> one
// member's period.
import { useEffect, useState } from 'react'

/** The navigation, in order; each view's name is the catalogue's `nav.<id>`. */
export const ROUTES = [{ id: 'timers' }, { id: 'timesheet' }, { id: 'calendar' }, { id: 'submissions' }, { id: 'approvals' }, { id: 'reports' }, { id: 'billing' }, { id: 'work' }, { id: 'settings' }] as const

/** Views reached from elsewhere (the sync status), not from the navigation. */
const LINKED_ROUTES = ['attention'] as const

export type RouteId = (typeof ROUTES)[number]['id'] | (typeof LINKED_ROUTES)[number]

export interface Route {
  id: RouteId
  /** What follows the view's name after a slash, decoded; null when nothing does. */
  param: string | null
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#\/?/, '')
  const slash = path.indexOf('/')
  const name = slash < 0 ? path : path.slice(0, slash)
  const id = ROUTES.find((r) => r.id === name)?.id ?? LINKED_ROUTES.find((r) => r === name)
  if (!id) return { id: 'timers', param: null }
  let param: string | null = null
  if (slash >= 0 && slash < path.length - 1) {
    try {
      param = decodeURIComponent(path.slice(slash + 1))
    } catch {
      param = null // a malformed escape opens the view itself
    }
  }
  return { id, param }
}

/** The hash that opens `id`, with its parameter when given. */
export function hrefOf(id: RouteId, param?: string): string {
  return param ? `#${id}/${encodeURIComponent(param)}` : `#${id}`
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = () => {
      const next = parseHash(window.location.hash)
      // The same route again keeps its object, so views keyed on it do not start over.
      setRoute((current) => (current.id === next.id && current.param === next.param ? current : next))
    }
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
