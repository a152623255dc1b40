import type { Menu, MenuItem, MenuItemConstructorOptions, NativeImage, Tray } from 'electron'
import { describe, expect, it } from 'vitest'
import { createAppTray, type TrayActions } from './tray'

/** A tray icon that keeps what the user would see (tooltip, menu) and lets a test click it. */
class FakeTray {
  tooltip: string | null = null
  contextMenu: Menu | null = null
  private readonly clickListeners: (() => void)[] = []

  constructor(readonly image: NativeImage) {}

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip
  }

  setContextMenu(menu: Menu | null): void {
    this.contextMenu = menu
  }

  on(event: string, listener: () => void): this {
    if (event === 'click') this.clickListeners.push(listener)
    return this
  }

  click(): void {
    for (const listener of this.clickListeners) listener()
  }
}

/** Remembers which template each built menu came from. */
interface FakeMenu {
  template: MenuItemConstructorOptions[]
}

function setUp() {
  const done: (keyof TrayActions)[] = []
  const actions: TrayActions = {
    open: () => done.push('open'),
    quit: () => done.push('quit'),
  }
  const image = { name: 'tray.png' } as unknown as NativeImage
  const trays: FakeTray[] = []
  const tray = createAppTray(
    {
      createTray: (icon) => {
        const fake = new FakeTray(icon)
        trays.push(fake)
        // The adapter uses only setToolTip, setContextMenu and on('click').
        return fake as unknown as Tray
      },
      buildMenu: (template) => ({ template }) satisfies FakeMenu as unknown as Menu,
      image,
    },
    actions,
  )
  const fake = trays[0]
  if (trays.length !== 1 || !fake) throw new Error('expected exactly one tray icon')
  const menu = fake.contextMenu as unknown as FakeMenu | null
  if (!menu) throw new Error('the tray has no menu')
  return { tray, fake, image, menu, done }
}

function clickMenuItem(menu: FakeMenu, label: string): void {
  const item = menu.template.find((entry) => entry.label === label)
  if (!item?.click) throw new Error(`no clickable "${label}" in the tray menu`)
  // The tray's actions ignore the menu item and window Electron passes along.
  item.click({} as unknown as MenuItem, undefined, {})
}

describe('the tray icon', () => {
  it('shows Stint’s icon with a tooltip saying what it is', () => {
    const { tray, fake, image } = setUp()

    expect(tray).toBe(fake as unknown as Tray)
    expect(fake.image).toBe(image)
    expect(fake.tooltip).toMatch(/^Stint/)
  })

  it('offers Open Stint and Quit Stint in its menu', () => {
    const { menu } = setUp()

    const labels = menu.template.filter((item) => item.type !== 'separator').map((item) => item.label)
    expect(labels).toEqual(['Open Stint', 'Quit Stint'])
  })

  it('opens the window from "Open Stint"', () => {
    const { menu, done } = setUp()

    clickMenuItem(menu, 'Open Stint')

    expect(done).toEqual(['open'])
  })

  it('quits from "Quit Stint"', () => {
    const { menu, done } = setUp()

    clickMenuItem(menu, 'Quit Stint')

    expect(done).toEqual(['quit'])
  })

  it('opens the window when the icon itself is clicked', () => {
    const { fake, done } = setUp()

    fake.click()

    expect(done).toEqual(['open'])
  })
})
