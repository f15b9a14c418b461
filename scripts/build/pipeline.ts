import { access, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { imageSetupFor, publishLocalImages } from '../site-data/images.ts'
import { buildSiteData, type SiteConfig, type SiteData } from '../site-data/index.ts'
import type { SiteDataMemo } from '../site-data/memo.ts'
import { fetchSnapshot } from '../site-data/snapshot.ts'
import type { ContentSource } from '../source/index.ts'
import { buildReport, countsText, validationReportOf } from '../validate/report.ts'
import type { SkippedDocument, ValidationReport } from '../validate/validate.ts'
import { collectGarbage } from './gc.ts'
import { discardKeptTree, keepAsTree, openKeptTree } from './incremental/kept-tree.ts'
import type { PreparedManifest } from './incremental/manifest.ts'
import { filesUnder, type PreparedTree, type SettledTree, settleIntoTree } from './incremental/tree.ts'
import { openBuildCache, type RenderSummary, renderPages } from './incremental.ts'
import { stagingDirFor, swapIntoPlace } from './output.ts'
import { type Progress, silentProgress } from './progress.ts'
import { buildSearchIndex, SEARCH_INDEX_DIR } from './search.ts'

export interface BuildOptions {
  source: ContentSource
  /** Dataset name for messages. */
  origin: string
  /** Published site directory; replaced only when the new build is complete. */
  out: string
  site: SiteConfig
  /** Articles with a later `publishedAt` wait for a later build. Defaults to the current time. */
  now?: Date
  /** Treat content warnings as a failed build. */
  strict?: boolean
  progress?: Progress
  /**
   * A previous build (directory with `_build/manifest.json`, same filesystem) to reuse unchanged pages
   * from: only pages whose data changed are rendered (scripts/build/incremental.ts). `buildSite` uses
   * `out` when `changed` is given.
   */
  previous?: string
  /** Document ids a webhook reported as changed, for the log (what to render is found by comparing data). */
  changed?: readonly string[]
  /**
   * Rendered rich text cache directory, kept across builds (the CLI uses `.cache/reel` or
   * `REEL_CACHE_DIR`, see `cacheDirFor`). Default: none, a throwaway cache for this build only.
   */
  cacheDir?: string | false
  /** Build the Pagefind search index (default true). */
  search?: boolean
  /**
   * A hard-linked copy of `previous` made ahead of time: an incremental render settles into it
   * instead of linking every reused page (see `settleIntoTree`); with `search: false` it keeps the
   * copy's search index. A full render leaves it unused.
   */
  tree?: PreparedTree | undefined
  /**
   * Leave what only the next build reads for the caller to save after it has answered, for a process
   * that answers first: the rich-text cache (`RenderResult.saveCache`) and the build manifest
   * (`RenderResult.manifest`, written wherever the build's directory is by then). Until it is
   * written the build has no manifest: one that is never written makes the next build render
   * everything, never trust another build's manifest.
   */
  saveLater?: boolean
  /**
   * Site data kept from the previous build of a process that builds again (the publisher's worker):
   * what is made from the same inputs is kept as it was (scripts/site-data/memo.ts).
   */
  memo?: SiteDataMemo | undefined
}

export interface BuildResult {
  out: string
  pages: number
  seconds: number
  warnings: SiteData['warnings']
  /** Documents validation left out (each also has a warning). */
  skipped: SkippedDocument[]
}

/** Raised by `--strict` builds that produced warnings; the published site is left untouched. */
export class StrictModeError extends Error {
  readonly warnings: SiteData['warnings']
  readonly skipped: SkippedDocument[]
  constructor(warnings: SiteData['warnings'], skipped: SkippedDocument[] = []) {
    super(`${countsText(warnings.length, skipped.length)} in strict mode; nothing was published`)
    this.name = 'StrictModeError'
    this.warnings = warnings
    this.skipped = skipped
  }
}

export interface RenderResult {
  dir: string
  pages: number
  warnings: SiteData['warnings']
  skipped: SkippedDocument[]
  /** Full or incremental, and how many pages were rendered and reused (see `renderPages`). */
  render: RenderSummary
  /** HTML files in the build. */
  htmlPages: number
  /** Whether the build settled into `options.tree` (it is gone then). */
  usedTree: boolean
  /** What settling into `options.tree` wrote and left (search index included). */
  settled?: SettledTree | undefined
  /** Saves the rich-text cache, when `saveLater` asked for it (else it was saved already). */
  saveCache: () => void
  /**
   * Makes the build manifest, when `saveLater` asked for it (else it is written already):
   * `write` it into the build's directory.
   */
  manifest: (() => PreparedManifest) | undefined
  /** The earliest `publishedAt` still to come (a rebuild is due then), or null. */
  nextScheduledAt: string | null
}

/**
 * Source → GROQ → site data → Eleventy, into a directory of its own. The result is checked (home
 * page present, page count sane) before it is reported as complete.
 *
 * @param options what to build from; `out` is ignored here
 * @param dir a fresh directory to render into
 */
export async function renderSite(options: Omit<BuildOptions, 'out'>, dir: string): Promise<RenderResult> {
  const progress = options.progress ?? silentProgress
  const prepared = await prepareSiteData(options, options.now ?? new Date(), progress)
  try {
    return await renderPrepared(options, dir, prepared, progress)
  } catch (error) {
    // A failed build lets go of the cache (its lock, open files and exit hook) at once: a process
    // that builds again (the publisher's worker) opens it afresh.
    prepared.cache.release()
    throw error
  }
}

type PreparedSiteData = Awaited<ReturnType<typeof prepareSiteData>>

async function renderPrepared(
  options: Omit<BuildOptions, 'out'>,
  dir: string,
  { siteData, validation, images, cache, nextScheduledAt }: PreparedSiteData,
  progress: Progress,
): Promise<RenderResult> {
  const skipped = validation?.skipped ?? []
  if (validation) siteData.warnings.unshift(...validation.warnings)
  for (const warning of siteData.warnings) progress.warn(warning.message)
  if (options.strict && siteData.warnings.length > 0) throw new StrictModeError(siteData.warnings, skipped)

  progress.step(
    options.changed?.length
      ? `rendering pages with Eleventy (changed: ${options.changed.slice(0, 10).join(', ')}${options.changed.length > 10 ? ', …' : ''})`
      : 'rendering pages with Eleventy',
  )
  const rendered = await renderPages(siteData, dir, {
    previous: options.previous,
    linkReused: options.tree === undefined,
    progress,
  })
  // A full render reuses nothing: it has no use for the copy.
  const usedTree = options.tree !== undefined && rendered.mode === 'incremental'
  const { pages } = rendered
  progress.step('publishing images')
  await publishLocalImages(images, dir)
  const indexForSearch = async () => {
    progress.step('indexing pages for search with Pagefind')
    await buildSearchIndex(dir, options.site.language)
  }
  // Pagefind indexes every page in `dir`: with a prepared tree, only once the reused pages are in.
  if (options.search !== false && !usedTree) await indexForSearch()
  await writeReport(dir, siteData, validation)
  if (!options.saveLater) {
    progress.step('writing the build manifest')
    rendered.manifest().write(dir)
    cache.save()
  }
  let settled: SettledTree | undefined
  if (options.tree && usedTree) {
    const tree = options.tree
    const keep = new Set(rendered.reusedOutputs)
    if (options.search === false)
      for (const file of tree.files) if (file.startsWith(`${SEARCH_INDEX_DIR}/`)) keep.add(file)
    progress.step(`settling ${rendered.rendered} page(s) into the prepared copy of the previous build`)
    settled = settleIntoTree(dir, tree, keep)
    if (options.search !== false) {
      await indexForSearch()
      const index = (await filesUnder(join(dir, SEARCH_INDEX_DIR))).map(
        (file) => `${SEARCH_INDEX_DIR}/${file}`,
      )
      settled = { written: [...settled.written, ...index], files: [...settled.files, ...index] }
    }
  }
  await assertLooksComplete(dir, pages)
  const { mode, rendered: renderedPages, reused, reason } = rendered
  return {
    dir,
    pages,
    warnings: siteData.warnings,
    skipped,
    render: { mode, rendered: renderedPages, reused, reason },
    htmlPages: rendered.htmlPages,
    usedTree,
    settled,
    saveCache: () => cache.save(),
    manifest: options.saveLater ? () => rendered.manifest() : undefined,
    nextScheduledAt,
  }
}

/** Rich-text renders after which the heap they grew is given back before pages render. */
const RELEASE_AFTER_RENDERS = 2000

/**
 * Queries the source and builds the site data. The query results are let go when this returns:
 * only the site data is kept while pages render (on a large site the results are tens of MB).
 */
async function prepareSiteData(options: Omit<BuildOptions, 'out'>, now: Date, progress: Progress) {
  progress.step(`querying ${options.source.description}`)
  const snapshot = await fetchSnapshot(options.source, now)
  progress.step(
    `loaded ${snapshot.articles.length} articles, ${snapshot.shows.length} shows, ${snapshot.people.length} people`,
  )
  // Validation ran when the source loaded its documents; its findings lead the build's warnings.
  const validation = validationReportOf(options.source)
  if (validation) {
    progress.step(
      `validated ${validation.documents} documents in ${validation.milliseconds.toFixed(0)} ms: ${countsText(validation.warnings.length, validation.skipped.length)}`,
    )
  }
  const images = await imageSetupFor(options.origin)
  const cache = openBuildCache(options.cacheDir ?? false, progress)
  try {
    const siteData = buildSiteData(snapshot, {
      site: options.site,
      file: options.origin,
      builtAt: now,
      richText: images.options,
      renderer: cache.richText,
      memo: options.memo,
    })
    const { hits, stale, misses } = cache.richText.stats
    progress.step(`rich text: ${hits} cached, ${stale + misses} rendered`)
    if (options.memo?.stats.kept)
      progress.step(
        `site data: ${options.memo.stats.kept} object(s) kept from the previous build (${options.memo.stats.unchanged} unchanged at a glance, ${options.memo.stats.carried} of them carried over unread), ${options.memo.stats.made} made`,
      )
    // Rendering rich text grows the heap well beyond what stays live; pages render on top of
    // whatever the process keeps from that, so a build that rendered much gives it back first.
    if (stale + misses >= RELEASE_AFTER_RENDERS) collectGarbage({ release: true })
    return { siteData, validation, images, cache, nextScheduledAt: snapshot.nextScheduledAt }
  } catch (error) {
    cache.release()
    throw error
  }
}

/**
 * Builds the site and publishes it to `out` atomically: rendered in a staging directory beside
 * `out` and swapped in only when complete, so a failure at any step leaves the previous site
 * exactly as it was.
 *
 * @param options what to build from and where to publish
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now()
  const staging = stagingDirFor(options.out)
  // An incremental build of `out` settles into the copy of it kept by the last one, and keeps the
  // site it replaces as the next copy (see kept-tree.ts); a full build has no use for one.
  const incremental = options.previous === undefined && options.changed !== undefined
  const tree = incremental ? await openKeptTree(options.out) : undefined
  if (!incremental) await discardKeptTree(options.out)
  try {
    const previous = options.previous ?? (options.changed ? options.out : undefined)
    const { pages, warnings, skipped, usedTree, render, settled } = await renderSite(
      { ...options, previous, tree },
      staging,
    )
    if (tree && !usedTree) await discardKeptTree(options.out)
    // After a full render nothing is shared: copying would cost as much as the render's own writes.
    const keep = incremental && render.mode === 'incremental'
    const retired = await swapIntoPlace(staging, options.out, { keepRetired: keep })
    if (retired) {
      options.progress?.step('keeping the replaced site as a copy of the new one for the next build')
      // The replaced site is what the tree copied: it differs from the new one by what was settled.
      await keepAsTree(retired, options.out, tree && settled ? { before: tree.files, ...settled } : undefined)
    }
    return { out: options.out, pages, seconds: (performance.now() - started) / 1000, warnings, skipped }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** Build diagnostics for operators (warnings and skipped documents); not linked from any page. */
async function writeReport(
  dir: string,
  siteData: SiteData,
  validation: ValidationReport | undefined,
): Promise<void> {
  await mkdir(join(dir, '_build'), { recursive: true })
  const report = buildReport(siteData.builtAt, siteData.warnings, validation)
  await writeFile(join(dir, '_build', 'report.json'), `${JSON.stringify(report, null, 2)}\n`)
}

async function assertLooksComplete(dir: string, pages: number): Promise<void> {
  try {
    await access(join(dir, 'index.html'))
  } catch {
    throw new Error('build produced no index.html; keeping the previous site')
  }
  if (pages < 2) throw new Error(`build produced only ${pages} page(s); keeping the previous site`)
}
