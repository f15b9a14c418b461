/**
 * Incremental builds: render only the pages whose data changed, reuse every other page of the
 * previous build, and publish the result atomically.
 *
 * A build records, for every page it writes, which template made it, from which item, which parts of
 * the site data it read and a fingerprint of that data (`_build/manifest.json`, see
 * incremental/manifest.ts and incremental/pages.ts). The next build computes the complete site data
 * (cheap: rich text comes from the cache, scripts/build/cache.ts), recomputes each page's fingerprint
 * from the data it read last time, and renders with Eleventy only the pages whose fingerprint changed,
 * new items, and templates whose data changed. Unchanged pages are hard-linked from the previous
 * build; pages of deleted or unpublished documents are simply not carried over. Whatever changed — an
 * edit, a new or deleted document, a slug, a reference — the result is the same as a full build.
 *
 * A full build happens instead when there is no usable previous build: no manifest, different
 * templates or build code (`siteCodeHash`), or different site settings.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serialize } from 'node:v8'
import { Worker } from 'node:worker_threads'
import type { SiteData } from '../site-data/index.ts'
import { openRichTextCache, type RichTextCache } from './cache.ts'
import type { WrittenPage } from './eleventy.ts'
import { withDeferredAsLocations } from './incremental/deferred.ts'
import { DataHasher, siteCodeHash } from './incremental/fingerprint.ts'
import {
  fingerprintPages,
  type IncrementalPlan,
  MANIFEST_PATH,
  type Manifest,
  type ManifestPage,
  type PreparedManifest,
  planIncremental,
  prepareManifest,
  readManifest,
  siteConfigHash,
  templateEntries,
} from './incremental/manifest.ts'
import type { PageRecord, RenderPlan, Share, TemplateInfo } from './incremental/pages.ts'
import { type RenderedShares, renderShares } from './incremental/render.ts'
import { filesUnderSync, linkFiles } from './incremental/tree.ts'
import { type BuildOptions, type RenderResult, renderSite } from './pipeline.ts'
import { type Progress, silentProgress } from './progress.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Default cache location (rendered rich text); `REEL_CACHE_DIR` overrides it, `off` disables it. */
export const DEFAULT_CACHE_DIR = join(ROOT, '.cache', 'reel')

/**
 * The cache directory to use: the option, else `REEL_CACHE_DIR`, else {@link DEFAULT_CACHE_DIR};
 * `false` (or `REEL_CACHE_DIR=off`) means no cache.
 */
export function cacheDirFor(option: string | false | undefined, env = process.env): string | false {
  if (option === false) return false
  const value = option ?? env.REEL_CACHE_DIR ?? DEFAULT_CACHE_DIR
  if (value === '' || value === 'off') return false
  return isAbsolute(value) ? value : resolve(value)
}

/** The rich-text cache of one build, held under a lock. */
export interface BuildCache {
  richText: RichTextCache
  /** Saves what this build rendered and releases the lock. */
  save(): void
  /** Releases the lock without saving (failed build). */
  release(): void
}

/**
 * Opens the build cache. Without a cache directory (`false`), or when another build holds it, the
 * build renders through a throwaway cache instead: bodies still stay on disk until a page uses them,
 * and fingerprints come out the same as with the kept cache.
 */
export function openBuildCache(option: string | false, progress: Progress = silentProgress): BuildCache {
  let dir = option
  if (dir !== false) {
    mkdirSync(dir, { recursive: true })
    if (!acquireLock(join(dir, 'lock'))) {
      progress.step(`cache ${dir} is in use by another build; using a fresh one`)
      dir = false
    }
  }
  const throwaway = dir === false
  const root = dir === false ? mkdtempSync(join(tmpdir(), 'reel-cache-')) : dir
  const cleanup = () => rmSync(throwaway ? root : join(root, 'lock'), { recursive: true, force: true })
  let richText: RichTextCache
  try {
    richText = openRichTextCache(join(root, 'richtext'))
  } catch (error) {
    cleanup()
    throw error
  }
  let open = true
  const release = () => {
    if (!open) return
    open = false
    process.off('exit', release)
    richText.close()
    cleanup()
  }
  // A failed build still frees the cache for the next one when the process ends.
  process.once('exit', release)
  return {
    richText,
    save() {
      if (!open) return
      try {
        if (!throwaway) richText.save()
      } finally {
        release()
      }
    },
    release,
  }
}

