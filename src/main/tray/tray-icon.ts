// The tray icon's pixels, drawn from the timers' state so the icon alone tells which
// timers run. Pure and deterministic: the electron/ adapter turns the bitmaps into a
// NativeImage (see trayIconSet).
//
// Drawing rule. Nothing active: the idle glyph, a stopwatch outline (ring + crown, the
// same geometry as resources/tray/tray.png but with an empty face). Any timer running or
// paused: a 3x3 grid like the app icon, laid out like a phone keypad (slot 1 top-left,
// slot 9 bottom-right). A slot's dot ALWAYS sits in its own cell, however many timers
// are active, so position alone says which timer it is, even without colour (template
// images, colour-vision deficiencies). Running = filled dot in the timer's colour;
// paused = hollow ring in its colour; idle = nothing.
// Outside template mode every shape gets a 60 % black halo so light colours (and the
// near-white glyph) stay visible on light tray bars. Template mode (macOS) draws black
// shapes with alpha only and no halo: the system tints them.
import type { Timer } from '@shared/timers'

/** Straight (not premultiplied) RGBA, row-major, 4 bytes a pixel. */
export interface TrayIconBitmap {
  width: number
  height: number
  data: Uint8Array
}

export interface TrayIconOptions {
  /** macOS template image: black shapes, meaning carried by alpha only. */
  template?: boolean
}

export type TrayIconTimer = Pick<Timer, 'slot' | 'color' | 'state'>

/** One representation ready for Electron: `buffer` is premultiplied BGRA (see toBgra). */
export interface TrayIconRepresentation {
  scaleFactor: 1 | 2
  width: number
  height: number
  buffer: Uint8Array
}

export const MIN_TRAY_ICON_SIZE = 16
export const MAX_TRAY_ICON_SIZE = 64

// Geometry in design units on a 16-unit canvas; a size-n icon scales it by n/16.
const CANVAS = 16
const CELL = CANVAS / 3
const DOT_RADIUS = 2.3
/** A paused ring is DOT_RADIUS - HOLE_RADIUS = 1.15 units thick: over 1 px at 16 px. */
const HOLE_RADIUS = 1.15
const HALO = 0.8
const GLYPH_CX = 8
const GLYPH_CY = 9
const GLYPH_OUTER = 6
const GLYPH_INNER = 4.5
/** Subsamples per pixel side: 4x4 = 16 coverage levels, plenty for 16..64 px. */
const SUPERSAMPLE = 4

const GLYPH_COLOR = '#f2f4f8'
const TEMPLATE_COLOR = '#000000'
const HALO_ALPHA = 0.6

interface Paint {
  r: number
  g: number
  b: number
  /** 0..1 */
  a: number
}

type Region = (x: number, y: number) => boolean

/** A region painted with one colour; layers are composited bottom to top. */
interface Layer {
  paint: Paint
  covers: Region
}

const disc =
  (cx: number, cy: number, r: number): Region =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r

function annulus(cx: number, cy: number, outer: number, inner: number): Region {
  return (x, y) => {
    const d2 = (x - cx) ** 2 + (y - cy) ** 2
    return d2 <= outer * outer && d2 >= inner * inner
  }
}

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Region {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false
    const dx = x < x0 + r ? x0 + r - x : x > x1 - r ? x - (x1 - r) : 0
    const dy = y < y0 + r ? y0 + r - y : y > y1 - r ? y - (y1 - r) : 0
    return dx * dx + dy * dy <= r * r
  }
}

/** Overlapping halos must not darken each other, so a halo layer is one union region. */
const union =
  (regions: readonly Region[]): Region =>
  (x, y) =>
    regions.some((covers) => covers(x, y))

/** Halos are clipped to their own cell, so an idle slot's cell stays empty whatever its neighbours do. */
const intersection =
  (a: Region, b: Region): Region =>
  (x, y) =>
    a(x, y) && b(x, y)

function parseColor(hex: string, alpha = 1): Paint {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new RangeError(`A timer colour must look like #RRGGBB; got "${hex}".`)
  const value = Number.parseInt(hex.slice(1), 16)
  return { r: (value >> 16) & 255, g: (value >> 8) & 255, b: value & 255, a: alpha }
}

/** Centre of a slot's cell in design units: slot 1 top-left, slot 9 bottom-right. */
export function slotCentre(slot: number): { x: number; y: number } {
  if (!Number.isInteger(slot) || slot < 1 || slot > 9) throw new RangeError(`A timer slot must be a whole number from 1 to 9; got ${slot}.`)
  const index = slot - 1
  return { x: ((index % 3) + 0.5) * CELL, y: (Math.floor(index / 3) + 0.5) * CELL }
}

function idleGlyph(template: boolean): Layer[] {
  const paint = parseColor(template ? TEMPLATE_COLOR : GLYPH_COLOR)
  const ring = annulus(GLYPH_CX, GLYPH_CY, GLYPH_OUTER, GLYPH_INNER)
  const stem = roundRect(7, 1.5, 9, 3.5, 0)
  const crown = roundRect(5, 0, 11, 2, 0.5)
  const glyph = union([ring, stem, crown])
  if (template) return [{ paint, covers: glyph }]
  const halo = union([
    annulus(GLYPH_CX, GLYPH_CY, GLYPH_OUTER + HALO, GLYPH_INNER - HALO),
    roundRect(7 - HALO, 1.5, 9 + HALO, 3.5, HALO),
    roundRect(5 - HALO, 0 - HALO, 11 + HALO, 2 + HALO, 0.5 + HALO),
  ])
  return [
    { paint: parseColor(TEMPLATE_COLOR, HALO_ALPHA), covers: halo },
    { paint, covers: glyph },
  ]
}

