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
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deserialize, serialize } from 'node:v8'
import {
  markdownToHtml,
  type RenderedRichText,
  type RichTextOptions,
  type RichTextWarning,
  renderPortableText,
} from '../richtext/index.ts'
import { defineDeferred } from './incremental/deferred.ts'
import { BlobPack, type BlobRef } from './incremental/pack.ts'

/** Which rich-text field of which document revision. */
export interface RichTextKey {
  id: string
  rev: string | null | undefined
  /** Field path, e.g. `body`, `faq.3f2a`. */
  field: string
}

/** How site data renders rich text; the cache implements it, `renderDirect` renders every time. */
export interface RichTextRenderer {
  portableText(blocks: unknown, options: RichTextOptions, key: RichTextKey): RenderedRichText
  markdown(markdown: string, options: RichTextOptions, key: RichTextKey): string
  /**
   * Lets `target[property]` read `rendered[field]` only when used, instead of holding the string
   * (cached bodies stay on disk until a template reads them). Optional: without it the value stays
   * as assigned.
   */
  deferRichText?(target: object, rendered: RenderedRichText, fields: Record<string, 'html' | 'text'>): void
}

/** Renders every field, every time. */
export const renderDirect: RichTextRenderer = {
  portableText: (blocks, options) => renderPortableText(blocks, options),
  markdown: (markdown, options) => markdownToHtml(markdown, options),
}

type Lookup = 'reference' | 'castCredit' | 'status' | 'imageUrl'
/** One resolver call and its answer (JSON; `!` + message when it threw). */
type Dependency = readonly [lookup: Lookup, argument: string, answer: string]

interface Entry {
  /** Hash of the rendering options (functions excluded: their answers are in `deps`). */
  options: string
  deps: Dependency[]
  warnings: RichTextWarning[]
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

interface SavedIndex {
  format: number
  code: string
  entries: Map<string, Entry>
}

const FORMAT = 1
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

  constructor(dir: string) {
    this.dir = dir
    mkdirSync(dir, { recursive: true })
    this.#pack = new BlobPack(join(dir, 'pack'))
    this.#code = rendererCodeHash()
    this.#previous = loadIndex(join(dir, INDEX_FILE), this.#code)
  }