/** A lock directory holding the owner's pid; a lock whose owner is gone is taken over. */
function acquireLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lock)
      writeFileSync(join(lock, 'pid'), String(process.pid))
      return true
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      let owner = Number.NaN
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'))
      } catch {}
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) return false
      rmSync(lock, { recursive: true, force: true })
    }
  }
  return false
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface RenderPagesOptions {
  /** A previous build directory to reuse pages from (incremental build); absent: full build. */
  previous?: string | undefined
  /**
   * `previous` is being copied ahead of time (see `PreparedTree`): reused pages are not linked into
   * `dir`, the caller settles `dir` into the copy once everything is written.
   */
  linkReused?: boolean
  progress?: Progress
}

/** What a render did: everything, or only what changed. */
export interface RenderSummary {
  mode: 'full' | 'incremental'
  /** Pages Eleventy rendered. */
  rendered: number
  /** Pages reused from the previous build. */
  reused: number
  /** Why a build given a previous one rendered everything. */
  reason?: string | undefined
}

export interface IncrementalBuildOptions extends Omit<BuildOptions, 'out' | 'previous' | 'changed'> {
  /** Document ids the webhooks named (drafts and versions included; for the log). */
  changedIds: readonly string[]
  /** The build currently published (a directory with `_build/manifest.json`). */
  previousDir: string
  /** Where to build the new release: must not exist, on the same filesystem as `previousDir`. */
  nextDir: string
}

/**
 * An incremental build for the publisher: renders into `nextDir` the pages whose data changed since
 * `previousDir` and links the others from it (see the module comment). `nextDir` is complete when this
 * resolves; publishing it (swapping it in) is the caller's step. Falls back to a full render when
 * `previousDir` cannot be reused.
 */
export function buildIncremental(options: IncrementalBuildOptions): Promise<RenderResult> {
  const { changedIds, previousDir, nextDir, ...rest } = options
  return renderSite({ ...rest, previous: previousDir, changed: changedIds }, nextDir)
}

export interface RenderedPages extends RenderSummary {
  /** Pages in the build (rendered now or reused). */
  pages: number
  /** Output paths of the pages reused from the previous build. */
  reusedOutputs: string[]
  /** HTML files among the build's pages (rendered or reused). */
  htmlPages: number
  /**
   * Makes the build's manifest (`_build/manifest.json`), to be written into the build's directory
   * with `write`; call once every page is in place, and once.
   */
  manifest(): PreparedManifest
}

/**
 * The last build's hasher: a process that builds again (the publisher's worker) takes the
 * fingerprints of unchanged items from it instead of hashing them again.
 */
let lastHasher: DataHasher | undefined

/**
 * Renders the site's pages into `dir` (a fresh directory) with Eleventy: all of them, or, given a
 * previous build, only those whose data changed, the others linked from the previous build.
 *
 * @param siteData complete site data
 * @param dir fresh output directory, on the same filesystem as `previous`
 */
