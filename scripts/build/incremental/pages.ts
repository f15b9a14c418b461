/**
 * Page tracking and page selection inside Eleventy.
 *
 * Tracking: while a build renders, every read a page makes of the global data `reel` (site data) is
 * recorded, whether it happens in the template, its layout, its permalink or its computed data. A page
 * of a one-item-per-page template (`pagination: { data: 'reel.…', size: 1 }`) is also tied to its
 * item. So after a build we know, for every output file, exactly which parts of the site data it
 * depends on: the incremental build compares those parts with the new data instead of relying on
 * per-template rules, and stays correct when templates change what they show.
 *
 * Selection: an Eleventy run can be limited to some templates, and for one-item-per-page templates
 * to some items, by filtering the pagination before Eleventy pages it (`pagination.before`).
 *
 * The hooks are stateless: a run is found from the `reel` object Eleventy hands the template, so
 * several runs (and plain, untracked builds) can share the process.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { SiteData } from '../../site-data/index.ts'

/** What a run renders (default: everything). */
export interface RenderPlan {
  /**
   * Per template (input path): every page, or the pages of the listed item keys; templates not
   * listed are skipped.
   */
  templates?: ReadonlyMap<string, 'all' | ReadonlySet<string>> | undefined
  /**
   * One share of the pages, for rendering in several runs or threads: items split by key into
   * shares 0 … count-1; the templates that are not one page per item form a share of their own,
   * `'whole'` (they include the largest pages, the archive and the sitemap, and would make the
   * share that also rendered them the run that decides the build's peak memory).
   */
  shard?: { index: Share; count: number } | undefined
}

/** An item share (0 … count-1), or the share of the templates not split by item. */
export type Share = number | 'whole'

/** How a template makes its pages. */
export interface TemplateInfo {
  inputPath: string
  /** Pages come one per item of this `reel` list (`pagination.size` 1). */
  items?: string | undefined
}

/** One written page and what it read. */
export interface PageRecord {
  /** Output path relative to the output directory, with `/` separators. */
  output: string
  url: string
  template: string
  /** Key of the page's item, for one-item-per-page templates. */
  item?: string | undefined
  /** Top-level keys of `reel` the page read (`*` when it listed them all). */
  reads: string[]
  /**
   * The page read something the item and `reel` do not cover (`pagination` details such as page
   * numbers, `collections`), or was not rendered through the tracking hook: its template is always
   * rendered whole.
   */
  whole: boolean
}

interface Recorder {
  reads: Set<string>
  whole: boolean
  item?: object | undefined
  template?: string | undefined
}

interface Run {
  readonly siteData: SiteData
  readonly plan: RenderPlan | undefined
  readonly templates: Map<string, TemplateInfo>
  /** Reads made before the output path is known (permalink, computed data), by page object. */
  readonly early: WeakMap<object, Recorder>
  readonly earlyPages: object[]
  /** Reads by output path (absolute, as Eleventy reports it). */
  readonly byOutput: Map<string, Recorder>
}

/**
 * Runs by their `reel` object. Kept on `globalThis`: Eleventy imports the site config (and through it
 * the template hook) natively, while a test runner may have loaded this module separately.
 */
const RUNS = Symbol.for('reel-status.incremental.runs')
const shared = globalThis as { [RUNS]?: WeakMap<object, Run> }
shared[RUNS] ??= new WeakMap()
const runs = shared[RUNS]

/** Keys of `pagination` a page may read without depending on other pages. */
const ITEM_PAGINATION_KEYS = new Set(['items', 'data', 'size', 'alias', 'addAllPagesToCollections'])

export interface TrackedRun {
  /** Eleventy config callback: global data `reel` and the selection preprocessor. */
  configure(eleventyConfig: EleventyConfigLike): void
  /** Templates seen by this run. */
  templates(): Map<string, TemplateInfo>
  /** What each written page read; `outputs` are Eleventy's written paths. */
  pages(
    outputs: ReadonlyArray<{ outputPath: string; url: string; inputPath: string }>,
    outDir: string,
  ): PageRecord[]
}