function timerDots(active: readonly TrayIconTimer[], template: boolean): Layer[] {
  const halos: Region[] = []
  const dots: Layer[] = []
  for (const timer of active) {
    const { x, y } = slotCentre(timer.slot)
    const cell = roundRect(x - CELL / 2, y - CELL / 2, x + CELL / 2, y + CELL / 2, 0)
    const paint = template ? parseColor(TEMPLATE_COLOR) : parseColor(timer.color)
    if (timer.state === 'running') {
      dots.push({ paint, covers: disc(x, y, DOT_RADIUS) })
      halos.push(intersection(cell, disc(x, y, DOT_RADIUS + HALO)))
    } else {
      // The hole stays see-through: "paused" reads as an empty centre on any background.
      dots.push({ paint, covers: annulus(x, y, DOT_RADIUS, HOLE_RADIUS) })
      halos.push(intersection(cell, annulus(x, y, DOT_RADIUS + HALO, HOLE_RADIUS)))
    }
  }
  if (template) return dots
  return [{ paint: parseColor(TEMPLATE_COLOR, HALO_ALPHA), covers: union(halos) }, ...dots]
}

/**
 * Draws the tray icon at `size` x `size` pixels (16..64; 16 and 32 are the usual 1x/2x).
 * Returns straight RGBA; use toBgra before handing it to Electron.
 */
export function drawTrayIcon(timers: readonly TrayIconTimer[], size: number, options: TrayIconOptions = {}): TrayIconBitmap {
  if (!Number.isInteger(size) || size < MIN_TRAY_ICON_SIZE || size > MAX_TRAY_ICON_SIZE) {
    throw new RangeError(`A tray icon is ${MIN_TRAY_ICON_SIZE} to ${MAX_TRAY_ICON_SIZE} pixels square; got ${size}.`)
  }
  const template = options.template === true
  const active = timers.filter((t) => t.state !== 'idle').toSorted((a, b) => a.slot - b.slot)
  const layers = active.length === 0 ? idleGlyph(template) : timerDots(active, template)

  const data = new Uint8Array(size * size * 4)
  const toDesign = CANVAS / size
  const samples = SUPERSAMPLE * SUPERSAMPLE
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Sum premultiplied colour over the subsamples: coverage becomes alpha, and edge
      // pixels shared by a dot and its halo blend correctly.
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        const y = (py + (sy + 0.5) / SUPERSAMPLE) * toDesign
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) * toDesign
          let cr = 0
          let cg = 0
          let cb = 0
          let ca = 0
          for (const layer of layers) {
            if (!layer.covers(x, y)) continue
            const { paint } = layer
            cr = paint.r * paint.a + cr * (1 - paint.a)
            cg = paint.g * paint.a + cg * (1 - paint.a)
            cb = paint.b * paint.a + cb * (1 - paint.a)
            ca = paint.a + ca * (1 - paint.a)
          }
          r += cr
          g += cg
          b += cb
          a += ca
        }
      }
      if (a === 0) continue
      const i = (py * size + px) * 4
      // Back to straight alpha: colour is the coverage-weighted mean of what covers the pixel.
      data[i] = Math.round(r / a)
      data[i + 1] = Math.round(g / a)
      data[i + 2] = Math.round(b / a)
      data[i + 3] = Math.round((a / samples) * 255)
    }
  }
  return { width: size, height: size, data }
}

/**
 * Converts straight RGBA to the byte layout `nativeImage.createFromBitmap(buffer,
 * { width, height, scaleFactor })` and `image.addRepresentation({ buffer, width, height,
 * scaleFactor })` read: Skia's N32 format, which is B, G, R, A in memory on every
 * platform Electron ships for (all little-endian), with PREMULTIPLIED alpha (Electron
 * builds the bitmap as kPremul_SkAlphaType). Straight colour in a premultiplied buffer
 * would turn every anti-aliased edge pixel too bright, so colour is scaled by alpha here.
 */
export function toBgra(icon: TrayIconBitmap): TrayIconBitmap {
  const source = icon.data
  const data = new Uint8Array(source.length)
  for (let i = 0; i < source.length; i += 4) {
    const alpha = source[i + 3] ?? 0
    data[i] = Math.round(((source[i + 2] ?? 0) * alpha) / 255)
    data[i + 1] = Math.round(((source[i + 1] ?? 0) * alpha) / 255)
    data[i + 2] = Math.round(((source[i] ?? 0) * alpha) / 255)
    data[i + 3] = alpha
  }
  return { width: icon.width, height: icon.height, data }
}

/**
 * The two representations the tray needs: 16 px at scale 1 and 32 px at scale 2 (the OS
 * picks or scales the nearest for 125 %, 150 %...). Each buffer is ready for Electron.
 */
export function trayIconSet(timers: readonly TrayIconTimer[], options: TrayIconOptions = {}): [TrayIconRepresentation, TrayIconRepresentation] {
  const at = (scaleFactor: 1 | 2): TrayIconRepresentation => {
    const { width, height, data } = toBgra(drawTrayIcon(timers, MIN_TRAY_ICON_SIZE * scaleFactor, options))
    return { scaleFactor, width, height, buffer: data }
  }
  return [at(1), at(2)]
}
