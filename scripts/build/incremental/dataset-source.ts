/**
 * The build's source for a dataset file, tuned for large datasets:
 *
 *   - documents are loaded and validated as by the standard source (scripts/source, scripts/validate);
 *   - then long Portable Text fields (article bodies…) are moved out of memory into a blob pack in the
 *     cache and replaced by lazy arrays, read back only if something uses them (a body whose rendered
 *     HTML is cached is never read again): site data for 10,000 articles does not keep 10,000 parsed
 *     bodies alive while Eleventy renders;
 *   - GROQ runs on the documents of one type when a query selects `*[_type == "…" && …]` and nothing
 *     else reads the dataset, instead of scanning every document for every query.
 *
 * Answers are the same as the standard embedded source's (same evaluator, same documents, `->` through
 * the same `_id` index); a lazy array behaves as the array it stands for.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { type ExprNode, evaluate, parse } from 'groq-js'
import { loadDataset } from '../../source/dataset.ts'
import type { ContentSource, QueryParams, SanityDocument } from '../../source/types.ts'
import { type ValidationReport, validateDocuments } from '../../validate/validate.ts'
import { BlobPack, type BlobRef } from './pack.ts'

export interface DatasetSource extends ContentSource {
  readonly validation: ValidationReport
}

/** Portable Text fields shorter than this many blocks stay in memory. */
const LAZY_MIN_BLOCKS = 8
const INDEX_FILE = 'index.bin'

/**
 * Loads, validates and indexes a dataset file.
 *
 * @param file `.ndjson` or export `.tar.gz`
 * @param cacheDir where long fields are kept (`<cacheDir>/documents`); `false`: keep them in memory
 */
export async function openDatasetSource(file: string, cacheDir: string | false): Promise<DatasetSource> {
  // As `openEmbeddedSource` does (scripts/source/embedded.ts): load, then validate every document.
  const validated = validateDocuments((await loadDataset(file)).documents)
  const documents = validated.documents
  if (cacheDir !== false) moveLongFields(documents, join(cacheDir, 'documents'))
  return createTypedSource(`dataset ${file}`, documents, validated.report)
}

/** A GROQ source over documents, scanning only one type's documents when a query allows it. */
export function createTypedSource(
  description: string,
  documents: readonly SanityDocument[],
  validation: ValidationReport,
): DatasetSource {
  const byId = new Map<string, SanityDocument>()
  const byType = new Map<string, SanityDocument[]>()
  for (const document of documents) {
    byId.set(document._id, document)
    const list = byType.get(document._type)
    if (list) list.push(document)
    else byType.set(document._type, [document])
  }
  const parsed = new Map<string, { tree: ExprNode; type: string | undefined }>()
  return {
    description,
    validation,
    async fetch<Result>(query: string, params: QueryParams = {}): Promise<Result> {
      let entry = parsed.get(query)
      if (!entry) {
        const tree = parse(query)
        entry = { tree, type: singleTypeOf(tree) }
        parsed.set(query, entry)
      }
      const value = await evaluate(entry.tree, {
        dataset: entry.type === undefined ? documents : (byType.get(entry.type) ?? []),
        params,
        dereference: ({ _ref }) => byId.get(_ref),
      })
      return (await value.get()) as Result
    },
  }
}

/**
 * The document type a query is limited to: the query reads the dataset once (`*`), filtered directly
 * by a top-level `_type == "…"` condition. `undefined` when any other use of the dataset exists.
 */
export function singleTypeOf(tree: ExprNode): string | undefined {
  let everything = 0
  let type: string | undefined
  const visit = (node: unknown, parent: unknown): void => {
    if (!node || typeof node !== 'object') return
    if (Array.isArray(node)) {
      for (const child of node) visit(child, parent)
      return
    }
    const record = node as Record<string, unknown>
    if (record.type === 'Everything') {
      everything += 1
      const filter = parent as { type?: string; base?: unknown; expr?: unknown } | undefined
      if (filter?.type === 'Filter' && filter.base === node) type = typeCondition(filter.expr)
      return
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'type') visit(child, node)
  }
  visit(tree, undefined)
  return everything === 1 ? type : undefined
}

