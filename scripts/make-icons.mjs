#!/usr/bin/env node
// Draws Stint's app and tray icons procedurally and writes them as PNG files.
//
//   node scripts/make-icons.mjs
//
// Node built-ins only. Output is deterministic: the same Node version writes
// the same bytes on every run (no timestamps, fixed zlib settings).
//
// Writes:
//   resources/icon.png                    1024x1024 app icon (electron-builder makes .icns/.ico from it)
//   resources/icons/<n>x<n>.png           Linux icon set, n = 16 32 48 64 128 256 512
//   resources/tray/tray.png, tray@2x.png  16/32 px near-white stopwatch glyph
//   resources/tray/trayTemplate.png, trayTemplate@2x.png
//                                         the same glyph, black + alpha (macOS template image)

import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const RESOURCES = join(ROOT, 'resources')

// The nine timer colours (Paul Tol's colour-blind-friendly set), in slot order.
const PALETTE = [
  '#4477AA', '#EE6677', '#228833',
  '#CCBB44', '#66CCEE', '#AA3377',
  '#BBBBBB', '#EE8866', '#44BB99',
]
const BG_TOP = '#2b3550'
const BG_BOTTOM = '#1e2433'
const TRAY_LIGHT = '#f2f4f8'
const TRAY_TEMPLATE = '#000000'

// ---------------------------------------------------------------------------
// PNG encoder: 8-bit RGBA (colour type 6), no interlace, filter 0 on every row.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(buf) {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const out = Buffer.alloc(8 + data.length + 4)
  out.writeUInt32BE(data.length, 0)
  typeAndData.copy(out, 4)
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length)
  return out
}

/** @param {number} width @param {number} height @param {Uint8Array} rgba straight (non-premultiplied) RGBA */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // colour type: RGBA
  ihdr[10] = 0 // compression: deflate
  ihdr[11] = 0 // filter method 0
  ihdr[12] = 0 // no interlace
  const stride = width * 4
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0 // filter type 0 (None)
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  const idat = deflateSync(raw, { level: 9 })
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ---------------------------------------------------------------------------
// Tiny rasteriser. A shape is { box: [x0, y0, x1, y1], inside(x, y), colour(x, y) }
// where colour returns a straight (non-premultiplied) [r, g, b, a] in 0..1.
// Shapes are painted in order ("over"); each pixel is supersampled on an
// n x n grid and the premultiplied results are averaged.

function hex(h) {
  const v = parseInt(h.slice(1), 16)
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255]
}

const solid = (h, a = 1) => {
  const c = [...hex(h), a]
  return () => c
}

function circle(cx, cy, r, colour) {
  const r2 = r * r
  return {
    box: [cx - r, cy - r, cx + r, cy + r],
    inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r2,
    colour,
  }
}

function ring(cx, cy, rOuter, rInner, colour) {
  const o2 = rOuter * rOuter
  const i2 = rInner * rInner
  return {
    box: [cx - rOuter, cy - rOuter, cx + rOuter, cy + rOuter],
    inside: (x, y) => {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2
      return d2 <= o2 && d2 >= i2
    },
    colour,
  }
}

/** Axis-aligned rectangle with corner radius r (r = 0 for square corners). */
function roundRect(x0, y0, x1, y1, r, colour) {
  return {
    box: [x0, y0, x1, y1],
    inside: (x, y) => {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false
      const dx = x < x0 + r ? x0 + r - x : x > x1 - r ? x - (x1 - r) : 0
      const dy = y < y0 + r ? y0 + r - y : y > y1 - r ? y - (y1 - r) : 0
      return dx * dx + dy * dy <= r * r
    },
    colour,
  }
}

/** Difference of two shapes: points inside a but not inside b (colour from a). */
function minus(a, b) {
  return { box: a.box, inside: (x, y) => a.inside(x, y) && !b.inside(x, y), colour: a.colour }
}