export interface EleventyConfigLike {
  addGlobalData(name: string, value: unknown): void
  addPreprocessor(
    name: string,
    extensions: string,
    callback: (this: { inputPath: string }, data: Record<string, unknown>, content: unknown) => unknown,
  ): void
}

/**
 * Starts tracking an Eleventy run over `siteData` (which is frozen at the top level so Eleventy hands
 * it to every page without copying it).
 *
 * @param siteData the run's global data `reel`
 * @param plan render only these templates / items (default: everything)
 */
export function trackRun(siteData: SiteData, plan?: RenderPlan): TrackedRun {
  Object.freeze(siteData)
  const run: Run = {
    siteData,
    plan,
    templates: new Map(),
    early: new WeakMap(),
    earlyPages: [],
    byOutput: new Map(),
  }
  runs.set(siteData, run)
  return {
    configure(eleventyConfig) {
      eleventyConfig.addGlobalData('reel', siteData)
      eleventyConfig.addPreprocessor('reel-pages', '*', function (data) {
        return preprocess(run, normalisePath(this.inputPath), data)
      })
    },
    templates: () => run.templates,
    pages(outputs, outDir) {
      for (const page of run.earlyPages) {
        const outputPath = (page as { outputPath?: unknown }).outputPath
        const recorder = run.early.get(page)
        if (typeof outputPath !== 'string' || !recorder) continue
        merge(recorderFor(run, outputPath), recorder)
      }
      const prefix = `${normalisePath(outDir).replace(/\/+$/, '')}/`
      return outputs.map((written) => {
        const recorder = run.byOutput.get(written.outputPath)
        const template = normalisePath(written.inputPath)
        const info = run.templates.get(template)
        const output = normalisePath(written.outputPath)
        return {
          output: output.startsWith(prefix) ? output.slice(prefix.length) : output,
          url: written.url,
          template,
          item: info?.items && recorder?.item ? itemKey(recorder.item) : undefined,
          reads: recorder ? [...recorder.reads].sort() : ['*'],
          whole: !recorder || recorder.whole || (info?.items !== undefined && !recorder.item),
        }
      })
    },
  }
}

/**
 * The identity of an item across builds: its `id`, else its `url`, else its `slug`, else a hash of
 * its content (a changed item then counts as removed and added, which is still correct).
 */
export function itemKey(item: unknown): string {
  return (
    namedKey(item) ??
    `hash:${createHash('sha1')
      .update(JSON.stringify(item) ?? 'undefined')
      .digest('base64')}`
  )
}

/**
 * The key of an item that names itself (`id`, else `url`, else `slug`), as {@link itemKey} gives it;
 * `undefined` for an item that does not.
 *
 * @param item a site-data list item
 */
export function namedKey(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined
  const record = item as Record<string, unknown>
  for (const field of ['id', 'url', 'slug'] as const) {
    const value = record[field]
    if (typeof value === 'string' && value !== '') return `${field}:${value}`
  }
  return undefined
}

/**
 * Options for the `.11ty.ts` extension (site/eleventy.config.ts): templates render as before, with
 * their data seen through the tracking view when the build tracks pages.
 *
 * Templates are imported once per process (`templateModule`) rather than by Eleventy's `11ty.js`
 * loader, which imports each template again for every run under a new cache-busting URL: Node keeps
 * every module it has imported, so a process that builds again and again (the publisher's build
 * worker, a build's runs of 1,000 pages) kept each run's copies of every template.
 */
