import { createImageUrlBuilder, type ImageUrlBuilder, type SanityImageSource } from '@sanity/image-url'
import type { Element, ElementContent, Properties } from 'hast'
import { quote } from './context.ts'
import { isRecord, num, type Rec, rec, str, text } from './guards.ts'
import { el, txt } from './hast.ts'
import type { InlineContext } from './marks.ts'
import type { ImageUrlFunction, SanityImageUrlConfig } from './types.ts'
import { checkUrl } from './url.ts'

/** Default `srcset` widths (CSS px). */
export const DEFAULT_IMAGE_WIDTHS: readonly number[] = [320, 480, 640, 800, 1024, 1280, 1600]
/** Default `sizes`: full width on small screens, a 48rem text column otherwise. */
export const DEFAULT_IMAGE_SIZES = '(min-width: 48rem) 48rem, 100vw'
/** The `src` fallback is the largest rendition not wider than this. */
const FALLBACK_WIDTH = 1024
const ASSET_ID = /^image-[A-Za-z0-9]+-(\d+)x(\d+)-[A-Za-z0-9]+$/

interface Crop {
  top: number
  bottom: number
  left: number
  right: number
}
interface Hotspot {
  x: number
  y: number
  width: number
  height: number
}

const builders = new Map<string, ImageUrlBuilder>()

function builderFor(config: SanityImageUrlConfig): ImageUrlBuilder {
  const baseUrl = typeof config.baseUrl === 'string' ? config.baseUrl : undefined
  const key = `${config.projectId}\u0000${config.dataset}\u0000${baseUrl ?? ''}`
  let builder = builders.get(key)
  if (builder === undefined) {
    builder = createImageUrlBuilder(
      baseUrl
        ? { projectId: config.projectId, dataset: config.dataset, baseUrl }
        : { projectId: config.projectId, dataset: config.dataset },
    )
    builders.set(key, builder)
  }
  return builder
}

/**
 * Renders an `image` block as `<figure class="image-figure">` with a responsive `<img>` (`srcset`,
 * `sizes`, `width`/`height` of the `src` rendition so the box is reserved before load, `loading="lazy"`,
 * `decoding="async"`) and an optional `<figcaption>` (caption, then `<small class="image-figure__credit">`).
 * With a Sanity config the crop is applied via `@sanity/image-url` (and the hotspot when `aspectRatio` forces
 * a ratio). Skipped with a warning when no URL can be built or a URL is refused.
 * @param block The `image` block.
 * @param ctx Inline context.
 */
