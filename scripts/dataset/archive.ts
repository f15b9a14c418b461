/**
 * `sanity dataset export` archives: writing one from a dataset file, and reading one back whole
 * (documents with asset references restored, `assets.json`, and the asset files it carries).
 *
 * Layout (what `sanity dataset export` produces, and `sanity dataset import` accepts):
 *   <name>/data.ndjson     one document per line, asset fields as `_sanityAsset` placeholders
 *   <name>/assets.json     asset metadata, keyed `image-<sha1>` / `file-<sha1>`
 *   <name>/images/         image binaries, `<sha1>-<w>x<h>.<ext>`
 *   <name>/files/          file binaries, `<sha1>.<ext>`
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { extract, pack } from 'tar-stream'
import {
  ASSET_DOCUMENT_TYPES,
  assetIdFromPath,
  assetMapEntry,
  assetPath,
  isAssetId,
  restoreAssetReferences,
  toAssetPlaceholders,
} from '../source/assets.ts'
import { type LoadedDocument, parseNdjson, readNdjsonFile } from '../source/ndjson.ts'
import { isPublishedId } from '../source/published.ts'
import { readExportArchive } from '../source/tarball.ts'
import { DatasetError, type SanityDocument } from '../source/types.ts'

export interface WriteExportOptions {
  /** Dataset to export: ndjson, or another export archive. */
  dataset: string
  /** The `.tar.gz` to write; replaced atomically. */
  out: string
  /** Folder name inside the archive (default `<datasetName>-export-<timestamp>`, like the Sanity CLI). */
  name?: string
  /** Used for the default folder name (default `production`). */
  datasetName?: string
  /**
   * Folder with asset binaries in export layout (`images/`, `files/`), e.g. an unpacked export. Assets
   * found there are packed and their references rewritten to placeholders. Default: the dataset's
   * folder when it has an `images/` folder; otherwise asset references are kept as they are.
   */
  assets?: string
  /** Include drafts and release versions (default true, like `sanity dataset export`). */
  drafts?: boolean
  /** Entry timestamps (default now). */
  mtime?: Date
}

export interface WriteExportResult {
  out: string
  name: string
  documents: number
  drafts: number
  assets: number
  /** Referenced assets with no binary in `assets` (their references were left as they were). */
  missingAssets: string[]
}

async function hasImagesBeside(dataset: string): Promise<string | undefined> {
  const dir = dirname(resolve(dataset))
  try {
    return (await stat(join(dir, 'images'))).isDirectory() ? dir : undefined
  } catch {
    return undefined
  }
}

/**
 * Writes a dataset as a `sanity dataset export`-shaped `.tar.gz`.
 *
 * @param options source, destination and what to include
 */
