/**
 * The build's source for a dataset file, tuned for large datasets:
 *
 *   - documents are loaded and validated as by the standard source (scripts/source, scripts/validate),
 *     but one at a time, as they are read;
 *   - as soon as a document has passed its checks, its long Portable Text fields (article bodies…) are
 *     moved out of memory into a blob pack in the cache and replaced by lazy arrays, read back only if
 *     something uses them (a body whose rendered HTML is cached is never read again): a dataset of
 *     10,000 articles is never in memory whole, and site data does not keep 10,000 parsed bodies alive
 *     while Eleventy renders;
 *   - queries run on the standard embedded source (scripts/source/embedded.ts); a lazy array behaves
 *     as the array it stands for.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { DatasetReadChecks, loadDataset, streamDataset } from '../../source/dataset.ts'
import { createEmbeddedSource } from '../../source/embedded.ts'
import { LineDigest, parseDocumentLine } from '../../source/ndjson.ts'
import type { RowMemo } from '../../source/row-memo.ts'
import type { ContentSource, SanityDocument } from '../../source/types.ts'
import {
  type CheckedDocument,
  createValidator,
  type ReferenceMemo,
  type ValidatedDocuments,
  type ValidationReport,
  validateDocuments,
} from '../../validate/validate.ts'
import { hashedLines } from './hashed-lines.ts'
import { BlobPack, type BlobRef } from './pack.ts'

export interface DatasetSource extends ContentSource {
  readonly validation: ValidationReport
  /**
   * Loads the file again, as it is now, into a new source. Opened `reloadable`, only lines that
   * changed since this load are parsed and checked (ndjson files; an export archive is read whole
   * again): for a process that keeps the source between builds, an edit to a 300 MB dataset costs a
   * read of the file, not a parse of every document.
   */
  reload(): Promise<DatasetSource>
  /**
   * Content hash of the file the documents were read from (ndjson files opened `reloadable`; see
   * `datasetContentHash`).
   */
  readonly contentHash?: string | undefined
  /**
   * What the dataset fingerprint query (`datasetFingerprintQuery`) answers for these documents,
   * counted once at load instead of by a query scanning every document; `undefined` when a document
   * has no string `_updatedAt` (the query's ordering then decides).
   */
  readonly summary: DatasetSummary | undefined
}

export interface DatasetSummary {
  count: number
  lastUpdatedAt: string | null
}

/** Portable Text fields shorter than this many blocks stay in memory. */
const LAZY_MIN_BLOCKS = 8
const INDEX_FILE = 'index.bin'

/**
 * Loads, validates and indexes a dataset file.
 *
 * @param file `.ndjson` or export `.tar.gz`
 * @param cacheDir where long fields are kept (`<cacheDir>/documents`); `false`: keep them in memory
 * @param options `reloadable`: make `reload` cheap (see {@link OpenDatasetOptions})
 */
export async function openDatasetSource(
  file: string,
  cacheDir: string | false,
  options: OpenDatasetOptions = {},
): Promise<DatasetSource> {
  const again = () => openDatasetSource(file, cacheDir, options)
  if (cacheDir === false) {
    // As `openEmbeddedSource` does (scripts/source/embedded.ts): load, then validate every document.
    const validated = validateDocuments((await loadDataset(file)).documents)
    return datasetSource(file, validated, again)
  }
  const store = new LongFieldStore(join(cacheDir, 'documents'))
  if (options.reloadable && !/\.(tar\.gz|tgz)$/i.test(file)) {
    return loadLines(file, store, new Map(), { references: new WeakMap(), rows: new WeakMap() })
  }
  const validator = createValidator({ compact: (document) => store.offload(document) })
  await streamDataset(file, (document) => validator.add(document))
  store.save()
  return datasetSource(file, validator.finish(), again)
}

export interface OpenDatasetOptions {
  /**
   * Keep what a reload can reuse (an ndjson file's lines, reference checks, query rows): for a
   * process that loads the file again after each change (the publisher's worker). A one-off build
   * has no use for it.
   */
  reloadable?: boolean
}

function datasetSource(
  file: string,
  validated: ValidatedDocuments,
  reload: () => Promise<DatasetSource>,
  contentHash?: string,
  rows?: RowMemo,
): DatasetSource {
  return {
    ...createEmbeddedSource({ file, documents: validated.documents }, { rows }),
    validation: validated.report,
    reload,
    contentHash,
    summary: summarize(validated.documents),
  }
}

/** Published documents (a dataset source holds no others) and the newest `_updatedAt`. */
function summarize(documents: readonly SanityDocument[]): DatasetSummary | undefined {
  let lastUpdatedAt: string | null = null
  for (const { _updatedAt } of documents) {
    // GROQ orders strings by code unit, as `>` does; other values order by type rules of their own.
    if (typeof _updatedAt !== 'string') return undefined
    if (lastUpdatedAt === null || _updatedAt > lastUpdatedAt) lastUpdatedAt = _updatedAt
  }
  return { count: documents.length, lastUpdatedAt }
}

/** What one line of an ndjson file gave, by a hash of its bytes. */
type LineOutcome =
  | { kind: 'blank' }
  | { kind: 'unpublished'; id: string }
  | { kind: 'document'; id: string; checked: CheckedDocument; fields: readonly LongField[] }

/**
 * Loads an ndjson file line by line. A line whose bytes hashed the same in the previous load
 * (`previous`) is not parsed or checked again: its document and the outcome of its per-document checks
 * are reused (a document depends on its line alone); references are checked across the whole
 * dataset, again only for documents whose references now find something else (`referenceMemo`); and
 * queries project only documents they have not seen (`RowMemo`). Errors name the file and line as a fresh load does.
 */
