import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

/*
 * Placeholder key art for the sample shows: abstract gradients with horizontal bands, generated so
 * the bundled dataset can carry images without any photograph or third-party artwork.
 */

type Rgb = readonly [number, number, number]

export interface KeyArt {
  /** File name in a `sanity dataset export`'s `images/` folder: `<sha1>-<w>x<h>.png`. */
  fileName: string
  png: Buffer
}

/**
 * A deterministic PNG: a vertical gradient from `top` to `bottom` crossed by `bands` soft bands.
 *
 * @param width pixels
 * @param height pixels
 * @param top colour of the first row
 * @param bottom colour of the last row
 * @param bands number of lighter bands
 */
export function keyArt(width: number, height: number, top: Rgb, bottom: Rgb, bands: number): KeyArt {
  const row = 1 + width * 3
  const raw = Buffer.alloc(row * height)
  for (let y = 0; y < height; y++) {
    const t = y / (height - 1)
    const glow = 0.5 + 0.5 * Math.cos(t * Math.PI * 2 * bands)
    const line = y * row
    raw[line] = 0 // filter: none
    for (let x = 0; x < width; x++) {
      const fade = 0.85 + 0.15 * (x / (width - 1))
      for (let c = 0; c < 3; c++) {
        const base = (top[c] as number) + ((bottom[c] as number) - (top[c] as number)) * t
        raw[line + 1 + x * 3 + c] = Math.min(255, Math.round((base + 40 * glow) * fade))
      }
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
  const sha1 = createHash('sha1').update(png).digest('hex')
  return { fileName: `${sha1}-${width}x${height}.png`, png }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
