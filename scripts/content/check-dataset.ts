/**
 * Dry-run `sanity dataset import` for content/data.ndjson, offline.
 *
 *   npx node scripts/content/check-dataset.ts [path/to/data.ndjson]
 *
 * Feeds the file through the same @sanity/import pipeline the CLI uses (stream parsing, id
 * validation, duplicate-id check, key assignment, reference weakening/strengthening), with a fake
 * client that records the mutations instead of sending them. Fails if the importer rejects the file
 * or would have to invent `_key`s (meaning an array item is missing one).
 */
import { createReadStream, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sanityImport } from '@sanity/import'
import { assetIdFromPath } from '../source/assets.ts'

export interface DryRunResult {
  numDocs: number
  createdIds: string[]
  strengthenedIds: string[]
  /** documents whose content the importer changed other than weakening refs (e.g. added _keys) */
  changedIds: string[]
  /** Asset ids the importer uploaded. */
  uploads: string[]
}

interface Mutation {
  kind: string
  id: string
  doc?: Record<string, unknown>
}

function stripWeak(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripWeak)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      if (key !== '_weak') out[key] = stripWeak(v)
    }
    return out
  }
  return value
}

/**
 * JSON with sorted keys and without asset placeholders: the importer creates a document without
 * its `_sanityAsset` fields and patches the uploaded asset in afterwards.
 */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === '_sanityAsset') return undefined
    return v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v
  })
}

export async function dryRunImport(file: string): Promise<DryRunResult> {
  const original = new Map<string, string>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const doc = JSON.parse(line) as { _id: string }
    original.set(doc._id, canonical(doc))
  }

  const committed: Mutation[] = []
  const uploads: string[] = []
  const makeTransaction = () => {
    const pending: Mutation[] = []
    const trx = {
      create(doc: Record<string, unknown>) {
        pending.push({ kind: 'create', id: String(doc._id), doc: structuredClone(doc) })
        return trx
      },
      createIfNotExists(doc: Record<string, unknown>) {
        return trx.create(doc)
      },
      createOrReplace(doc: Record<string, unknown>) {
        return trx.create(doc)
      },
      patch(id: string, _fn: unknown) {
        pending.push({ kind: 'patch', id })
        return trx
      },
      async commit() {
        committed.push(...pending)
        return {
          results: pending.map((m) => ({ id: m.id, operation: m.kind === 'create' ? 'create' : 'update' })),
        }
      },
    }
    return trx
  }
  const client = {
    config: () => ({
      token: 'dry-run',
      projectId: 'dryrun',
      dataset: 'production',
      apiVersion: '2025-01-01',
    }),
    withConfig: () => client,
    fetch: async () => [],
    transaction: makeTransaction,
    datasets: { list: async () => [{ name: 'production' }] },
    assets: {
      // The bundled images are uploaded under the id their export file name encodes.
      upload: async (_type: string, _body: unknown, options: { filename?: string }) => {
        const id = assetIdFromPath(`images/${options.filename ?? ''}`)
        if (!id) throw new Error(`dry run: unexpected asset file name ${options.filename}`)
        uploads.push(id)
        return { _id: id, document: { _id: id } }
      },
    },
  }

  const result = await sanityImport(createReadStream(file), {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately minimal fake of @sanity/client
    client: client as any,
    operation: 'create',
    assetsBase: dirname(resolve(file)),
  })

  const creates = committed.filter((m) => m.kind === 'create')
  const changedIds = creates
    .filter((m) => canonical(stripWeak(m.doc)) !== original.get(m.id))
    .map((m) => m.id)
  return {
    numDocs: result.numDocs,
    createdIds: creates.map((m) => m.id),
    strengthenedIds: committed.filter((m) => m.kind === 'patch').map((m) => m.id),
    changedIds,
    uploads,
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = resolve(process.argv[2] ?? 'content/data.ndjson')
  const res = await dryRunImport(file)
  console.log(
    `dry-run import OK: ${res.numDocs} documents created, ${res.strengthenedIds.length} with references strengthened`,
  )
  if (res.changedIds.length > 0) {
    console.error(`importer had to modify (e.g. add _keys to) these documents: ${res.changedIds.join(', ')}`)
    process.exitCode = 1
  }
}