async function loadLines(
  file: string,
  store: LongFieldStore,
  previous: ReadonlyMap<string, LineOutcome>,
  memo: { references: ReferenceMemo; rows: RowMemo },
): Promise<DatasetSource> {
  store.begin()
  const lines = new Map<string, LineOutcome>()
  const validator = createValidator({
    compact: (document) => store.offload(document),
    referenceMemo: memo.references,
  })
  const checks = new DatasetReadChecks(file)
  const digest = new LineDigest()
  for await (const { hash, bytes, line } of hashedLines(file)) {
    const key = digest.addHashed(hash)
    let outcome = lines.get(key) ?? previous.get(key)
    if (outcome === undefined) {
      const loaded = parseDocumentLine(bytes().toString('utf8'), file, line)
      if (!loaded) {
        outcome = { kind: 'blank' }
      } else if (!checks.accept(loaded.document._id, line)) {
        outcome = { kind: 'unpublished', id: loaded.document._id }
      } else {
        const checked = validator.add(loaded.document)
        outcome = { kind: 'document', id: loaded.document._id, checked, fields: store.lastOffloaded }
      }
      lines.set(key, outcome)
      continue
    }
    lines.set(key, outcome)
    if (outcome.kind === 'blank') continue
    // Counted as a fresh load counts it (drafts, repeated ids); only published documents are kept.
    if (!checks.accept(outcome.id, line) || outcome.kind === 'unpublished') continue
    validator.addChecked(outcome.checked)
    store.keep(outcome.fields)
  }
  checks.finish()
  store.save()
  const reload = () => loadLines(file, store, lines, memo)
  return datasetSource(file, validator.finish(), reload, digest.digest(), memo.rows)
}

/** A field moved to the pack: its key (`<id>@<rev>#<field>`) and where it is. */
type LongField = readonly [key: string, ref: BlobRef]

interface SavedIndex {
  format: 1
  entries: Map<string, BlobRef>
}

/**
 * Long Portable Text fields (top-level arrays of blocks) in a blob pack, keyed by document revision;
 * documents get lazy arrays in their place. A revision already in the pack is not written again.
 */
class LongFieldStore {
  readonly #indexFile: string
  readonly #pack: BlobPack
  #entries = new Map<string, BlobRef>()
  #used = new Map<string, BlobRef>()

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true })
    this.#indexFile = join(dir, INDEX_FILE)
    if (existsSync(this.#indexFile)) {
      try {
        const saved = deserialize(readFileSync(this.#indexFile)) as SavedIndex
        if (saved.format === 1) this.#entries = saved.entries
      } catch {
        // A damaged index only means writing the fields again.
      }
    }
    this.#pack = new BlobPack(dir)
  }

  /** The fields the last {@link LongFieldStore.offload} moved to the pack. */
  lastOffloaded: readonly LongField[] = []

  /** Replaces the document's long Portable Text fields (in place) with lazy arrays. */
  offload(document: Record<string, unknown>): void {
    this.lastOffloaded = []
    if (typeof document._rev !== 'string') return
    const moved: LongField[] = []
    for (const field in document) {
      const value = document[field]
      if (!isLongPortableText(value)) continue
      const key = `${document._id}@${document._rev}#${field}`
      let ref = this.#entries.get(key)
      if (!ref) ref = this.#pack.append(JSON.stringify(value))
      this.#used.set(key, ref)
      moved.push([key, ref])
      document[field] = lazyArray(this.#pack, ref)
    }
    this.lastOffloaded = moved
  }

  /** Starts a load: nothing is used yet. */
  begin(): void {
    this.#used = new Map()
  }

  /** Counts fields an earlier load moved to the pack as used by this one (a document reused as is). */
  keep(fields: readonly LongField[]): void {
    for (const [key, ref] of fields) this.#used.set(key, ref)
  }

  /**
   * Writes the pack and an index of the fields this load used (older ones are forgotten); the next
   * load starts from that index.
   */
  save(): void {
    this.#pack.flush()
    const indexFile = this.#indexFile
    writeFileSync(`${indexFile}.tmp`, serialize({ format: 1, entries: this.#used } satisfies SavedIndex))
    renameSync(`${indexFile}.tmp`, indexFile)
    this.#entries = this.#used
    this.#used = new Map()
  }
}

function isLongPortableText(value: unknown): value is unknown[] {
  if (!Array.isArray(value) || value.length < LAZY_MIN_BLOCKS) return false
  const first = value[0] as { _type?: unknown } | undefined
  return first?._type === 'block'
}

const INDEX = /^(0|[1-9]\d*)$/

/**
 * Recently read arrays by their blob, so a walk over one (GROQ, validation, rendering) parses it once.
 * A plain bounded map, not `WeakRef`s: a `WeakRef`'s target stays alive until the current job ends,
 * and building site data is one synchronous job that reads every body a cold build renders, which
 * kept all of them (700 MB at 10,000 articles) in memory at once.
 */
const recent = new Map<BlobRef, unknown[]>()
const RECENT = 16

/**
 * An array read from the pack on first use: `Array.isArray` is true, every read (length, items,
 * iteration, JSON) sees the stored array. It is parsed on demand and not kept, so it costs memory only
 * while used.
 */
function lazyArray(pack: BlobPack, ref: BlobRef): unknown[] {
  const load = (): unknown[] => {
    let array = recent.get(ref)
    if (array) {
      recent.delete(ref)
    } else {
      array = JSON.parse(pack.read(ref)) as unknown[]
      if (recent.size >= RECENT) recent.delete(recent.keys().next().value as BlobRef)
    }
    recent.set(ref, array)
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
