// The chosen theme on the page: <html data-theme="light|dark">, or no attribute for
// System (the stylesheet's light-dark() colours then follow the OS). Followed as the
// setting changes, from this window or another.
import { useEffect } from 'react'
import type { StintClient } from '@shared/bridge'
import type { Theme } from '@shared/settings'
import { followSettings } from './follow-settings'

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme']
  else root.dataset['theme'] = theme
}

export function useTheme(client: StintClient): void {
  // Unreadable settings leave the OS in charge; the Settings view says what went wrong.
  useEffect(() => followSettings(client, (settings) => applyTheme(settings.appearance.theme)), [client])
}