export const trackedTemplates = {
  key: '11ty.js',
  read: false,
  getData: true,
  getInstanceFromInputPath: (inputPath: string): Promise<TemplateModule> => templateModule(inputPath),
  compile(_content: unknown, inputPath: string) {
    return async (data: Record<string, unknown>): Promise<string> => {
      const run = data && typeof data === 'object' ? runs.get(data.reel as object) : undefined
      if (!run) return renderTemplate(inputPath, data)
      const page = data.page as { outputPath?: unknown; inputPath?: unknown } | undefined
      const outputPath = page?.outputPath
      if (typeof outputPath !== 'string') return renderTemplate(inputPath, data)
      const recorder = recorderFor(run, outputPath)
      const template = typeof page?.inputPath === 'string' ? normalisePath(page.inputPath) : undefined
      if (template && !recorder.template) recorder.template = template
      const info = template ? run.templates.get(template) : undefined
      if (info?.items && !recorder.item) {
        const items = (data.pagination as { items?: unknown } | undefined)?.items
        if (Array.isArray(items) && items.length === 1 && items[0] && typeof items[0] === 'object') {
          recorder.item = items[0] as object
        }
      }
      return renderTemplate(inputPath, trackedData(run, data, recorder))
    }
  },
}

/** What a `.11ty.ts` template module exports. */
export interface TemplateModule {
  data?: unknown
  render?: (data: Record<string, unknown>) => string | Promise<string>
}

/** Template modules by absolute path, each imported once per process. */
const templateModules = new Map<string, Promise<TemplateModule>>()

/**
 * The module of a template, imported on first use (a failed import is tried again next time).
 *
 * @param inputPath the template's path, absolute or relative to the working directory
 */
export function templateModule(inputPath: string): Promise<TemplateModule> {
  const path = resolve(inputPath)
  let module = templateModules.get(path)
  if (!module) {
    // A plain object: Eleventy also uses the instance as the template's raw input.
    module = import(pathToFileURL(path).href).then((exports: TemplateModule) => ({ ...exports }))
    module.catch(() => templateModules.delete(path))
    templateModules.set(path, module)
  }
  return module
}

async function renderTemplate(inputPath: string, data: Record<string, unknown>): Promise<string> {
  const { render } = await templateModule(inputPath)
  if (typeof render !== 'function') throw new Error(`${inputPath} exports no render function`)
  return render(data)
}

function preprocess(run: Run, inputPath: string, data: Record<string, unknown>): false | undefined {
  const pagination = data.pagination as
    | { data?: unknown; size?: unknown; before?: (items: unknown[], data: unknown) => unknown[] }
    | undefined
  const items =
    pagination &&
    pagination.size === 1 &&
    typeof pagination.data === 'string' &&
    pagination.data.startsWith('reel.')
      ? pagination.data
      : undefined
  run.templates.set(inputPath, { inputPath, items })
  wrapFunctions(run, data)

  const plan = run.plan
  if (!plan) return undefined
  const keep: Array<(key: string) => boolean> = []
  if (plan.templates) {
    const selected = plan.templates.get(inputPath)
    if (selected === undefined) return false
    if (selected !== 'all' && items) keep.push((key) => selected.has(key))
  }
  if (plan.shard && plan.shard.count > 1) {
    const { index, count } = plan.shard
    if (!items) {
      if (index !== 'whole') return false
    } else {
      if (index === 'whole') return false
      keep.push((key) => shareOf(key, count) === index)
    }
  }
  if (keep.length === 0 || !pagination) return undefined
  const own = pagination.before
  pagination.before = function (this: unknown, list: unknown[], all: unknown) {
    const base = own ? own.call(this, list, all) : list
    return base.filter((item) => {
      const key = itemKey(item)
      return keep.every((test) => test(key))
    })
  }
  return undefined
}

/** Which of `count` shares an item key falls in (stable across runs and processes). */
function shareOf(key: string, count: number): number {
  let hash = 2166136261
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619)
  return (hash >>> 0) % count
}