export async function renderPages(
  siteData: SiteData,
  dir: string,
  options: RenderPagesOptions = {},
): Promise<RenderedPages> {
  const progress = options.progress ?? silentProgress
  const code = siteCodeHash()
  const site = siteConfigHash(siteData.site)
  const previous = options.previous ? await usableManifest(options.previous, code, site) : undefined
  const hasher = new DataHasher(siteData, lastHasher)
  if (previous && previous.manifest === undefined) progress.step(`full render: ${previous.reason}`)
  // Reused pages keep their entries; rendered ones are fingerprinted from what they read.
  const manifestOf = (
    kept: ManifestPage[],
    records: PageRecord[],
    templates: Map<string, TemplateInfo>,
    planned?: IncrementalPlan['planned'],
  ) => {
    const pages: ManifestPage[] = [...kept, ...fingerprintPages(records, templates, hasher, planned)]
    const entries = templateEntries(pages, templates, hasher)
    // Every fingerprint of this build is taken: the next build compares with this one. The kept
    // pages are in the previous manifest's order, which is the order a manifest is written in.
    hasher.forgetPrevious()
    lastHasher = hasher
    return prepareManifest(
      { format: 1, code, site, builtAt: siteData.builtAt, templates: entries, pages },
      kept.length,
    )
  }

  if (!options.previous || !previous?.manifest) {
    const { written, records, templates } = await renderShared(siteData, dir, undefined, progress)
    return {
      pages: written.length,
      reusedOutputs: [],
      htmlPages: countHtml(records.map((page) => page.output)),
      mode: 'full',
      rendered: written.length,
      reused: 0,
      reason: previous?.reason,
      manifest: () => manifestOf([], records, templates),
    }
  }

  const manifest = previous.manifest
  const plan = planIncremental(manifest, Object.keys(manifest.templates), hasher)
  progress.step(
    `incremental render: ${plan.items} item page(s)${plan.whole.length > 0 ? ` and ${plan.whole.length} whole template(s)` : ''} to render, ${plan.kept.length} page(s) reused`,
  )
  for (const [template, selection] of plan.plan) {
    progress.step(`  ${template}: ${selection === 'all' ? 'all pages' : `${selection.size} item(s)`}`)
  }
  const { written, records, templates, rerendered } = await renderShared(siteData, dir, plan.plan, progress)
  const linking = options.linkReused !== false
  progress.step(
    `rendered ${written.length} page(s); ${linking ? 'linking' : 'keeping'} ${plan.kept.length} unchanged page(s)`,
  )
  const renderedOutputs = new Set(records.map((page) => page.output))
  // In the previous manifest's order (by output path), which the next manifest keeps.
  const planned = new Set(plan.kept)
  const kept = manifest.pages.filter(
    (page) => planned.has(page) && !renderedOutputs.has(page.output) && !rerendered.has(page.template),
  )
  const reusedOutputs = kept.map((page) => page.output)
  const clashes = linking
    ? linkFiles(options.previous as string, dir, reusedOutputs)
    : existing(dir, reusedOutputs)
  if (clashes.length > 0)
    throw new Error(`pages rendered over reused ones: ${clashes.slice(0, 5).join(', ')}`)
  return {
    pages: written.length + kept.length,
    reusedOutputs,
    htmlPages: countHtml([...renderedOutputs, ...reusedOutputs]),
    mode: 'incremental',
    rendered: written.length,
    reused: kept.length,
    manifest: () => manifestOf(kept, records, templates, plan.planned),
  }
}

function countHtml(outputs: Iterable<string>): number {
  let count = 0
  for (const output of outputs) if (output.endsWith('.html')) count += 1
  return count
}

/** Which of `files` the render wrote in `dir` too (it holds only what the render wrote). */
function existing(dir: string, files: readonly string[]): string[] {
  const written = new Set(filesUnderSync(dir))
  return files.filter((file) => written.has(file))
}

interface Rendered {
  written: WrittenPage[]
  records: PageRecord[]
  templates: Map<string, TemplateInfo>
  /** Templates rendered again whole because a page needed more than its item. */
  rerendered: Set<string>
}

/**
 * Threads to render with: `REEL_RENDER_THREADS` (at most the machine's cores), else 1. A second
 * thread holds a second copy of the site data and a second Eleventy run: on two cores it saved about
 * a tenth of a 10,000-article build for half again the memory, so it is opt-in.
 */
export function renderThreads(env = process.env): number {
  const value = Number(env.REEL_RENDER_THREADS)
  if (Number.isInteger(value) && value >= 1) return Math.min(value, 8, Math.max(1, availableParallelism()))
  return 1
}

/** Below this many pages a second thread costs more than it saves. */
const PARALLEL_MIN_ITEMS = 2000

/**
 * Renders the planned pages (all, by default) with Eleventy, split between the main thread and
 * worker threads when the site is large. A template filtered item by item whose pages turn out to
 * need more than their item (page numbers, neighbours, collections) is rendered again whole, so
 * filtering never changes a page.
 */
