/*
 * `npm run dataset:read -- <export.tar.gz|data.ndjson> [--out data.ndjson] [--json]`
 *
 * Reads a `sanity dataset export` archive (or an ndjson file) and reports what is in it: documents by
 * type, drafts, assets and asset references without a binary. `--out` writes the documents as one
 * ndjson file with asset placeholders (`_sanityAsset`) turned back into asset references, ready for
 * `npm run build -- --dataset <file>`.
 */
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { restoreAssetReferences } from '../source/assets.ts'
import { readNdjsonFile } from '../source/ndjson.ts'
import { isPublishedId } from '../source/published.ts'
import type { SanityDocument } from '../source/types.ts'
import { type ExportContents, readExportContents } from './archive.ts'

export interface DatasetSummary {
  file: string
  folder: string | undefined
  documents: number
  published: number
  drafts: number
  byType: Record<string, number>
  assetFiles: number
  missingAssets: string[]
}

/**
 * Reads an export archive or ndjson file, with asset references restored.
 *
 * @param file `.tar.gz`/`.tgz` or `.ndjson`
 */
export async function readDatasetFile(file: string): Promise<ExportContents> {
  if (/\.(tar\.gz|tgz)$/i.test(file)) return readExportContents(file)
  const documents: SanityDocument[] = []
  for await (const { document } of readNdjsonFile(file)) documents.push(restoreAssetReferences(document))
  return { file, name: undefined, documents, assetMap: {}, assetFiles: [], missingAssets: [] }
}

export function summarize(contents: ExportContents): DatasetSummary {
  const byType: Record<string, number> = {}
  let published = 0
  for (const document of contents.documents) {
    if (!isPublishedId(document._id)) continue
    published += 1
    byType[document._type] = (byType[document._type] ?? 0) + 1
  }
  return {
    file: contents.file,
    folder: contents.name,
    documents: contents.documents.length,
    published,
    drafts: contents.documents.length - published,
    byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    assetFiles: contents.assetFiles.length,
    missingAssets: contents.missingAssets,
  }
}

/** Writes documents as ndjson, atomically. */
export async function writeNdjson(documents: readonly SanityDocument[], out: string): Promise<void> {
  const target = resolve(out)
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`)
  const stream = createWriteStream(partial)
  try {
    for (const document of documents) {
      if (!stream.write(`${JSON.stringify(document)}\n`))
        await new Promise<void>((done) => stream.once('drain', () => done()))
    }
    await new Promise<void>((done, fail) =>
      stream.end((error?: Error | null) => (error ? fail(error) : done())),
    )
    await rename(partial, target)
  } catch (error) {
    stream.destroy()
    await rm(partial, { force: true })
    throw error
  }
}

export async function main(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { out: { type: 'string' }, json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    })
    const [file, ...extra] = positionals
    if (file === undefined || extra.length > 0)
      throw new Error('usage: dataset:read <export.tar.gz|data.ndjson> [--out data.ndjson] [--json]')
    const contents = await readDatasetFile(file)
    const summary = summarize(contents)
    if (values.out) await writeNdjson(contents.documents, values.out)
    if (values.json) {
      console.log(JSON.stringify(summary, null, 2))
    } else {
      const types = Object.entries(summary.byType)
        .map(([type, count]) => `${type} ${count}`)
        .join(', ')
      console.log(
        `${file}: ${summary.documents} documents (${summary.published} published, ${summary.drafts} draft or version), ${summary.assetFiles} asset file(s)`,
      )
      console.log(`  published by type: ${types || 'none'}`)
      if (summary.missingAssets.length > 0) {
        console.log(
          `  ${summary.missingAssets.length} referenced asset(s) not in the archive: ${summary.missingAssets.join(', ')}`,
        )
      }
      if (values.out)
        console.log(`  wrote ${values.out}: build it with npm run build -- --dataset ${values.out}`)
    }
    return 0
  } catch (error) {
    console.error(`Read failed: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2))
}