/** Permalink and computed-data functions see the tracking view too. */
function wrapFunctions(run: Run, data: Record<string, unknown>): void {
  if (typeof data.permalink === 'function') data.permalink = wrap(run, unwrapped(data.permalink as Fn))
  const computed = data.eleventyComputed
  if (computed && typeof computed === 'object') data.eleventyComputed = wrapComputed(run, computed)
}

type Fn = (this: unknown, data: Record<string, unknown>, ...rest: unknown[]) => unknown

function wrapComputed(run: Run, value: object): object {
  const out: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) {
    out[key] =
      typeof entry === 'function'
        ? wrap(run, unwrapped(entry as Fn), 'computed')
        : entry && typeof entry === 'object' && !Array.isArray(entry)
          ? wrapComputed(run, entry)
          : entry
  }
  return out
}

/** Each wrapper's function, so that data seen by two runs is never wrapped twice. */
const wrappedFunctions = new WeakMap<Fn, Fn>()

function unwrapped(fn: Fn): Fn {
  return wrappedFunctions.get(fn) ?? fn
}

function wrap(run: Run, fn: Fn, kind: 'permalink' | 'computed' = 'permalink'): Fn {
  const wrapper: Fn = function (this: unknown, data, ...rest) {
    if (!data || typeof data !== 'object' || (data.reel as unknown) !== run.siteData) {
      // Eleventy first calls computed functions with stand-in data, to find which other computed
      // keys or collections they read. This site's read its data alone (test/site/computed.test.ts
      // holds every template to that), so there is nothing to find: running them on stand-ins cost
      // as much as running them (~1 s of a 10,000-article build).
      if (kind === 'computed') return undefined
      return fn.call(this, data, ...rest)
    }
    const page = data.page
    if (!page || typeof page !== 'object') return fn.call(this, data, ...rest)
    let recorder = run.early.get(page)
    if (!recorder) {
      recorder = { reads: new Set(), whole: false }
      run.early.set(page, recorder)
      run.earlyPages.push(page)
    }
    return fn.call(this, trackedData(run, data, recorder), ...rest)
  }
  wrappedFunctions.set(wrapper, fn)
  return wrapper
}

function recorderFor(run: Run, outputPath: string): Recorder {
  let recorder = run.byOutput.get(outputPath)
  if (!recorder) {
    recorder = { reads: new Set(), whole: false }
    run.byOutput.set(outputPath, recorder)
  }
  return recorder
}

function merge(into: Recorder, from: Recorder): void {
  for (const key of from.reads) into.reads.add(key)
  if (from.whole) into.whole = true
}

/** The page's data with `reel` reads recorded, and reads that tie it to other pages flagged. */
function trackedData(run: Run, data: Record<string, unknown>, recorder: Recorder): Record<string, unknown> {
  const reel = new Proxy(run.siteData, {
    get(target, key, receiver) {
      if (typeof key === 'string') recorder.reads.add(key)
      return Reflect.get(target, key, receiver)
    },
    has(target, key) {
      if (typeof key === 'string') recorder.reads.add(key)
      return Reflect.has(target, key)
    },
    ownKeys(target) {
      recorder.reads.add('*')
      return Reflect.ownKeys(target)
    },
    getOwnPropertyDescriptor(target, key) {
      if (typeof key === 'string') recorder.reads.add(key)
      return Reflect.getOwnPropertyDescriptor(target, key)
    },
  })
  return new Proxy(data, {
    get(target, key, receiver) {
      if (key === 'reel') return reel
      const value = Reflect.get(target, key, receiver)
      if (key === 'collections') recorder.whole = true
      if (key === 'pagination' && value && typeof value === 'object') return paginationView(value, recorder)
      return value
    },
  })
}

function paginationView(pagination: object, recorder: Recorder): object {
  return new Proxy(pagination, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !ITEM_PAGINATION_KEYS.has(key)) recorder.whole = true
      return Reflect.get(target, key, receiver)
    },
    ownKeys(target) {
      recorder.whole = true
      return Reflect.ownKeys(target)
    },
  })
}

function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '')
}
