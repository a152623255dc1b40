import { describe, expect, it } from 'vitest'
import { DEFAULT_TIMER_COLORS } from '@shared/timers'
import { drawTrayIcon, toBgra, trayIconSet, type TrayIconBitmap, type TrayIconTimer } from './tray-icon'

type Rgba = [number, number, number, number]

const NEAR_WHITE: [number, number, number] = [0xf2, 0xf4, 0xf8]
const ROSE = '#EE6677'
const ROSE_RGB: [number, number, number] = [238, 102, 119]

function timer(slot: number, state: TrayIconTimer['state'], color: string = DEFAULT_TIMER_COLORS[slot - 1] ?? '#888888'): TrayIconTimer {
  return { slot, state, color }
}

function pixel(icon: TrayIconBitmap, x: number, y: number): Rgba {
  const i = (y * icon.width + x) * 4
  const d = icon.data
  return [d[i] ?? -1, d[i + 1] ?? -1, d[i + 2] ?? -1, d[i + 3] ?? -1]
}

function allPixels(icon: TrayIconBitmap): Rgba[] {
  const out: Rgba[] = []
  for (let y = 0; y < icon.height; y++) for (let x = 0; x < icon.width; x++) out.push(pixel(icon, x, y))
  return out
}

/** The pixel holding the centre of a slot's cell (slot 1 top-left ... slot 9 bottom-right). */
function cellCentre(size: number, slot: number): [number, number] {
  const col = (slot - 1) % 3
  const row = Math.floor((slot - 1) / 3)
  return [Math.floor(((col + 0.5) * size) / 3), Math.floor(((row + 0.5) * size) / 3)]
}

/** Every pixel lying wholly inside a slot's cell. */
function cellPixels(icon: TrayIconBitmap, slot: number): Rgba[] {
  const size = icon.width
  const col = (slot - 1) % 3
  const row = Math.floor((slot - 1) / 3)
  const out: Rgba[] = []
  for (let y = Math.ceil((row * size) / 3); y < Math.floor(((row + 1) * size) / 3); y++) {
    for (let x = Math.ceil((col * size) / 3); x < Math.floor(((col + 1) * size) / 3); x++) out.push(pixel(icon, x, y))
  }
  return out
}

const near = (p: Rgba, rgb: readonly number[], tolerance = 2): boolean => rgb.every((c, k) => Math.abs((p[k] ?? -1) - c) <= tolerance)

describe('tray icon with no active timer', () => {
  it.each([16, 32, 64])('at %i px draws a near-white ring around an empty centre', (size) => {
    const icon = drawTrayIcon([], size)
    expect(pixel(icon, size / 2, size / 2)[3]).toBe(0)
    const ringPixels = allPixels(icon).filter((p) => p[3] === 255 && near(p, NEAR_WHITE))
    // The ring is 1.5 px wide and about 33 px round at 16 px.
    expect(ringPixels.length).toBeGreaterThan(size * 1.5)
  })

  it('gives the glyph a dark translucent outline so it shows on a light tray bar', () => {
    const outline = allPixels(drawTrayIcon([], 16)).filter((p) => p[3] > 60 && p[3] < 200 && p[0] < 40 && p[1] < 40 && p[2] < 40)
    expect(outline.length).toBeGreaterThan(20)
  })

  it('looks the same when every timer is idle as when there are none', () => {
    const allIdle = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot) => timer(slot, 'idle'))
    expect(drawTrayIcon(allIdle, 32).data).toEqual(drawTrayIcon([], 32).data)
  })
})