function render(size, shapes, samples) {
  const out = new Uint8Array(size * size * 4)
  const step = 1 / samples
  const total = samples * samples
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Only shapes whose bounding box touches this pixel.
      const hits = shapes.filter(
        (s) => s.box[0] < px + 1 && s.box[2] > px && s.box[1] < py + 1 && s.box[3] > py,
      )
      let r = 0, g = 0, b = 0, a = 0
      if (hits.length > 0) {
        for (let sy = 0; sy < samples; sy++) {
          const y = py + (sy + 0.5) * step
          for (let sx = 0; sx < samples; sx++) {
            const x = px + (sx + 0.5) * step
            // Premultiplied "over" compositing, bottom to top.
            let cr = 0, cg = 0, cb = 0, ca = 0
            for (const s of hits) {
              if (!s.inside(x, y)) continue
              const [sr, sg, sb, sa] = s.colour(x, y)
              cr = sr * sa + cr * (1 - sa)
              cg = sg * sa + cg * (1 - sa)
              cb = sb * sa + cb * (1 - sa)
              ca = sa + ca * (1 - sa)
            }
            r += cr; g += cg; b += cb; a += ca
          }
        }
      }
      const i = (py * size + px) * 4
      a /= total
      if (a > 0) {
        // Back to straight alpha for PNG.
        out[i] = Math.round(Math.min(1, r / total / a) * 255)
        out[i + 1] = Math.round(Math.min(1, g / total / a) * 255)
        out[i + 2] = Math.round(Math.min(1, b / total / a) * 255)
        out[i + 3] = Math.round(a * 255)
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------
// App icon: rounded slate square holding a 3x3 grid of coloured dots.

function appIconShapes(size) {
  // Transparent margin around the square: the macOS icon grid (824 of 1024)
  // for the large master, a little less for small Linux sizes so they stay legible.
  const marginFrac = size >= 512 ? 100 / 1024 : size >= 64 ? 0.0625 : size >= 32 ? 1 / 32 : 0
  const m = size * marginFrac
  const x0 = m, y0 = m, x1 = size - m, y1 = size - m
  const body = x1 - x0
  const radius = body * 0.22

  const top = hex(BG_TOP)
  const bottom = hex(BG_BOTTOM)
  const gradient = (_x, y) => {
    const t = Math.min(1, Math.max(0, (y - y0) / body))
    return [
      top[0] + (bottom[0] - top[0]) * t,
      top[1] + (bottom[1] - top[1]) * t,
      top[2] + (bottom[2] - top[2]) * t,
      1,
    ]
  }
  const shapes = [roundRect(x0, y0, x1, y1, radius, gradient)]

  // A faint light rim along the edge gives the square some definition on
  // dark desktops; too thin to matter below 64 px, so skipped there.
  if (size >= 64) {
    const rim = Math.max(1, body * 0.006)
    shapes.push(
      minus(
        roundRect(x0, y0, x1, y1, radius, solid('#ffffff', 0.07)),
        roundRect(x0 + rim, y0 + rim, x1 - rim, y1 - rim, radius - rim, solid('#ffffff')),
      ),
    )
  }

  // Dots: slightly larger relative to the square at tiny sizes.
  const pitch = body * 0.262
  const dotR = body * (size <= 32 ? 0.108 : 0.098)
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  PALETTE.forEach((colour, i) => {
    const col = i % 3
    const row = Math.floor(i / 3)
    shapes.push(circle(cx + (col - 1) * pitch, cy + (row - 1) * pitch, dotR, solid(colour)))
  })
  return shapes
}

// ---------------------------------------------------------------------------
// Tray glyph: stopwatch = ring + centre dot + stem with a crown on top.
// Designed on a 16-unit grid, scaled by `scale` (1 for 16 px, 2 for 32 px).
// Straight edges sit on whole units so the 16 px version stays crisp.

function trayShapes(scale, colourHex) {
  const s = scale
  const c = solid(colourHex)
  const cx = 8 * s
  const cy = 9 * s
  const rOuter = 6 * s
  // 2 px at 16 px reads better than 1.5 (whose inner edge would fall mid-pixel); 3 px at 32 px.
  const stroke = scale === 1 ? 2 : 1.5 * s
  return [
    ring(cx, cy, rOuter, rOuter - stroke, c),
    circle(cx, cy, 2 * s, c),
    // stem from the ring up to the crown
    roundRect(7 * s, 1.5 * s, 9 * s, 3.5 * s, 0, c),
    // crown (button) on top
    roundRect(5 * s, 0, 11 * s, 2 * s, 0.5 * s, c),
  ]
}

// ---------------------------------------------------------------------------

function write(relPath, size, shapes, samples) {
  const file = join(RESOURCES, relPath)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, encodePng(size, size, render(size, shapes, samples)))
  console.log(`wrote resources/${relPath} (${size}x${size})`)
}

write('icon.png', 1024, appIconShapes(1024), 4)
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  write(`icons/${size}x${size}.png`, size, appIconShapes(size), size <= 64 ? 8 : 4)
}
for (const [suffix, scale] of [['', 1], ['@2x', 2]]) {
  const size = 16 * scale
  write(`tray/tray${suffix}.png`, size, trayShapes(scale, TRAY_LIGHT), 8)
  write(`tray/trayTemplate${suffix}.png`, size, trayShapes(scale, TRAY_TEMPLATE), 8)
}