async function renderShared(
  siteData: SiteData,
  dir: string,
  templatesPlan: RenderPlan['templates'],
  progress: Progress,
): Promise<Rendered> {
  const planned = templatesPlan
    ? [...templatesPlan.values()].reduce((n, s) => n + (s === 'all' ? 50 : s.size), 0)
    : siteData.articles.length + siteData.people.length + siteData.shows.length
  const forced = process.env.REEL_RENDER_THREADS !== undefined
  const atRoot = resolve(process.cwd()) === resolve(ROOT)
  const threads = atRoot && (forced || planned >= PARALLEL_MIN_ITEMS) ? renderThreads() : 1
  const batches = Math.max(1, Math.ceil(planned / (threads * renderBatchPages())))
  const count = threads * batches
  const sharesOf = (thread: number): Share[] => [
    // The templates not split by item are a run of their own when there are several (pages.ts).
    ...(count > 1 && thread === 0 ? (['whole'] as const) : []),
    ...Array.from({ length: batches }, (_, b) => b * threads + thread),
  ]
  if (threads > 1 || batches > 1) {
    progress.step(`rendering on ${threads} thread(s) in ${count > 1 ? count + 1 : 1} run(s)`)
  }
  const data = threads > 1 ? withDeferredAsLocations(() => serialize(siteData)) : undefined
  const workers = Array.from({ length: threads - 1 }, (_, i) =>
    renderInWorker(data as Uint8Array, dir, templatesPlan, sharesOf(i + 1), count),
  )
  const parts = await Promise.all([
    renderShares(siteData, dir, templatesPlan, sharesOf(0), count),
    ...workers,
  ])
  const result: Rendered = { written: [], records: [], templates: new Map(), rerendered: new Set() }
  for (const part of parts) {
    result.written.push(...part.written)
    result.records.push(...part.records)
    for (const [path, info] of part.templates) result.templates.set(path, info)
  }
  // A filtered template whose pages need more than their item is rendered again, whole.
  const filtered = new Set<string>()
  for (const [path, info] of result.templates) {
    if (!info.items) continue
    if (count > 1 || (templatesPlan && templatesPlan.get(path) !== 'all')) filtered.add(path)
  }
  const redo = new Set(
    result.records.filter((r) => r.whole && filtered.has(r.template)).map((r) => r.template),
  )
  if (redo.size === 0) return result
  progress.step(`rendering ${[...redo].join(', ')} again whole: its pages read more than their item`)
  const again = await renderShares(
    siteData,
    dir,
    new Map([...redo].map((path) => [path, 'all' as const])),
    [0],
    1,
  )
  return {
    written: [...result.written.filter((w) => !redo.has(normalise(w.inputPath))), ...again.written],
    records: [...result.records.filter((r) => !redo.has(r.template)), ...again.records],
    templates: result.templates,
    rerendered: redo,
  }
}

/**
 * Pages per Eleventy run (`REEL_RENDER_BATCH`, default 1000). Eleventy keeps every page of a run in
 * memory, twice (content and with its layout), until the run ends; runs of 1,000 pages, with the
 * garbage collected between them, keep a 10,000-article build near 630 MiB where one run needed
 * 2.4 GB (runs of 2,000: ~740 MiB, ~8% faster).
 */
function renderBatchPages(env = process.env): number {
  const value = Number(env.REEL_RENDER_BATCH)
  return Number.isInteger(value) && value > 0 ? value : 1000
}

function normalise(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '')
}

function renderInWorker(
  data: Uint8Array,
  dir: string,
  templates: RenderPlan['templates'],
  shares: Share[],
  count: number,
): Promise<RenderedShares> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(new URL('./incremental/render-worker.ts', import.meta.url), {
      workerData: { data, dir, templates, shares, count },
    })
    let settled = false
    worker.once(
      'message',
      (message: Omit<RenderedShares, 'templates'> & { templates: [string, TemplateInfo][] }) => {
        settled = true
        resolvePromise({ ...message, templates: new Map(message.templates) })
        void worker.terminate()
      },
    )
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`render worker exited with code ${code}`))
    })
  })
}

async function usableManifest(
  dir: string,
  code: string,
  site: string,
): Promise<{ manifest?: Manifest; reason?: string }> {
  if (!existsSync(dir)) return { reason: `no previous build at ${dir}` }
  const manifest = await readManifest(dir)
  if (!manifest) return { reason: `no ${MANIFEST_PATH} in ${dir}` }
  if (manifest.code !== code) return { reason: 'templates or build code changed since the previous build' }
  if (manifest.site !== site) return { reason: 'site settings changed since the previous build' }
  return { manifest }
}