describe('tray icon with active timers', () => {
  it.each([16, 32, 64])('at %i px fills the centre of slot 1 with the colour of its running timer', (size) => {
    const icon = drawTrayIcon([timer(1, 'running', ROSE)], size)
    const [x, y] = cellCentre(size, 1)
    const centre = pixel(icon, x, y)
    expect(centre[3]).toBe(255)
    expect(near(centre, ROSE_RGB)).toBe(true)
  })

  it('puts slot 9 bottom-right and leaves the other cells empty', () => {
    const icon = drawTrayIcon([timer(9, 'running', ROSE)], 32)
    const [x, y] = cellCentre(32, 9)
    expect(near(pixel(icon, x, y), [...ROSE_RGB, 255])).toBe(true)
    for (const slot of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(cellPixels(icon, slot).every((p) => p[3] === 0)).toBe(true)
    }
  })

  it('keeps a timer in the same place whatever else runs', () => {
    const alone = drawTrayIcon([timer(5, 'running')], 32)
    const withOthers = drawTrayIcon([timer(1, 'running'), timer(5, 'running'), timer(6, 'paused'), timer(9, 'running')], 32)
    expect(cellPixels(withOthers, 5)).toEqual(cellPixels(alone, 5))
  })

  it.each([
    [16, 1],
    [32, 5],
    [64, 5],
  ])('at %i px draws a paused timer in slot %i as a ring in its colour around a see-through centre', (size, slot) => {
    const icon = drawTrayIcon([timer(slot, 'paused', ROSE)], size)
    const [x, y] = cellCentre(size, slot)
    expect(pixel(icon, x, y)[3]).toBe(0)
    const coloured = cellPixels(icon, slot).filter((p) => p[3] > 0 && near(p, ROSE_RGB))
    expect(coloured.length).toBeGreaterThanOrEqual(size / 2)
    // Wholly covered ring pixels are exactly the timer's colour.
    const solid = cellPixels(icon, slot).filter((p) => p[3] === 255)
    if (size >= 32) expect(solid.length).toBeGreaterThan(0)
    expect(solid.every((p) => near(p, ROSE_RGB))).toBe(true)
  })

  it('keeps the hole of every paused timer see-through at 16 px, though the middle row and column centre on a pixel corner', () => {
    const timers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot) => timer(slot, 'paused', ROSE))
    const icon = drawTrayIcon(timers, 16)
    for (const slot of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const [x, y] = cellCentre(16, slot)
      // A 16 px cell is 5.33 px wide: slot 5's centre is the corner of four pixels, each at most a tenth covered.
      expect(pixel(icon, x, y)[3], `slot ${slot}`).toBeLessThan(26)
    }
  })

  it('tells running from paused by shape, not only by colour', () => {
    const running = drawTrayIcon([timer(2, 'running', ROSE)], 32)
    const paused = drawTrayIcon([timer(2, 'paused', ROSE)], 32)
    const [x, y] = cellCentre(32, 2)
    expect(pixel(running, x, y)[3]).toBe(255)
    expect(pixel(paused, x, y)[3]).toBe(0)
  })

  it.each([16, 32, 64])('at %i px leaves the cell of an idle timer fully transparent, even among eight busy ones', (size) => {
    const timers = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((slot) => timer(slot, slot === 5 ? 'idle' : slot % 2 === 0 ? 'paused' : 'running'))
    const icon = drawTrayIcon(timers, size)
    expect(cellPixels(icon, 5).every((p) => p[3] === 0)).toBe(true)
    expect(cellPixels(icon, 4).some((p) => p[3] === 255)).toBe(true)
  })

  it('outlines even a light-grey dot so it shows on a light tray bar', () => {
    const icon = drawTrayIcon([timer(7, 'running', '#BBBBBB')], 32)
    const outline = cellPixels(icon, 7).filter((p) => p[3] > 60 && p[3] < 200 && p[0] < 60)
    expect(outline.length).toBeGreaterThan(10)
  })
})

