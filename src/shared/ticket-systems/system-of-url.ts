// Which ticket system a ticket page belongs to: the one rule both write-back engines (the
// team server's and a standalone desktop's) use when they make write jobs.
// src/shared compiles without DOM or Node types, yet every Stint runtime has the WHATWG URL class.
interface PageUrl {
  readonly origin: string
  readonly pathname: string
}
declare const URL: new (input: string) => PageUrl

export interface SystemMatch {
  id: string
  base: PageUrl
}

function parsed(url: string): PageUrl | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** The active system whose address the ticket page is under (the longest such address wins), or null. */
export function systemOfUrl(systems: readonly SystemMatch[], ticketUrl: string): string | null {
  const page = parsed(ticketUrl)
  if (!page) return null
  let best: SystemMatch | null = null
  for (const system of systems) {
    const basePath = system.base.pathname.endsWith('/') ? system.base.pathname : `${system.base.pathname}/`
    const pagePath = page.pathname.endsWith('/') ? page.pathname : `${page.pathname}/`
    if (page.origin !== system.base.origin || !pagePath.startsWith(basePath)) continue
    if (!best || system.base.pathname.length > best.base.pathname.length) best = system
  }
  return best?.id ?? null
}

/** Stored systems (id and address) as matches; an address that no longer parses matches nothing. */
export function systemMatches(rows: readonly { id: string; base_url: string }[]): SystemMatch[] {
  return rows.flatMap((row) => {
    const base = parsed(row.base_url)
    return base ? [{ id: row.id, base }] : []
  })
}
