/**
 * Rendered rich text, cached across builds by document `_id` + `_rev` + field.
 *
 * Rendering Portable Text is the most expensive step of a build, and most documents do not change
 * between two builds. A cache entry keeps everything a render produced (HTML, text, excerpt, TOC,
 * word count, warnings) together with what the render *looked up*: every call to a resolver
 * (internal links, cast credits, show status, image URLs) and its answer. An entry is reused only
 * when the document revision, the rendering options and the renderer's code are the same, and every
 * recorded lookup still gives the same answer; otherwise the field is rendered again. So a renamed
 * person re-renders exactly the bodies that link to them, and a cached build is byte-identical to an
 * uncached one. A document's `_rev` changes with every edit (Sanity sets it); fields of documents
 * without one are rendered every time.
 *
 * HTML and plain text live in an append-only pack on disk (see `BlobPack`) and are read when a page
 * needs them: with `deferRichText`, site data for 10,000 articles does not hold 10,000 bodies in memory.
 */
import { createHash, hash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import { onceEachObject } from '../lib/once-each.ts'
import {
  markdownToHtml,
  type RenderedRichText,
  type RichTextOptions,
  type RichTextWarning,
  renderPortableText,
} from '../richtext/index.ts'
import { defineDeferred } from './incremental/deferred.ts'
import { BlobPack, type BlobRef } from './incremental/pack.ts'
import {
  AnswerHash,
  answerKey,
  BuildLookups,
  type Call,
  type Dependencies,
  type Lookup,
  thrownKey,
} from './lookups.ts'

/** Which rich-text field of which document revision. */
export interface RichTextKey {
  id: string
  rev: string | null | undefined
  /** Field path, e.g. `body`, `faq.3f2a`. */
  field: string
}

/**
 * How site data renders rich text; the cache implements it, `renderDirect` renders every time.
 * Within one build, a resolver (the same function) must give the same answer to the same argument:
 * the cache asks each one once per build.
 */
export interface RichTextRenderer {
  portableText(blocks: unknown, options: RichTextOptions, key: RichTextKey): RenderedRichText
  markdown(markdown: string, options: RichTextOptions, key: RichTextKey): string
  /**
   * Lets `target[property]` read `rendered[field]` only when used, instead of holding the string
   * (cached bodies stay on disk until a template reads them). Returns false, and leaves `target` as
   * it is, when it cannot (the caller then assigns the values); optional, as if it always could not.
   */
  deferRichText?(target: object, rendered: RenderedRichText, fields: Record<string, 'html' | 'text'>): boolean
  /**
   * A key equal for two results with the same HTML and text (without reading them), or undefined;
   * optional, as if there were none.
   */
  contentKey?(rendered: RenderedRichText): string | undefined
  /**
   * For a process that builds again: tokens standing for the fields `keys` when each renders exactly
   * as in the process's last build, from the same cache entry (same revision and options, and every
   * lookup answering as then), else undefined. Equal tokens mean equal results, so what was made
   * from them last time may be kept as it was, deferred properties included (their text stays where
   * it was). Nothing is taken as used until `useUnchanged`. `options` are those the fields render
   * with, but for `documentId`: each key names its document. Optional, as if it never could.
   */
  unchanged?(keys: readonly RichTextKey[], options: RichTextOptions): readonly unknown[] | undefined
  /**
   * Tokens for the fields `keys` as rendered by this build, equal to what `unchanged` gives in the
   * process's next build when they render the same then; undefined when a field has none.
   */
  usedTokens?(keys: readonly RichTextKey[]): readonly unknown[] | undefined
  /**
   * Whether `tokens`, which `unchanged` or `usedTokens` gave in the process's last build for fields
   * of the document `documentId`, are what `unchanged` gives for those fields now: a caller that kept
   * them need not name the fields again. Optional, as if they never were.
   */
  stillUnchanged?(tokens: readonly unknown[], options: RichTextOptions, documentId: string): boolean
  /**
   * Takes the fields behind `tokens` (from `unchanged`) as rendered by this build, reporting their
   * warnings again through `options.onWarning`.
   */
  useUnchanged?(tokens: readonly unknown[], options: RichTextOptions): void
  /**
   * Says what the resolvers of `options` answer from (`basis`) and, given the basis of an earlier
   * build (`since`), that they answer as then but perhaps for the calls in `changed`; see
   * `BuildLookups.assume`. Before any field is rendered or checked. Optional, as if never said.
   */
  assumeAnswers?(
    options: RichTextOptions,
    basis: object,
    since: object | undefined,
    changed: ReadonlyMap<Lookup, ReadonlySet<string>>,
  ): void
}

/** Renders every field, every time. */
export const renderDirect: RichTextRenderer = {
  portableText: (blocks, options) => renderPortableText(blocks, options),
  markdown: (markdown, options) => markdownToHtml(markdown, options),
}

interface Entry {
  /** Hash of the rendering options (functions excluded: their answers are in `deps`). */
  options: string
  deps: Dependencies
  /** Absent when there were none (most entries). */
  warnings?: RichTextWarning[]
  /** Portable Text: the derived fields; HTML and text are in the pack. */
  html?: BlobRef
  text?: BlobRef
  excerpt?: string
  wordCount?: number
  readingMinutes?: number
  toc?: RenderedRichText['toc']
  /** Hash of html + text, for page fingerprints that must not read the bodies. */
  hash?: string
  /** Markdown: the HTML itself (short). */
  markdown?: string
}

/** First record of the index file; entries follow in records of up to `RECORD_ENTRIES`. */
interface IndexHeader {
  format: number
  code: string
}

const FORMAT = 3
/**
 * Entries per record of the index file. Serializing the whole index at once took a buffer of its
 * full size (~30 MB at 10,000 articles, more while V8 grew it) at the end of every build, when
 * memory is at its highest; records keep that to a few hundred kB.
 */
const RECORD_ENTRIES = 1000
const INDEX_FILE = 'index.bin'

export interface RichTextCacheStats {
  hits: number
  /** Entries found but stale (a lookup answered differently, or options changed). */
  stale: number
  misses: number
}

/**
 * Opens (or creates) the cache in `dir`. Entries written by a different version of the renderer's
 * code are ignored.
 *
 * @param dir cache directory, e.g. `.cache/richtext`
 */
export function openRichTextCache(dir: string): RichTextCache {
  return new RichTextCache(dir)
}

export class RichTextCache implements RichTextRenderer {
  readonly dir: string
  readonly stats: RichTextCacheStats = { hits: 0, stale: 0, misses: 0 }
  readonly #pack: BlobPack
  readonly #code: string
  readonly #previous: Map<string, Entry>
  readonly #current = new Map<string, Entry>()
  /** Rendered results by object, for `deferRichText`. */
  readonly #handles = new WeakMap<RenderedRichText, { entry: Entry }>()
  readonly #lookups = new BuildLookups(lastLookups)
  /** Whether `#previous` holds exactly the entries of the process's last build, their text unmoved. */
  readonly #previousIsLastBuild: boolean

  constructor(dir: string) {
    this.dir = dir
    mkdirSync(dir, { recursive: true })
    this.#pack = packFor(join(dir, 'pack'))
    this.#code = rendererCodeHash()
    this.#previous = loadIndex(join(dir, INDEX_FILE), this.#code)
    this.#previousIsLastBuild =
      lastSaved !== undefined &&
      this.#previous === lastSaved.entries &&
      lastSaved.pack === this.#pack &&
      !lastSaved.compacted
  }

  portableText(blocks: unknown, options: RichTextOptions, key: RichTextKey): RenderedRichText {
    // Without a revision nothing says the content is the same as last time.
    if (!key.rev) return renderPortableText(blocks, options)
    const id = entryId(key)
    const optionsHash = optionsHasher.hash(options)
    const cached = this.#previous.get(id) ?? this.#current.get(id)
    if (cached?.html && cached.text && cached.options === optionsHash) {
      if (this.#lookups.stillValid(cached.deps, options)) {
        this.stats.hits += 1
        this.#current.set(id, cached)
        for (const warning of cached.warnings ?? []) options.onWarning?.(warning)
        return this.#lazyResult(cached)
      }
      this.stats.stale += 1
    } else {
      this.stats.misses += 1
    }
    const recorder = record(options, this.#lookups)
    const rendered = renderPortableText(blocks, recorder.options)
    const entry: Entry = {
      options: optionsHash,
      ...recorder.finish(),
      html: this.#pack.append(rendered.html),
      text: this.#pack.append(rendered.text),
      excerpt: rendered.excerpt,
      wordCount: rendered.wordCount,
      readingMinutes: rendered.readingMinutes,
      toc: rendered.toc,
      hash: contentHash(rendered.html, rendered.text),
    }
    this.#current.set(id, entry)
    this.#handles.set(rendered, { entry })
    return rendered
  }

  markdown(markdown: string, options: RichTextOptions, key: RichTextKey): string {
    if (!key.rev) return markdownToHtml(markdown, options)
    const id = entryId(key)
    const optionsHash = optionsHasher.hash(options)
    const cached = this.#previous.get(id) ?? this.#current.get(id)
    if (cached && cached.markdown !== undefined && cached.options === optionsHash) {
      if (this.#lookups.stillValid(cached.deps, options)) {
        this.stats.hits += 1
        this.#current.set(id, cached)
        for (const warning of cached.warnings ?? []) options.onWarning?.(warning)
        return cached.markdown
      }
      this.stats.stale += 1
    } else {
      this.stats.misses += 1
    }
    const recorder = record(options, this.#lookups)
    const html = markdownToHtml(markdown, recorder.options)
    this.#current.set(id, { options: optionsHash, ...recorder.finish(), markdown: html })
    return html
  }

  unchanged(keys: readonly RichTextKey[], options: RichTextOptions): readonly unknown[] | undefined {
    if (!this.#previousIsLastBuild) return undefined
    return tokensOf(keys, this.#previous, (entry, key) =>
      this.#asInLastBuild(entry, optionsHasher.hash(options, key.id), options),
    )
  }

  stillUnchanged(tokens: readonly unknown[], options: RichTextOptions, documentId: string): boolean {
    if (!this.#previousIsLastBuild) return false
    const optionsHash = optionsHasher.hash(options, documentId)
    for (let index = 0; index < tokens.length; index += 2) {
      const entry = tokens[index + 1] as Entry
      if (
        this.#previous.get(tokens[index] as string) !== entry ||
        !this.#asInLastBuild(entry, optionsHash, options)
      )
        return false
    }
    return true
  }

  /** Whether `entry` of the last build renders as then: the same options, every lookup as then. */
  #asInLastBuild(entry: Entry, optionsHash: string, options: RichTextOptions): boolean {
    return entry.options === optionsHash && this.#lookups.validAsInLastBuild(entry.deps, options)
  }

  usedTokens(keys: readonly RichTextKey[]): readonly unknown[] | undefined {
    return tokensOf(keys, this.#current)
  }

  useUnchanged(tokens: readonly unknown[], options: RichTextOptions): void {
    for (let index = 0; index < tokens.length; index += 2) {
      const entry = tokens[index + 1] as Entry
      this.#current.set(tokens[index] as string, entry)
      this.stats.hits += 1
      for (const warning of entry.warnings ?? []) options.onWarning?.(warning)
    }
  }

  assumeAnswers(
    options: RichTextOptions,
    basis: object,
    since: object | undefined,
    changed: ReadonlyMap<Lookup, ReadonlySet<string>>,
  ): void {
    this.#lookups.assume(options, basis, since, changed)
  }

  deferRichText(
    target: object,
    rendered: RenderedRichText,
    fields: Record<string, 'html' | 'text'>,
  ): boolean {
    const entry = this.#handles.get(rendered)?.entry
    if (!entry || Object.values(fields).some((field) => !entry[field])) return false
    for (const [property, field] of Object.entries(fields)) {
      defineDeferred(target, property, this.#pack, entry[field] as BlobRef, `${entry.hash}:${field}`)
    }
    return true
  }

  contentKey(rendered: RenderedRichText): string | undefined {
    return this.#handles.get(rendered)?.entry.hash
  }

  /**
   * Saves the entries used by this build (entries of documents that are gone or changed are dropped)
   * and compacts the pack when most of it is no longer referenced.
   */
  save(): void {
    this.#pack.flush()
    const live: BlobRef[] = []
    for (const entry of this.#current.values()) {
      if (entry.html) live.push(entry.html)
      if (entry.text) live.push(entry.text)
    }
    const liveBytes = live.reduce((sum, ref) => sum + ref[2], 0)
    let compacted = false
    if (this.#pack.bytes > 64 * 1024 * 1024 && this.#pack.bytes > 3 * liveBytes) {
      compacted = true
      const moved = this.#pack.compact(live)
      let i = 0
      for (const entry of this.#current.values()) {
        if (entry.html) entry.html = moved[i++] as BlobRef
        if (entry.text) entry.text = moved[i++] as BlobRef
      }
    }
    const file = join(this.dir, INDEX_FILE)
    writeIndex(`${file}.tmp`, { format: FORMAT, code: this.#code }, this.#current)
    renameSync(`${file}.tmp`, file)
    lastSaved = {
      file,
      version: fileVersion(file),
      code: this.#code,
      entries: this.#current,
      pack: this.#pack,
      compacted,
    }
    // The next build of this process compares its lookups with this one's.
    this.#lookups.completed()
    lastLookups = this.#lookups
  }

  close(): void {
    this.#pack.close()
  }

  #lazyResult(entry: Entry): RenderedRichText {
    const pack = this.#pack
    const html = entry.html as BlobRef
    const text = entry.text as BlobRef
    const result = {
      get html() {
        return pack.read(html)
      },
      get text() {
        return pack.read(text)
      },
      excerpt: entry.excerpt ?? '',
      wordCount: entry.wordCount ?? 0,
      readingMinutes: entry.readingMinutes ?? 0,
      toc: entry.toc ?? [],
    } as RenderedRichText
    this.#handles.set(result, { entry })
    return result
  }
}

/**
 * `[id, entry, …]` for `keys`: the tokens `unchanged` and `usedTokens` give; undefined when a key has
 * no revision, or no entry in `entries` that `accepts`.
 */
function tokensOf(
  keys: readonly RichTextKey[],
  entries: ReadonlyMap<string, Entry>,
  accepts: (entry: Entry, key: RichTextKey) => boolean = () => true,
): unknown[] | undefined {
  const tokens: unknown[] = []
  for (const key of keys) {
    if (!key.rev) return undefined
    const id = entryId(key)
    const entry = entries.get(id)
    if (!entry || !accepts(entry, key)) return undefined
    tokens.push(id, entry)
  }
  return tokens
}

/** By key object: a caller that keeps its keys (one set per unchanged row) names each once. */
const entryId = onceEachObject(
  (key: RichTextKey): string => `${key.id}\u0000${key.rev ?? ''}\u0000${key.field}`,
)

/**
 * Wraps the resolvers so every call and answer is recorded, and collects warnings; the finished
 * recording is valid in this build (`lookups`).
 */
function record(
  options: RichTextOptions,
  lookups: BuildLookups,
): {
  options: RichTextOptions
  /** What the entry keeps of the recording, once the render is done. */
  finish(): Pick<Entry, 'deps' | 'warnings'>
} {
  // Within one render a call always gets the same answer: each distinct call is recorded once.
  const answers = new Map<string, { call: Call; answer: string }>()
  const warnings: RichTextWarning[] = []
  const recording: RichTextOptions = {
    ...options,
    onWarning: (warning) => {
      warnings.push(warning)
      options.onWarning?.(warning)
    },
  }
  const recorded = <R>(lookup: Lookup, argument: string, call: () => R): R => {
    const key = `${lookup}\u0000${argument}`
    try {
      const answer = call()
      if (!answers.has(key)) answers.set(key, { call: [lookup, argument], answer: answerKey(answer) })
      return answer
    } catch (error) {
      if (!answers.has(key)) answers.set(key, { call: [lookup, argument], answer: thrownKey(error) })
      throw error
    }
  }
  const wrap = <R>(lookup: Lookup, fn: ((arg: string) => R) | undefined) =>
    fn && ((arg: string): R => recorded(lookup, String(arg), () => fn(arg)))
  recording.resolveReference = wrap('reference', options.resolveReference)
  recording.resolveCastCredit = wrap('castCredit', options.resolveCastCredit)
  recording.resolveStatus = wrap('status', options.resolveStatus)
  if (typeof options.imageUrl === 'function') {
    const fn = options.imageUrl
    recording.imageUrl = (image, width) =>
      recorded('imageUrl', JSON.stringify([image, width]), () => fn(image, width))
  }
  return {
    options: recording,
    finish: () => {
      const hash = new AnswerHash()
      for (const { answer } of answers.values()) hash.add(answer)
      const deps: Dependencies = {
        calls: JSON.stringify([...answers.values()].map(({ call }) => call)),
        answers: hash.digest(),
      }
      lookups.recorded(deps, answers.values(), options)
      return { deps, ...(warnings.length > 0 ? { warnings } : {}) }
    },
  }
}

/**
 * Hashes the options that change output; resolvers and the warning sink are left out. Every document
 * of a build has options of its own that differ from the others' only in `documentId`: the rest is
 * hashed once, while its values are the same (`===`) as last time, and the id is appended.
 */
class OptionsHasher {
  #last: { values: unknown[]; hash: string; byDocument: Map<string | undefined, string> } | undefined
  /** The options last hashed: their shared values are `#last`'s (options are not changed once made). */
  #checked: RichTextOptions | undefined

  /**
   * @param options rendering options
   * @param documentId the document the options are for (default: theirs)
   */
  hash(options: RichTextOptions, documentId = options.documentId): string {
    // One options object asked about again and again (the shared options of a build) is compared once.
    let last = this.#last
    if (!last || (options !== this.#checked && !this.#sameShared(options, last.values))) {
      const values: unknown[] = []
      for (const [key, value] of Object.entries(options)) if (isShared(key)) values.push(key, value)
      const plain: Record<string, unknown> = {}
      for (let index = 0; index < values.length; index += 2) {
        const value = values[index + 1]
        plain[values[index] as string] = typeof value === 'function' ? 'function' : value
      }
      last = { values, hash: hash('sha1', stableJson(plain), 'base64'), byDocument: new Map() }
      this.#last = last
    }
    this.#checked = options
    let hashed = last.byDocument.get(documentId)
    if (hashed === undefined) {
      hashed = `${last.hash}${JSON.stringify(documentId) ?? ''}`
      last.byDocument.set(documentId, hashed)
    }
    return hashed
  }

  /** Whether the shared options are `values` (key, value, …, in order), without listing them anew. */
  #sameShared(options: RichTextOptions, values: readonly unknown[]): boolean {
    let index = 0
    for (const key in options) {
      if (!Object.hasOwn(options, key) || !isShared(key)) continue
      if (values[index] !== key || values[index + 1] !== options[key as keyof RichTextOptions]) return false
      index += 2
    }
    return index === values.length
  }
}

/**
 * One for the process: a process that builds again (the publisher's worker) hashes each document's
 * options once while the shared options stay the same, not once a build.
 */
const optionsHasher = new OptionsHasher()

/** Options that are hashed: resolvers (their answers are recorded), the warning sink and the id are not. */
function isShared(key: string): boolean {
  return key !== 'onWarning' && key !== 'documentId' && !key.startsWith('resolve')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return `{${Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

function contentHash(html: string, text: string): string {
  return createHash('sha1').update(html).update('\u0000').update(text).digest('base64')
}

/** The lookups of the build this process saved last (see lookups.ts). */
let lastLookups: BuildLookups | undefined

/**
 * Files the rich-text lookups of the build this process saved last by call, for the next build to
 * find the entries an edit affects at once (`BuildLookups.indexValid`): a process that builds again
 * calls it while idle, after saving the cache.
 */
export function prepareNextLookups(): void {
  lastLookups?.indexValid()
}

/**
 * The index this process saved last: a process that builds again (the publisher's worker) reads it
 * back from memory while the file is still the one it wrote.
 */
let lastSaved:
  | {
      file: string
      version: string
      code: string
      entries: Map<string, Entry>
      /** The pack the entries' text is in; moved to other places when `compacted`. */
      pack: BlobPack
      compacted: boolean
    }
  | undefined

/** The pack of the cache this process opened last, reused by its next build of the same cache. */
let lastPack: BlobPack | undefined

/**
 * One pack per cache directory for the process: what a build left deferred to the pack (kept site
 * data of the publisher's worker) stays readable through it in the next build.
 */
function packFor(dir: string): BlobPack {
  if (lastPack?.dir === dir) {
    lastPack.startSegment()
    return lastPack
  }
  lastPack = new BlobPack(dir)
  return lastPack
}

function fileVersion(file: string): string {
  const info = statSync(file, { bigint: true })
  return `${info.ino}:${info.size}:${info.mtimeNs}`
}

function loadIndex(file: string, code: string): Map<string, Entry> {
  if (!existsSync(file)) return new Map()
  if (lastSaved?.file === file && lastSaved.code === code && lastSaved.version === fileVersion(file))
    return lastSaved.entries
  try {
    return readIndex(file, code)
  } catch {
    // A damaged index only costs a cold build.
    return new Map()
  }
}

/** Writes the index as length-prefixed records: the header, then the entries, a few at a time. */
function writeIndex(file: string, header: IndexHeader, entries: ReadonlyMap<string, Entry>): void {
  const fd = openSync(file, 'w')
  try {
    const record = (value: unknown) => {
      const body = serialize(value)
      const length = Buffer.alloc(4)
      length.writeUInt32LE(body.length)
      writeSync(fd, length)
      writeSync(fd, body)
    }
    record(header)
    let batch: Array<[string, Entry]> = []
    for (const pair of entries) {
      batch.push(pair)
      if (batch.length === RECORD_ENTRIES) {
        record(batch)
        batch = []
      }
    }
    if (batch.length > 0) record(batch)
  } finally {
    closeSync(fd)
  }
}

/** Reads an index written by `writeIndex`; empty when it was written for other code or format. */
function readIndex(file: string, code: string): Map<string, Entry> {
  const bytes = readFileSync(file)
  const entries = new Map<string, Entry>()
  let offset = 0
  const record = (): unknown => {
    const length = bytes.readUInt32LE(offset)
    const end = offset + 4 + length
    if (end > bytes.length) throw new Error(`${file}: truncated`)
    const value = deserialize(bytes.subarray(offset + 4, end))
    offset = end
    return value
  }
  const header = record() as Partial<IndexHeader>
  if (header.format !== FORMAT || header.code !== code) return entries
  while (offset < bytes.length)
    for (const [key, entry] of record() as Array<[string, Entry]>) entries.set(key, entry)
  return entries
}

let codeHash: string | undefined

/**
 * Hash of the renderer's source (scripts/richtext, tests excluded) and of the installed packages
 * (package-lock.json): a change to either invalidates every entry.
 */
export function rendererCodeHash(): string {
  if (codeHash) return codeHash
  const root = fileURLToPath(new URL('../../', import.meta.url))
  const hash = createHash('sha1')
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'test') walk(path)
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        hash.update(relative(root, path)).update(readFileSync(path))
      }
    }
  }
  walk(join(root, 'scripts', 'richtext'))
  const lock = join(root, 'package-lock.json')
  if (existsSync(lock)) hash.update(readFileSync(lock))
  codeHash = hash.digest('base64')
  return codeHash
}
