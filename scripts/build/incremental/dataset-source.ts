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
import { digestOfLineHashes, type LoadedDocument, parseDocumentLine } from '../../source/ndjson.ts'
import { isPublishedId } from '../../source/published.ts'
import type { RowMemo } from '../../source/row-memo.ts'
import type { ContentSource, SanityDocument } from '../../source/types.ts'
import {
  type CheckedDocument,
  createValidator,
  type ReferenceMemo,
  replaceDocuments,
  type ValidatedDocuments,
  type ValidationReport,
  type ValidationState,
  validateDocuments,
} from '../../validate/validate.ts'
import { hashedLines } from './hashed-lines.ts'
import { type LineTable, LineTableBuilder, readNamedLines } from './named-lines.ts'
import { BlobPack, type BlobRef } from './pack.ts'

export interface DatasetSource extends ContentSource {
  readonly validation: ValidationReport
  /**
   * Loads the file again, as it is now, into a new source. Opened `reloadable`, only lines that
   * changed since this load are parsed and checked (ndjson files; an export archive is read whole
   * again): for a process that keeps the source between builds, an edit to a 300 MB dataset costs a
   * read of the file, not a parse of every document; for a change to named documents, often not
   * even that (see {@link ReloadOptions}).
   */
  reload(options?: ReloadOptions): Promise<DatasetSource>
  /**
   * Lines of the file this load read (ndjson files opened `reloadable`): all of them, or, for a
   * reload of named documents, their lines alone.
   */
  readonly linesRead?: number
  /**
   * Documents this load validated again (ndjson files opened `reloadable`): every one, or, for a
   * reload of named documents that kept every document (see `replaceDocuments`), those alone.
   */
  readonly documentsChecked?: number
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

export interface ReloadOptions {
  /**
   * The published documents the change is for (a publisher's webhooks name them): only their lines
   * are read again, every other line taken as it was, when the file allows it (see named-lines.ts;
   * a new document, for one, means a whole read). A change the names leave out shows in the
   * content hash when the whole file is next hashed (a reconciliation).
   */
  named?: readonly string[]
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
    return loadLines(file, store, undefined, { references: new WeakMap(), rows: new WeakMap() })
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
  reload: (options?: ReloadOptions) => Promise<DatasetSource>,
  read?: { contentHash: string; rows: RowMemo; linesRead: number; documentsChecked: number },
): DatasetSource {
  return {
    ...createEmbeddedSource({ file, documents: validated.documents }, { rows: read?.rows }),
    validation: validated.report,
    reload,
    contentHash: read?.contentHash,
    linesRead: read?.linesRead,
    documentsChecked: read?.documentsChecked,
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

/** What a load of an ndjson file keeps for the next one. */
interface LoadedLines {
  /** What each distinct line gave, by its sha256 (base64). */
  outcomes: ReadonlyMap<string, LineOutcome>
  /** Each line's sha256 (base64), in order. */
  keys: readonly string[]
  /** Where each line was, and its hash. */
  table: LineTable
  /** The validation's state, when a reload may replace documents in it (none was skipped). */
  validation: ValidationState | undefined
  /** The lines each document id is on, once a reload of named documents asked. */
  linesOf?: Map<string, number[]>
}

/** Past this share of a file's lines, a reload of named documents reads the file whole. */
const NAMED_LINES_SHARE = 0.25

/**
 * Loads an ndjson file line by line. A line whose bytes hashed the same in the previous load
 * (`previous`) is not parsed or checked again: its document and the outcome of its per-document checks
 * are reused (a document depends on its line alone); references are checked across the whole
 * dataset, again only for documents whose references now find something else (`referenceMemo`); and
 * queries project only documents they have not seen (`RowMemo`). Errors name the file and line as a fresh load does.
 * With `named` documents (the ones a change is for), only their lines are read again when the file
 * allows it (see named-lines.ts), and taken into the last load in place when validation allows it
 * (see `replaceLines`).
 */
async function loadLines(
  file: string,
  store: LongFieldStore,
  previous: LoadedLines | undefined,
  memo: { references: ReferenceMemo; rows: RowMemo },
  named?: readonly string[],
): Promise<DatasetSource> {
  const reread = previous && named && named.length > 0 ? await readNamed(file, previous, named) : undefined
  if (previous && reread) {
    const replaced = replaceLines(file, store, previous, reread, memo)
    if (replaced) return replaced
  }
  store.begin()
  const load = new LineLoad(file, store, previous?.outcomes, memo.references)
  let table: LineTable
  if (previous && reread) {
    const { keys } = previous
    let next = 0
    for (let index = 0; index < keys.length; index++) {
      const fresh = reread.lines[next]
      if (fresh?.index !== index) {
        load.add(keys[index] as string, index + 1, unreachable)
        continue
      }
      next += 1
      load.add(fresh.key, index + 1, () => fresh.loaded)
    }
    table = reread.table
  } else {
    const lines = new LineTableBuilder()
    let size = 0
    for await (const { hash, bytes, line, start, length, fileSize } of hashedLines(file)) {
      lines.add(start, length, hash)
      size = fileSize
      load.add(base64(hash), line, () => parseDocumentLine(bytes().toString('utf8'), file, line))
    }
    table = lines.finish(size)
  }
  load.checks.finish()
  store.save()
  const validated = load.validator.finish()
  const loaded: LoadedLines = {
    outcomes: load.outcomes,
    keys: load.keys,
    table,
    validation: load.validator.state(),
  }
  return reloadableSource(file, store, loaded, memo, validated, {
    linesRead: reread ? reread.lines.length : table.starts.length,
    documentsChecked: validated.report.documents,
  })
}

/** The source over a load of an ndjson file, which its `reload` starts from. */
function reloadableSource(
  file: string,
  store: LongFieldStore,
  loaded: LoadedLines,
  memo: { references: ReferenceMemo; rows: RowMemo },
  validated: ValidatedDocuments,
  counts: { linesRead: number; documentsChecked: number },
): DatasetSource {
  const reload = (options?: ReloadOptions) => loadLines(file, store, loaded, memo, options?.named)
  return datasetSource(file, validated, reload, {
    contentHash: digestOfLineHashes(loaded.table.hashes),
    rows: memo.rows,
    ...counts,
  })
}

/**
 * The last load with the named documents' lines replaced, without walking the other lines: when
 * every line read again holds a published document of the same id and type as before and the
 * validation skips none (see `replaceDocuments`); `undefined` otherwise (the lines are walked).
 */
function replaceLines(
  file: string,
  store: LongFieldStore,
  previous: LoadedLines,
  reread: { table: LineTable; lines: RereadLine[] },
  memo: { references: ReferenceMemo; rows: RowMemo },
): DatasetSource | undefined {
  if (!previous.validation) return undefined
  const outcomes = new Map(previous.outcomes)
  const keys = [...previous.keys]
  const replacedKeys = new Set<string>()
  const replacements: CheckedDocument[] = []
  const added: LongField[] = []
  // One document at a time, as a fresh load checks it (long fields go to the pack as they would).
  const validator = createValidator({ compact: (document) => store.offload(document) })
  for (const { index, key, loaded } of reread.lines) {
    replacedKeys.add(keys[index] as string)
    keys[index] = key
    let outcome = outcomes.get(key)
    if (outcome === undefined) {
      outcome = outcomeOf(loaded, isPublishedId, validator, store)
      outcomes.set(key, outcome)
    }
    if (outcome.kind === 'blank') return undefined
    // A draft under the same id as before: as then, nothing of it is validated or kept.
    if (outcome.kind === 'unpublished') continue
    replacements.push(outcome.checked)
    added.push(...outcome.fields)
  }
  const replaced = replaceDocuments(previous.validation, replacements)
  if (!replaced) return undefined
  for (const key of keys) replacedKeys.delete(key)
  // What no line holds any more: its outcome and its long fields.
  const dropped: LongField[] = []
  for (const key of replacedKeys) {
    const outcome = outcomes.get(key)
    if (outcome?.kind === 'document') dropped.push(...outcome.fields)
    outcomes.delete(key)
  }
  store.replace(dropped, added)
  store.save()
  // Every line holds the document it held (readNamed checked), so the lines of each id are as they were.
  const loaded: LoadedLines = {
    outcomes,
    keys,
    table: reread.table,
    validation: replaced.state,
    ...(previous.linesOf ? { linesOf: previous.linesOf } : {}),
  }
  return reloadableSource(file, store, loaded, memo, replaced.validated, {
    linesRead: reread.lines.length,
    documentsChecked: replacements.length,
  })
}

const base64 = (hash: Uint8Array) =>
  Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('base64')

function unreachable(): never {
  throw new Error('a line taken as unchanged had no outcome from the last load')
}

/** The lines of one load and what each gave. */
class LineLoad {
  readonly outcomes = new Map<string, LineOutcome>()
  readonly keys: string[] = []
  readonly checks: DatasetReadChecks
  readonly validator: ReturnType<typeof createValidator>
  readonly #store: LongFieldStore
  readonly #previous: ReadonlyMap<string, LineOutcome>

  constructor(
    file: string,
    store: LongFieldStore,
    previous: ReadonlyMap<string, LineOutcome> = new Map(),
    references: ReferenceMemo,
  ) {
    this.#store = store
    this.#previous = previous
    this.checks = new DatasetReadChecks(file)
    this.validator = createValidator({
      compact: (document) => store.offload(document),
      referenceMemo: references,
    })
  }

  /**
   * Adds line `line`, whose bytes hash as `key`: what the same bytes gave before, else what `parse`
   * gives (parsed and checked).
   */
  add(key: string, line: number, parse: () => LoadedDocument | undefined): void {
    this.keys.push(key)
    const outcome = this.outcomes.get(key) ?? this.#previous.get(key)
    if (outcome === undefined) {
      const accept = (id: string) => this.checks.accept(id, line)
      this.outcomes.set(key, outcomeOf(parse(), accept, this.validator, this.#store))
      return
    }
    this.outcomes.set(key, outcome)
    if (outcome.kind === 'blank') return
    // Counted as a fresh load counts it (drafts, repeated ids); only published documents are kept.
    if (!this.checks.accept(outcome.id, line) || outcome.kind === 'unpublished') return
    this.validator.addChecked(outcome.checked)
    this.#store.keep(outcome.fields)
  }
}

/**
 * What a line not seen before gives: nothing (blank), a document left out (`kept` says no: a draft),
 * or a document checked, its long fields moved to the pack.
 */
function outcomeOf(
  loaded: LoadedDocument | undefined,
  kept: (id: string) => boolean,
  validator: ReturnType<typeof createValidator>,
  store: LongFieldStore,
): LineOutcome {
  if (!loaded) return { kind: 'blank' }
  const { document } = loaded
  if (!kept(document._id)) return { kind: 'unpublished', id: document._id }
  return { kind: 'document', id: document._id, checked: validator.add(document), fields: store.lastOffloaded }
}

/** A line of a named document read again: its hash (base64) and document, parsed unless known. */
interface RereadLine {
  index: number
  key: string
  loaded: LoadedDocument | undefined
}

/**
 * The lines of the `named` documents read again, every other line taken as the last load read it
 * (see named-lines.ts); `undefined` when the file must be read whole: a named document had no line
 * (a new one), too many lines are named, the file's checks failed, or a line now holds another
 * document.
 */
async function readNamed(
  file: string,
  previous: LoadedLines,
  named: readonly string[],
): Promise<{ table: LineTable; lines: RereadLine[] } | undefined> {
  const idAt = (index: number) => {
    const outcome = previous.outcomes.get(previous.keys[index] as string)
    return outcome && outcome.kind !== 'blank' ? outcome.id : undefined
  }
  previous.linesOf ??= linesById(previous.keys.length, idAt)
  const indexes: number[] = []
  for (const id of new Set(named)) {
    const lines = previous.linesOf.get(id)
    if (!lines) return undefined
    indexes.push(...lines)
  }
  indexes.sort((a, b) => a - b)
  if (indexes.length > previous.keys.length * NAMED_LINES_SHARE) return undefined
  const read = await readNamedLines(file, previous.table, indexes)
  if (!read) return undefined
  const lines: RereadLine[] = []
  for (const { index, bytes, hash } of read.lines) {
    const key = base64(hash)
    const known = previous.outcomes.get(key)
    const loaded = known ? undefined : parseDocumentLine(bytes.toString('utf8'), file, index + 1)
    const id = known ? (known.kind === 'blank' ? undefined : known.id) : loaded?.document._id
    if (id !== idAt(index)) return undefined
    lines.push({ index, key, loaded })
  }
  return { table: read.table, lines }
}

/** The lines (indexes) each document id is on. */
function linesById(count: number, idAt: (index: number) => string | undefined): Map<string, number[]> {
  const lines = new Map<string, number[]>()
  for (let index = 0; index < count; index++) {
    const id = idAt(index)
    if (id === undefined) continue
    const known = lines.get(id)
    if (known) known.push(index)
    else lines.set(id, [index])
  }
  return lines
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
   * Starts a load as the last one with some documents replaced: the fields it used, less `dropped`
   * (of documents no line holds any more), and `added`.
   */
  replace(dropped: readonly LongField[], added: readonly LongField[]): void {
    this.#used = new Map(this.#entries)
    for (const [key] of dropped) this.#used.delete(key)
    this.keep(added)
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