export function renderImage(block: Rec, ctx: InlineContext): Element | undefined {
  const config = ctx.options.imageUrl
  const asset = rec(block, 'asset')
  const ref = asset ? (text(asset, '_ref') ?? text(asset, '_id')) : undefined
  if (ref === undefined) {
    ctx.warn('image-unresolvable', 'Image block without asset reference skipped')
    return undefined
  }
  const source = readSource(block, asset as Rec, ref)
  let urlFor: ((width: number, height: number | undefined) => string | undefined) | undefined
  let ratio: number | undefined = source.size ? source.size.width / source.size.height : undefined
  if (typeof config === 'function') {
    const fn: ImageUrlFunction = config
    urlFor = (width) => fn(block, width)
  } else if (isRecord(config) && typeof config.projectId === 'string' && typeof config.dataset === 'string') {
    const builder = builderFor(config)
    const forced = config.aspectRatio
    const fixed = typeof forced === 'number' && Number.isFinite(forced) && forced > 0
    if (fixed) ratio = forced
    urlFor = sanityUrls(builder, source.image, fixed)
  }
  if (urlFor === undefined) {
    ctx.warn('image-unresolvable', `Image ${quote(ref)} skipped: no imageUrl configured`)
    return undefined
  }
  // Never wider than the source: with a forced ratio the usable width is also bounded by the height.
  let maxWidth = source.size?.width
  if (source.size && ratio !== undefined)
    maxWidth = Math.min(source.size.width, Math.floor(source.size.height * ratio))
  const widths = renditionWidths(ctx.options.imageWidths, maxWidth)
  const candidates: string[] = []
  let src: string | undefined
  let srcWidth = 0
  for (const width of widths) {
    const height = ratio === undefined ? undefined : Math.max(1, Math.round(width / ratio))
    let raw: string | undefined
    try {
      raw = urlFor(width, height)
    } catch (error) {
      ctx.warn('image-unresolvable', `Image ${quote(ref)} skipped: ${quote(String(error), 120)}`)
      return undefined
    }
    const url = checkUrl(raw, true)
    if (url === undefined) {
      ctx.warn('unsafe-url', `Image ${quote(ref)} skipped: URL ${quote(String(raw))} refused`)
      return undefined
    }
    // In `srcset` a URL ends at whitespace and loses trailing commas: encode those two.
    let href = url.href
    if (href.includes(' ')) href = href.replace(/ /g, '%20')
    if (href.endsWith(',')) href = href.replace(/,+$/, (c) => '%2C'.repeat(c.length))
    candidates.push(`${href} ${width}w`)
    if (src === undefined || width <= FALLBACK_WIDTH) {
      src = url.href
      srcWidth = width
    }
  }
  if (src === undefined) return undefined
  let alt = str(block, 'alt')
  if (alt === undefined || alt.trim() === '') {
    ctx.warn('missing-alt', `Image ${quote(ref)} has no alt text; rendered as decorative (alt="")`)
    alt = ''
  }
  const properties: Properties = { src }
  if (candidates.length > 1) {
    properties.srcSet = candidates.join(', ')
    properties.sizes = sizesOption(ctx.options.imageSizes)
  }
  if (ratio !== undefined) {
    properties.width = srcWidth
    properties.height = Math.max(1, Math.round(srcWidth / ratio))
  }
  properties.alt = alt
  properties.loading = 'lazy'
  properties.decoding = 'async'
  const children: ElementContent[] = [el('img', properties, [])]
  const caption = text(block, 'caption')
  const credit = text(block, 'credit')
  if (caption !== undefined || credit !== undefined) {
    const parts: ElementContent[] = []
    if (caption !== undefined) parts.push(txt(caption))
    if (credit !== undefined) {
      if (caption !== undefined) parts.push(txt(' '))
      parts.push(el('small', { className: ['image-figure__credit'] }, [txt(credit)]))
    }
    children.push(el('figcaption', {}, parts))
  }
  return el('figure', { className: ['image-figure'] }, children)
}

function sizesOption(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : DEFAULT_IMAGE_SIZES
}

/** Configured widths (positive integers, ascending), none wider than the source; the source width added. */
function renditionWidths(configured: unknown, sourceWidth: number | undefined): number[] {
  let widths = DEFAULT_IMAGE_WIDTHS
  if (Array.isArray(configured)) {
    const valid = configured.filter((w): w is number => typeof w === 'number' && Number.isInteger(w) && w > 0)
    if (valid.length) widths = [...new Set(valid)].sort((a, b) => a - b)
  }
  if (sourceWidth === undefined) return widths.slice()
  const fitting = widths.filter((w) => w <= sourceWidth)
  const largest = fitting[fitting.length - 1]
  if (largest === undefined || (largest < sourceWidth && widths.some((w) => w > sourceWidth))) {
    fitting.push(sourceWidth)
  }
  return fitting
}

/**
 * URL factory for one Sanity image. The builder (crop → `rect`, plus the hotspot when w and h are both
 * set) runs once, for the first rendition; the others substitute their `w`/`h` into that URL. The `rect`
 * depends only on the aspect ratio, so every rendition shows the same crop; building is ~7× cheaper.
 */