export async function writeExportArchive(options: WriteExportOptions): Promise<WriteExportResult> {
  const mtime = options.mtime ?? new Date()
  const name = options.name ?? `${options.datasetName ?? 'production'}-export-${slugDate(mtime)}`
  if (!/^[\w.-]+$/.test(name))
    throw new Error(`archive folder name "${name}" must be letters, digits, ".", "_" or "-"`)
  const includeDrafts = options.drafts ?? true
  const out = resolve(options.out)
  const work = await mkdtemp(join(tmpdir(), 'reel-export-'))
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`)

  try {
    // Like an unpacked export, a dataset file may keep its binaries in `images/` beside it.
    const assetsDir = options.assets ?? (await hasImagesBeside(options.dataset))
    const available = assetsDir ? await listAssets(assetsDir) : new Map<string, string>()
    const availableIds = new Set(available.keys())
    const rewrite = assetsDir !== undefined
    const assetMap: Record<string, Record<string, unknown>> = {}
    const packed = new Set<string>()
    const missing = new Set<string>()
    const seen = new Set<string>()
    let documents = 0
    let drafts = 0

    // Pass 1: documents to a temporary data.ndjson (a tar entry needs its size up front).
    const dataFile = join(work, 'data.ndjson')
    const data = createWriteStream(dataFile)
    try {
      for await (const { document, line } of readDocuments(options.dataset)) {
        if (seen.has(document._id)) {
          throw new DatasetError('duplicate _id', { file: options.dataset, line, documentId: document._id })
        }
        seen.add(document._id)
        if (!isPublishedId(document._id)) {
          if (!includeDrafts) continue
          drafts += 1
        }
        if (
          rewrite &&
          (ASSET_DOCUMENT_TYPES as readonly string[]).includes(document._type) &&
          available.has(document._id)
        ) {
          const entry = assetMapEntry(document)
          if (entry) assetMap[entry[0]] = entry[1]
          continue
        }
        let output = document
        if (rewrite) {
          const referenced = new Set<string>()
          collectAssetRefs(document, referenced)
          for (const id of referenced) if (available.has(id)) packed.add(id)
          output = toAssetPlaceholders(document, availableIds, missing)
        }
        documents += 1
        if (!data.write(`${JSON.stringify(output)}\n`))
          await new Promise<void>((done) => data.once('drain', () => done()))
      }
    } finally {
      await new Promise<void>((done, fail) =>
        data.end((error?: Error | null) => (error ? fail(error) : done())),
      )
    }
    if (documents === 0)
      throw new DatasetError('dataset is empty: no documents found', { file: options.dataset })

    // Pass 2: the archive.
    const archive = pack()
    const archived = pipeline(archive, createGzip(), createWriteStream(partial))
    // Observed here, awaited below: a write error must not surface as an unhandled rejection meanwhile.
    archived.catch(() => {})
    const header = { mtime, mode: 0o644 }
    const dir = { mtime, mode: 0o755, type: 'directory' as const }
    await addFile(archive, `${name}/data.ndjson`, dataFile, header)
    archive.entry({ ...header, name: `${name}/assets.json` }, `${JSON.stringify(assetMap)}\n`)
    archive.entry({ ...dir, name: `${name}/files/` })
    archive.entry({ ...dir, name: `${name}/images/` })
    for (const id of [...packed].sort()) {
      await addFile(archive, `${name}/${assetPath(id)}`, available.get(id) as string, header)
    }
    archive.finalize()
    await archived
    await rename(partial, out)
    return { out, name, documents, drafts, assets: packed.size, missingAssets: [...missing].sort() }
  } catch (error) {
    await rm(partial, { force: true })
    throw error
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

export interface ExportContents {
  file: string
  /** Folder name inside the archive. */
  name: string | undefined
  /** Every document of data.ndjson, drafts included, asset placeholders turned back into references. */
  documents: SanityDocument[]
  /** `assets.json`, or empty. */
  assetMap: Record<string, unknown>
  /** Asset ids of the binaries in `images/` and `files/`. */
  assetFiles: string[]
  /** Asset ids referenced by documents without a binary in the archive. */
  missingAssets: string[]
}

/**
 * Reads a whole export archive. Documents keep their file order; asset binaries are listed, not kept.
 *
 * @param file `.tar.gz` from `sanity dataset export` or {@link writeExportArchive}
 */
export async function readExportContents(file: string): Promise<ExportContents> {
  const entries = extract()
  const reading = pipeline(createReadStream(file), createGunzip(), entries)
  const documents: SanityDocument[] = []
  const assetFiles: string[] = []
  let assetMap: Record<string, unknown> = {}
  let name: string | undefined
  let foundData = false
  try {
    for await (const entry of entries) {
      const path = entry.header.name.replace(/^\.\//, '')
      const [folder, ...rest] = path.split('/')
      const inner = rest.join('/')
      if (entry.header.type !== 'file') {
        entry.resume()
        continue
      }
      if (/(^|\/)data\.ndjson$/.test(path) && !foundData) {
        foundData = true
        name = rest.length > 0 ? folder : undefined
        for await (const { document } of parseNdjson(entry as AsyncIterable<Buffer>, `${file}#${path}`)) {
          documents.push(restoreAssetReferences(document))
        }
      } else if (/(^|\/)assets\.json$/.test(path)) {
        const chunks: Buffer[] = []
        for await (const chunk of entry) chunks.push(chunk as Buffer)
        try {
          assetMap = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
        } catch (error) {
          throw new DatasetError(`assets.json is not JSON (${(error as Error).message})`, { file })
        }
      } else {
        const id = assetIdFromPath(inner) ?? assetIdFromPath(path)
        if (id) assetFiles.push(id)
        entry.resume()
      }
    }
    await reading
  } catch (error) {
    if (error instanceof DatasetError) throw error
    throw new DatasetError(`cannot read archive: ${(error as Error).message} (truncated or not a .tar.gz?)`, {
      file,
    })
  }
  if (!foundData)
    throw new DatasetError('archive has no data.ndjson (is it a `sanity dataset export` file?)', { file })
  const inArchive = new Set(assetFiles)
  const referenced = new Set<string>()
  for (const document of documents) collectAssetRefs(document, referenced)
  const assetDocuments = new Set(documents.map((document) => document._id))
  const missingAssets = [...referenced].filter((id) => !inArchive.has(id) && !assetDocuments.has(id)).sort()
  return { file, name, documents, assetMap, assetFiles: assetFiles.sort(), missingAssets }
}

async function* readDocuments(file: string): AsyncGenerator<LoadedDocument> {
  if (!/\.(tar\.gz|tgz)$/i.test(file)) {
    yield* readNdjsonFile(file)
    return
  }
  for await (const loaded of readExportArchive(file)) {
    yield { ...loaded, document: restoreAssetReferences(loaded.document) }
  }
}

/** Asset binaries in export layout under `dir`, by asset id. */
async function listAssets(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const kind of ['images', 'files']) {
    let names: string[] = []
    try {
      names = await readdir(join(dir, kind))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    for (const name of names) {
      const id = assetIdFromPath(`${kind}/${name}`)
      if (id && isAssetId(id)) found.set(id, join(dir, kind, name))
    }
  }
  return found
}

async function addFile(
  archive: ReturnType<typeof pack>,
  name: string,
  path: string,
  header: { mtime: Date; mode: number },
): Promise<void> {
  const { size } = await stat(path)
  await pipeline(createReadStream(path), archive.entry({ ...header, name, size }))
}

function collectAssetRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAssetRefs(item, into)
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const ref = (record.asset as { _ref?: unknown } | undefined)?._ref
    if (typeof ref === 'string' && isAssetId(ref)) into.add(ref)
    for (const child of Object.values(record)) collectAssetRefs(child, into)
  }
}

/** `2026-11-30T09:00:00.000Z` → `2026-11-30t09-00-00-000z`, as in Sanity CLI export names. */
function slugDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[^a-z0-9]/gi, '-')
    .toLowerCase()
}