  portableText(blocks: unknown, options: RichTextOptions, key: RichTextKey): RenderedRichText {
    // Without a revision nothing says the content is the same as last time.
    if (!key.rev) return renderPortableText(blocks, options)
    const id = entryId(key)
    const optionsHash = hashOptions(options)
    const cached = this.#previous.get(id) ?? this.#current.get(id)
    if (cached?.html && cached.text && cached.options === optionsHash) {
      if (stillValid(cached, options)) {
        this.stats.hits += 1
        this.#current.set(id, cached)
        for (const warning of cached.warnings) options.onWarning?.(warning)
        return this.#lazyResult(cached)
      }
      this.stats.stale += 1
    } else {
      this.stats.misses += 1
    }
    const { options: recording, deps, warnings } = record(options)
    const rendered = renderPortableText(blocks, recording)
    const entry: Entry = {
      options: optionsHash,
      deps,
      warnings,
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
    const optionsHash = hashOptions(options)
    const cached = this.#previous.get(id) ?? this.#current.get(id)
    if (cached && cached.markdown !== undefined && cached.options === optionsHash) {
      if (stillValid(cached, options)) {
        this.stats.hits += 1
        this.#current.set(id, cached)
        for (const warning of cached.warnings) options.onWarning?.(warning)
        return cached.markdown
      }
      this.stats.stale += 1
    } else {
      this.stats.misses += 1
    }
    const { options: recording, deps, warnings } = record(options)
    const html = markdownToHtml(markdown, recording)
    this.#current.set(id, { options: optionsHash, deps, warnings, markdown: html })
    return html
  }

  deferRichText(target: object, rendered: RenderedRichText, fields: Record<string, 'html' | 'text'>): void {
    const handle = this.#handles.get(rendered)
    if (!handle) return
    const { entry } = handle
    for (const [property, field] of Object.entries(fields)) {
      const ref = entry[field]
      if (ref) defineDeferred(target, property, this.#pack, ref, `${entry.hash}:${field}`)
    }
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
    if (this.#pack.bytes > 64 * 1024 * 1024 && this.#pack.bytes > 3 * liveBytes) {
      const moved = this.#pack.compact(live)
      let i = 0
      for (const entry of this.#current.values()) {
        if (entry.html) entry.html = moved[i++] as BlobRef
        if (entry.text) entry.text = moved[i++] as BlobRef
      }
    }
    const index: SavedIndex = { format: FORMAT, code: this.#code, entries: this.#current }
    const file = join(this.dir, INDEX_FILE)
    writeFileSync(`${file}.tmp`, serialize(index))
    renameSync(`${file}.tmp`, file)
    lastSaved = { file, version: fileVersion(file), code: this.#code, entries: this.#current }
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

function entryId(key: RichTextKey): string {
  return `${key.id}\u0000${key.rev ?? ''}\u0000${key.field}`
}

/** Wraps the resolvers so every call and answer is recorded, and collects warnings. */
function record(options: RichTextOptions): {
  options: RichTextOptions
  deps: Dependency[]
  warnings: RichTextWarning[]
} {
  const deps: Dependency[] = []
  const warnings: RichTextWarning[] = []
  const recording: RichTextOptions = {
    ...options,
    onWarning: (warning) => {
      warnings.push(warning)
      options.onWarning?.(warning)
    },
  }
  const wrap = <A, R>(lookup: Lookup, fn: ((arg: A) => R) | undefined, argKey: (arg: A) => string) =>
    fn &&
    ((arg: A): R => {
      try {
        const answer = fn(arg)
        deps.push([lookup, argKey(arg), answerKey(answer)])
        return answer
      } catch (error) {
        deps.push([lookup, argKey(arg), `!${String(error)}`])
        throw error
      }
    })
  recording.resolveReference = wrap('reference', options.resolveReference, String)
  recording.resolveCastCredit = wrap('castCredit', options.resolveCastCredit, String)
  recording.resolveStatus = wrap('status', options.resolveStatus, String)
  if (typeof options.imageUrl === 'function') {
    const fn = options.imageUrl
    recording.imageUrl = (image, width) => {
      const arg = JSON.stringify([image, width])
      try {
        const answer = fn(image, width)
        deps.push(['imageUrl', arg, answerKey(answer)])
        return answer
      } catch (error) {
        deps.push(['imageUrl', arg, `!${String(error)}`])
        throw error
      }
    }
  }
  return { options: recording, deps, warnings }
}

/** True when every recorded lookup still gives the recorded answer. */
function stillValid(entry: Entry, options: RichTextOptions): boolean {
  for (const [lookup, argument, answer] of entry.deps) {
    let now: string
    try {
      switch (lookup) {
        case 'reference':
          now = answerKey(options.resolveReference?.(argument))
          break
        case 'castCredit':
          now = answerKey(options.resolveCastCredit?.(argument))
          break
        case 'status':
          now = answerKey(options.resolveStatus?.(argument))
          break
        case 'imageUrl': {
          if (typeof options.imageUrl !== 'function') return false
          const [image, width] = JSON.parse(argument) as [Record<string, unknown>, number]
          now = answerKey(options.imageUrl(image, width))
          break
        }
      }
    } catch (error) {
      now = `!${String(error)}`
    }
    if (now !== answer) return false
  }
  return true
}

function answerKey(answer: unknown): string {
  return answer === undefined ? 'u' : JSON.stringify(answer)
}

/** Options that change output, as a hash; resolvers and the warning sink are left out. */
function hashOptions(options: RichTextOptions): string {
  const plain: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options)) {
    if (key === 'onWarning' || key.startsWith('resolve')) continue
    plain[key] = typeof value === 'function' ? 'function' : value
  }
  return createHash('sha1').update(stableJson(plain)).digest('base64')
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

/**
 * The index this process saved last: a process that builds again (the publisher's worker) reads it
 * back from memory while the file is still the one it wrote.
 */
let lastSaved: { file: string; version: string; code: string; entries: Map<string, Entry> } | undefined

function fileVersion(file: string): string {
  const info = statSync(file, { bigint: true })
  return `${info.ino}:${info.size}:${info.mtimeNs}`
}

function loadIndex(file: string, code: string): Map<string, Entry> {
  if (!existsSync(file)) return new Map()
  if (lastSaved?.file === file && lastSaved.code === code && lastSaved.version === fileVersion(file))
    return lastSaved.entries
  try {
    const index = deserialize(readFileSync(file)) as SavedIndex
    if (index.format !== FORMAT || index.code !== code) return new Map()
    return index.entries
  } catch {
    // A damaged index only costs a cold build.
    return new Map()
  }
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