function sanityUrls(
  builder: ImageUrlBuilder,
  image: SanityImageSource,
  fixed: boolean,
): (width: number, height: number | undefined) => string {
  const build = (width: number, height: number | undefined) => {
    let b = builder.image(image).width(width)
    if (fixed && height !== undefined) b = b.height(height)
    return b.auto('format').url()
  }
  // The first URL split around its w (and h) values: [before w, between w and h, after].
  let parts: [string, string, string] | undefined
  return (width, height) => {
    if (parts !== undefined) return `${parts[0]}${width}${parts[1]}${fixed ? height : ''}${parts[2]}`
    const url = build(width, height)
    const w = paramValueAt(url, 'w', String(width))
    const h = fixed ? paramValueAt(url, 'h', String(height)) : -1
    // Unexpected URL shape: keep building every rendition.
    if (w < 0 || (fixed && h < w)) return url
    const afterW = w + String(width).length
    parts = fixed
      ? [url.slice(0, w), url.slice(afterW, h), url.slice(h + String(height).length)]
      : [url.slice(0, w), '', url.slice(afterW)]
    return url
  }
}

/** Index where the value of query parameter `name=value` starts, or -1. */
function paramValueAt(url: string, name: string, value: string): number {
  for (const lead of ['?', '&']) {
    const needle = `${lead}${name}=${value}`
    let at = url.indexOf(needle)
    while (at > -1) {
      const end = at + needle.length
      if (end === url.length || url.charCodeAt(end) === 38) return at + lead.length + name.length + 1
      at = url.indexOf(needle, at + 1)
    }
  }
  return -1
}

interface Source {
  image: SanityImageSource
  /** Size of the visible (cropped) image in px, when known. */
  size: { width: number; height: number } | undefined
}

function readSource(block: Rec, asset: Rec, ref: string): Source {
  const crop = readCrop(rec(block, 'crop'))
  const hotspot = readHotspot(rec(block, 'hotspot'))
  const image: { asset: { _ref: string }; crop?: Crop; hotspot?: Hotspot } = { asset: { _ref: ref } }
  if (crop) image.crop = crop
  if (hotspot) image.hotspot = hotspot
  let size = assetSize(asset, ref)
  if (size && crop) {
    size = {
      width: Math.max(1, Math.round(size.width * (1 - crop.left - crop.right))),
      height: Math.max(1, Math.round(size.height * (1 - crop.top - crop.bottom))),
    }
  }
  return { image, size }
}

function assetSize(asset: Rec, ref: string): { width: number; height: number } | undefined {
  const match = ASSET_ID.exec(ref)
  if (match) {
    const width = Number(match[1])
    const height = Number(match[2])
    if (width > 0 && height > 0) return { width, height }
  }
  // An expanded asset (`asset->`) carries metadata.dimensions.
  const dims = rec(rec(asset, 'metadata') ?? {}, 'dimensions')
  const width = dims ? num(dims, 'width') : undefined
  const height = dims ? num(dims, 'height') : undefined
  return width && height && width > 0 && height > 0 ? { width, height } : undefined
}

function unit(r: Rec, key: string): number | undefined {
  const v = num(r, key)
  return v !== undefined && v >= 0 && v <= 1 ? v : undefined
}

function readCrop(r: Rec | undefined): Crop | undefined {
  if (!r) return undefined
  const crop = {
    top: unit(r, 'top'),
    bottom: unit(r, 'bottom'),
    left: unit(r, 'left'),
    right: unit(r, 'right'),
  }
  const { top, bottom, left, right } = crop
  if (top === undefined || bottom === undefined || left === undefined || right === undefined) return undefined
  if (top + bottom >= 1 || left + right >= 1) return undefined
  return { top, bottom, left, right }
}

function readHotspot(r: Rec | undefined): Hotspot | undefined {
  if (!r) return undefined
  const x = unit(r, 'x')
  const y = unit(r, 'y')
  const width = unit(r, 'width')
  const height = unit(r, 'height')
  if (x === undefined || y === undefined || !width || !height) return undefined
  return { x, y, width, height }
}
