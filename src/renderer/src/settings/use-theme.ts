// The chosen theme on the page: <html data-theme="light|dark">, or no attribute for
// System (the stylesheet's light-dark() colours then follow the OS). Followed as the
// setting changes, from this window or another.
import { useEffect } from 'react'
import type { StintClient } from '@shared/bridge'
import type { Theme } from '@shared/settings'

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme']
  else root.dataset['theme'] = theme
}

export function useTheme(client: StintClient): void {
  useEffect(() => {
    let live = true
    client.settings
      .get({})
      .then((settings) => live && applyTheme(settings.appearance.theme))
      // Unreadable settings: the OS decides, and the Settings view says what went wrong.
      .catch(() => undefined)
    const off = client.events['settings.changed'](({ settings }) => {
      live = false // a pushed change is newer than any answer still on its way
      applyTheme(settings.appearance.theme)
    })
    return () => {
      live = false
      off()
    }
  }, [client])
}