/** `_type == "x"` as the filter or one of its `&&` operands. */
function typeCondition(expr: unknown): string | undefined {
  const node = expr as { type?: string; op?: string; left?: unknown; right?: unknown } | undefined
  if (!node) return undefined
  if (node.type === 'And') return typeCondition(node.left) ?? typeCondition(node.right)
  if (node.type !== 'OpCall' || node.op !== '==') return undefined
  const isType = (side: unknown) => {
    const access = side as { type?: string; name?: string; base?: unknown }
    return access?.type === 'AccessAttribute' && access.name === '_type' && access.base === undefined
  }
  const literal = (side: unknown) => {
    const value = side as { type?: string; value?: unknown }
    return value?.type === 'Value' && typeof value.value === 'string' ? value.value : undefined
  }
  if (isType(node.left)) return literal(node.right)
  if (isType(node.right)) return literal(node.left)
  return undefined
}

interface SavedIndex {
  format: 1
  entries: Map<string, BlobRef>
}

/**
 * Moves long Portable Text fields (top-level arrays of blocks) into a blob pack, keyed by document
 * revision, and puts lazy arrays in their place. A revision already in the pack is not written again.
 */
function moveLongFields(documents: readonly SanityDocument[], dir: string): void {
  mkdirSync(dir, { recursive: true })
  const indexFile = join(dir, INDEX_FILE)
  let entries = new Map<string, BlobRef>()
  if (existsSync(indexFile)) {
    try {
      const saved = deserialize(readFileSync(indexFile)) as SavedIndex
      if (saved.format === 1) entries = saved.entries
    } catch {
      // A damaged index only means writing the fields again.
    }
  }
  const pack = new BlobPack(dir)
  const used = new Map<string, BlobRef>()
  for (const document of documents) {
    if (typeof document._rev !== 'string') continue
    for (const [field, value] of Object.entries(document)) {
      if (!isLongPortableText(value)) continue
      const key = `${document._id}@${document._rev}#${field}`
      let ref = entries.get(key)
      if (!ref) ref = pack.append(JSON.stringify(value))
      used.set(key, ref)
      document[field] = lazyArray(pack, ref)
    }
  }
  pack.flush()
  writeFileSync(`${indexFile}.tmp`, serialize({ format: 1, entries: used } satisfies SavedIndex))
  renameSync(`${indexFile}.tmp`, indexFile)
}

function isLongPortableText(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length < LAZY_MIN_BLOCKS) return false
  const first = value[0] as { _type?: unknown } | undefined
  return first?._type === 'block'
}

const INDEX = /^(0|[1-9]\d*)$/

/** Recently read arrays, so a walk over one (GROQ, validation, rendering) parses it once. */
const recent: unknown[][] = []
const RECENT = 16

/**
 * An array read from the pack on first use: `Array.isArray` is true, every read (length, items,
 * iteration, JSON) sees the stored array. It is parsed on demand and not kept, so it costs memory only
 * while used.
 */
function lazyArray(pack: BlobPack, ref: BlobRef): unknown[] {
  let cached: WeakRef<unknown[]> | undefined
  const load = (): unknown[] => {
    let array = cached?.deref()
    if (!array) {
      array = JSON.parse(pack.read(ref)) as unknown[]
      cached = new WeakRef(array)
    }
    recent.push(array)
    if (recent.length > RECENT) recent.shift()
    return array
  }
  return new Proxy([] as unknown[], {
    get: (_target, key, receiver) => {
      // Methods and other inherited properties come from Array.prototype and read the items through
      // this proxy: asking whether the value is an iterator (`next`) or a promise (`then`), as GROQ
      // does for every value, does not load it.
      if (typeof key === 'symbol' || (key !== 'length' && !INDEX.test(key)))
        return Reflect.get(Array.prototype, key, receiver)
      return Reflect.get(load(), key)
    },
    has: (_target, key) => Reflect.has(load(), key),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(load(), key)
      // `length` is not configurable on the (empty) target: report it as the target has it.
      if (key === 'length' && descriptor)
        return { ...Reflect.getOwnPropertyDescriptor(target, key), value: descriptor.value }
      return descriptor ? { ...descriptor, configurable: true } : undefined
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  })
}