describe('tray icon bitmap', () => {
  it.each([16, 24, 32, 64])('holds width x height RGBA pixels at %i px', (size) => {
    const icon = drawTrayIcon([timer(3, 'running')], size)
    expect(icon.width).toBe(size)
    expect(icon.height).toBe(size)
    expect(icon.data).toHaveLength(size * size * 4)
  })

  it.each([15, 65, 16.5, Number.NaN])('refuses size %s', (size) => {
    expect(() => drawTrayIcon([], size)).toThrow('A tray icon is 16 to 64 pixels square')
  })

  it('refuses a timer colour it cannot read rather than guessing', () => {
    expect(() => drawTrayIcon([timer(1, 'running', 'red')], 16)).toThrow('A timer colour must look like #RRGGBB; got "red".')
  })

  it.each([
    ['no active timer', [] as TrayIconTimer[]],
    ['running and paused timers', [timer(1, 'running'), timer(5, 'paused'), timer(7, 'running', '#FFFFFF')]],
  ])('in template mode draws %s in black, meaning carried by alpha', (_name, timers) => {
    const pixels = allPixels(drawTrayIcon(timers, 32, { template: true }))
    const visible = pixels.filter((p) => p[3] > 0)
    expect(visible.length).toBeGreaterThan(50)
    expect(visible.every((p) => p[0] === 0 && p[1] === 0 && p[2] === 0)).toBe(true)
    expect(visible.some((p) => p[3] === 255)).toBe(true)
  })

  it('keeps every dot in its cell, filled or hollow, in template mode', () => {
    const icon = drawTrayIcon([timer(1, 'running'), timer(5, 'paused'), timer(9, 'running')], 32, { template: true })
    const alphaAtCentre = (slot: number) => {
      const [x, y] = cellCentre(32, slot)
      return pixel(icon, x, y)[3]
    }
    expect([1, 5, 9].map(alphaAtCentre)).toEqual([255, 0, 255])
    expect(cellPixels(icon, 5).some((p) => p[3] === 255)).toBe(true)
    expect([2, 3, 4, 6, 7, 8].every((slot) => cellPixels(icon, slot).every((p) => p[3] === 0))).toBe(true)
  })

  it('draws the same bytes for the same timers, in any order', () => {
    const timers = [timer(4, 'running'), timer(2, 'paused'), timer(8, 'running')]
    const first = drawTrayIcon(timers, 32)
    expect(drawTrayIcon(timers, 32).data).toEqual(first.data)
    expect(drawTrayIcon(timers.toReversed(), 32).data).toEqual(first.data)
  })
})

describe('handing the icon to Electron', () => {
  it('swaps red and blue for opaque pixels and keeps alpha', () => {
    const icon: TrayIconBitmap = { width: 2, height: 1, data: Uint8Array.from([238, 102, 119, 255, 1, 2, 3, 255]) }
    expect(Array.from(toBgra(icon).data)).toEqual([119, 102, 238, 255, 3, 2, 1, 255])
  })

  it('premultiplies colour by alpha, as createFromBitmap reads premultiplied pixels', () => {
    const icon: TrayIconBitmap = { width: 2, height: 1, data: Uint8Array.from([200, 100, 50, 128, 9, 9, 9, 0]) }
    expect(Array.from(toBgra(icon).data)).toEqual([25, 50, 100, 128, 0, 0, 0, 0])
  })

  it('leaves the drawn icon untouched', () => {
    const icon = drawTrayIcon([timer(1, 'running', ROSE)], 16)
    const before = Uint8Array.from(icon.data)
    toBgra(icon)
    expect(icon.data).toEqual(before)
  })

  it('gives a 16 px image at scale 1 and a 32 px image at scale 2, both ready for Electron', () => {
    const timers = [timer(1, 'running'), timer(6, 'paused')]
    const [one, two] = trayIconSet(timers)
    expect({ scaleFactor: one.scaleFactor, width: one.width, height: one.height }).toEqual({ scaleFactor: 1, width: 16, height: 16 })
    expect({ scaleFactor: two.scaleFactor, width: two.width, height: two.height }).toEqual({ scaleFactor: 2, width: 32, height: 32 })
    expect(one.buffer).toEqual(toBgra(drawTrayIcon(timers, 16)).data)
    expect(two.buffer).toEqual(toBgra(drawTrayIcon(timers, 32)).data)
  })

  it('passes template mode through to both images', () => {
    const [one, two] = trayIconSet([], { template: true })
    expect(one.buffer).toEqual(toBgra(drawTrayIcon([], 16, { template: true })).data)
    expect(two.buffer).toEqual(toBgra(drawTrayIcon([], 32, { template: true })).data)
  })
})
