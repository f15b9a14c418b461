/**
 * Asset references in `sanity dataset export` archives.
 *
 * In a project, an image field holds a reference to an asset document:
 *   `{"_type": "image", "asset": {"_type": "reference", "_ref": "image-<sha1>-<w>x<h>-<ext>"}, "alt": ...}`
 * The export downloads the binary to `images/<sha1>-<w>x<h>.<ext>` (files: `files/<sha1>.<ext>`),
 * leaves the asset documents out of `data.ndjson` (their metadata goes to `assets.json`) and rewrites
 * the field to a placeholder that `sanity dataset import` uploads again:
 *   `{"_sanityAsset": "image@file://./images/<sha1>-<w>x<h>.<ext>", "_type": "image", "alt": ...}`
 * These helpers convert both ways, so an export builds with its image references intact and the
 * bundled dataset can be written in the same shape.
 */
import type { SanityDocument } from './types.ts'

const ASSET_KEY = '_sanityAsset'
const ASSET_ID = /^(image-[a-f0-9]{40}-\d+x\d+-[a-z]+|file-[a-f0-9]{40}-[a-z0-9]+)$/
const PLACEHOLDER = /^(image|file)@file:\/\/\.\/(images|files)\/([^/]+)$/

/** Asset document types; an export lists them in `assets.json` instead of `data.ndjson`. */
export const ASSET_DOCUMENT_TYPES = ['sanity.imageAsset', 'sanity.fileAsset'] as const

/** Properties an export leaves out of `assets.json` (they are rebuilt on import). */
const NOT_IN_ASSET_MAP = new Set([
  '_id',
  '_type',
  'assetId',
  'extension',
  'mimeType',
  'path',
  'uploadId',
  'url',
])

/** True for `image-<sha1>-<w>x<h>-<ext>` and `file-<sha1>-<ext>` ids. */
export function isAssetId(id: string): boolean {
  return ASSET_ID.test(id)
}

/**
 * Where an export stores an asset's binary, relative to the archive folder (the same names
 * `@sanity/export` gives them).
 *
 * @param assetId `image-<sha1>-<w>x<h>-<ext>` or `file-<sha1>-<ext>`
 * @returns e.g. `images/<sha1>-<w>x<h>.<ext>`
 */
export function assetPath(assetId: string): string {
  const match = /^(image|file)-(.*?)(-[a-z]+)?$/.exec(assetId)
  const kind = match?.[1] ?? 'file'
  const stem = match?.[2]
  const extension = (match?.[3] ?? '-bin').slice(1)
  return `${kind}s/${stem ? `${stem}.${extension}` : `${assetId}.bin`}`
}

/**
 * The asset id behind an export file name (inverse of {@link assetPath}).
 *
 * @param path `images/<name>` or `files/<name>`
 */
export function assetIdFromPath(path: string): string | undefined {
  const match = /^(images|files)\/(.+)\.([a-z0-9]+)$/.exec(path)
  if (!match) return undefined
  const kind = match[1] === 'images' ? 'image' : 'file'
  const stem = match[2] ?? ''
  const extension = match[3] ?? ''
  // Extensions with digits (mp4) are stored as `<sha1>-mp4.bin` by the exporter.
  if (extension === 'bin' && stem.includes('-') && kind === 'file') return `file-${stem}`
  return `${kind}-${stem}-${extension}`
}

/**
 * Replaces export placeholders (`_sanityAsset: "image@file://./images/..."`) with asset references.
 * Placeholders pointing elsewhere (URLs) are left alone. Returns the same object when nothing changed.
 *
 * @param document a document from an export's `data.ndjson`
 */
export function restoreAssetReferences<T extends SanityDocument>(document: T): T {
  return restore(document, 0) as T
}

// Asset fields sit a few levels deep; anything nested deeper is left as is (validation rejects
// documents nested past its own limit), which keeps hostile nesting from exhausting the stack.
const MAX_DEPTH = 64

function restore(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    let changed = false
    const next = value.map((item) => {
      const restored = restore(item, depth + 1)
      if (restored !== item) changed = true
      return restored
    })
    return changed ? next : value
  }
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const placeholder = record[ASSET_KEY]
  const match = typeof placeholder === 'string' ? PLACEHOLDER.exec(placeholder) : null
  const assetId = match ? assetIdFromPath(`${match[2]}/${match[3]}`) : undefined

  let changed = assetId !== undefined
  const next: Record<string, unknown> = {}
  const reference = { _type: 'reference', _ref: assetId }
  if (assetId !== undefined && !('_type' in record)) next.asset = reference
  for (const [key, child] of Object.entries(record)) {
    if (key === ASSET_KEY && assetId !== undefined) continue
    const restored = restore(child, depth + 1)
    if (restored !== child) changed = true
    next[key] = restored
    if (key === '_type' && assetId !== undefined) next.asset = reference
  }
  return changed ? next : value
}

/**
 * Rewrites asset references to export placeholders, for the assets whose binaries are at hand.
 *
 * @param document a document as stored in the project
 * @param available asset ids whose binaries go into the archive
 * @param missing collects referenced asset ids that are not available (their references stay as they are)
 */
export function toAssetPlaceholders<T extends SanityDocument>(
  document: T,
  available: ReadonlySet<string>,
  missing: Set<string>,
): T {
  return placeholders(document, available, missing) as T
}

function placeholders(value: unknown, available: ReadonlySet<string>, missing: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => placeholders(item, available, missing))
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const ref = (record.asset as { _ref?: unknown } | undefined)?._ref
  const isAssetField = typeof ref === 'string' && isAssetId(ref)
  if (isAssetField && !available.has(ref)) missing.add(ref)
  const rewrite = isAssetField && available.has(ref)

  const next: Record<string, unknown> = {}
  if (rewrite) next[ASSET_KEY] = `${ref.startsWith('image-') ? 'image' : 'file'}@file://./${assetPath(ref)}`
  for (const [key, child] of Object.entries(record)) {
    if (rewrite && key === 'asset') continue
    next[key] = placeholders(child, available, missing)
  }
  return next
}

/**
 * The `assets.json` entry for an asset document: its metadata without the properties an import
 * recomputes, keyed `image-<sha1>` / `file-<sha1>` like the exporter does.
 */
export function assetMapEntry(document: SanityDocument): [string, Record<string, unknown>] | undefined {
  const match = /^(image|file)-([a-f0-9]{40})-/.exec(document._id)
  if (!match) return undefined
  const metadata: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(document)) if (!NOT_IN_ASSET_MAP.has(key)) metadata[key] = value
  return [`${match[1]}-${match[2]}`, metadata]
}
