// The tray icon and its menu. It starts minimal (Open Stint, Quit); the timer issue
// grows it into the technician's main control.
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'

export interface TrayDeps {
  createTray(image: NativeImage): Tray
  buildMenu(template: MenuItemConstructorOptions[]): Menu
  image: NativeImage
}

export interface TrayActions {
  open(): void
  quit(): void
}

export function trayMenuTemplate(actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: 'Open Stint', click: () => actions.open() },
    { type: 'separator' },
    { label: 'Quit Stint', click: () => actions.quit() },
  ]
}

export function createAppTray(deps: TrayDeps, actions: TrayActions): Tray {
  const tray = deps.createTray(deps.image)
  tray.setToolTip('Stint — no timer running')
  tray.setContextMenu(deps.buildMenu(trayMenuTemplate(actions)))
  // On Windows and Linux a click on the icon itself opens the window.
  tray.on('click', () => actions.open())
  return tray
}
