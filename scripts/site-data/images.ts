import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Element } from 'hast'
import type { ImageUrlFunction, RichTextOptions, RichTextWarning } from '../richtext/index.ts'
import { renderImage } from '../richtext/lib/block-image.ts'
import { createContext } from '../richtext/lib/context.ts'
import type { InlineContext } from '../richtext/lib/marks.ts'
import { assetPath, restoreAssetReferences } from '../source/assets.ts'
import type { SanityDocument } from '../source/types.ts'
import type { ImageView } from './types.ts'

/*
 * Images come from Sanity's image CDN when the site is built from a project (a `srcset` of renditions
 * through @sanity/image-url, crop and hotspot applied), and from files beside the dataset when it is
 * built from a file: `<dataset folder>/images/<sha1>-<w>x<h>.<ext>`, the layout of a
 * `sanity dataset export`, published at `/images/`. Both go through the rich-text image renderer, so
 * body images, key art and portraits share one URL policy and one `srcset` builder.
 */

/** Rich-text image settings, also used for key art and portraits. */
export type ImageOptions = Pick<RichTextOptions, 'imageUrl' | 'imageWidths'>

export interface ImageSetup {
  options: ImageOptions
  /** Folder whose files are published under `/images/` (file datasets only). */
  localDir?: string | undefined
  /** File names in `localDir`. */
  localFiles: ReadonlySet<string>
}

/** `sizes` of key art (the text column: 42rem less padding) and of portraits (8rem wide). */
export const KEY_ART_SIZES = '(min-width: 42rem) 40rem, calc(100vw - 2rem)'
export const PORTRAIT_SIZES = '8rem'

/** Where local image files are published. */
export const LOCAL_IMAGE_PREFIX = '/images/'

/**
 * A local file has a single size: asking for a width above any real image makes the renderer use the
 * source width alone (one `src`, no `srcset`), with `width`/`height` from the asset id.
 */
const SINGLE_RENDITION: readonly number[] = [Number.MAX_SAFE_INTEGER]

const SANITY_ORIGIN = /^sanity:([a-z0-9][-a-z0-9]*)\/(~?[a-z0-9][-\w]*)$/i

/**
 * Image settings for a content origin: `sanity:<projectId>/<dataset>` uses the project's image CDN;
 * anything else is a dataset file, whose images are looked up in the `images/` folder beside it.
 *
 * @param origin the build's origin (`sanity:<projectId>/<dataset>` or the dataset file)
 */
export async function imageSetupFor(origin: string): Promise<ImageSetup> {
  const live = SANITY_ORIGIN.exec(origin)
  if (live) {
    return sameSetupWhile(origin, () => ({
      options: { imageUrl: { projectId: live[1] as string, dataset: live[2] as string } },
      localFiles: new Set(),
    }))
  }
  const localDir = join(dirname(origin), 'images')
  const names = await listFiles(localDir)
  return sameSetupWhile(`${origin}\u0000${names.join('\u0000')}`, () => {
    const localFiles = new Set(names)
    return {
      options: { imageUrl: localImageUrl(localFiles), imageWidths: SINGLE_RENDITION },
      localDir: localFiles.size > 0 ? localDir : undefined,
      localFiles,
    }
  })
}

/**
 * The last setup again while its key (origin and image files) is the same: site data made from the
 * same setup object can be kept by the next build (scripts/site-data/memo.ts).
 */
function sameSetupWhile(key: string, make: () => ImageSetup): ImageSetup {
  if (lastSetup?.key !== key) lastSetup = { key, setup: make() }
  return lastSetup.setup
}

let lastSetup: { key: string; setup: ImageSetup } | undefined

/**
 * URL builder for images stored as files: `image-<sha1>-<w>x<h>-<ext>` → `/images/<sha1>-<w>x<h>.<ext>`.
 * Images without a file are left out: the renderer skips them with an `image-unresolvable` warning
 * naming the missing file.
 *
 * @param files the file names that exist
 */
export function localImageUrl(files: ReadonlySet<string>): ImageUrlFunction {
  return (image) => {
    const ref = (image.asset as { _ref?: unknown } | undefined)?._ref
    if (typeof ref !== 'string' || !ref.startsWith('image-')) throw new Error('not an image asset reference')
    const path = assetPath(ref)
    const name = path.slice('images/'.length)
    if (!files.has(name)) throw new Error(`no file ${path} beside the dataset`)
    return `${LOCAL_IMAGE_PREFIX}${name}`
  }
}

/**
 * Copies the local image files into the built site.
 *
 * @param setup from {@link imageSetupFor}
 * @param outDir the site being built
 */
export async function publishLocalImages(setup: ImageSetup, outDir: string): Promise<number> {
  if (!setup.localDir) return 0
  const target = join(outDir, LOCAL_IMAGE_PREFIX)
  await mkdir(target, { recursive: true })
  for (const name of setup.localFiles) await copyFile(join(setup.localDir, name), join(target, name))
  return setup.localFiles.size
}

/**
 * An `imageWithAlt` field (key art, portrait, SEO image) as an `<img>` description: `src`, `srcset`
 * and `sizes` from the same renderer as body images, `width`/`height` so the box is reserved before
 * the image loads.
 *
 * @param field the field as the query returned it
 * @param options from {@link imageSetupFor}
 * @param sizes the `sizes` attribute for where the image is shown
 * @param onWarning receives missing-alt and unresolvable-image warnings
 */
export function imageView(
  field: unknown,
  options: ImageOptions | undefined,
  sizes: string,
  onWarning?: (warning: RichTextWarning) => void,
): ImageView | undefined {
  if (typeof field !== 'object' || field === null || !options?.imageUrl) return undefined
  // A field straight from an export file still holds the export's `_sanityAsset` placeholder.
  const record = restoreAssetReferences(field as SanityDocument) as Record<string, unknown>
  if (typeof record.asset !== 'object' || record.asset === null) return undefined
  const ctx = createContext({
    ...options,
    imageSizes: sizes,
    onWarning: onWarning ?? (() => {}),
  }) as InlineContext
  ctx.siteHost = undefined
  const figure = renderImage({ ...record, _type: 'image' }, ctx)
  const img = figure?.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'img',
  )
  if (!img) return undefined
  const { src, srcSet, sizes: sizesAttr, width, height, alt } = img.properties
  if (typeof src !== 'string' || typeof width !== 'number' || typeof height !== 'number') return undefined
  return {
    src,
    srcset: typeof srcSet === 'string' ? srcSet : undefined,
    sizes: typeof srcSet === 'string' && typeof sizesAttr === 'string' ? sizesAttr : undefined,
    width,
    height,
    alt: typeof alt === 'string' ? alt : '',
  }
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries
      .filter((entry) => entry.isFile() && /^[a-f0-9]{40}-\d+x\d+\.[a-z]+$/.test(entry.name))
      .map((entry) => entry.name)
      .sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}
