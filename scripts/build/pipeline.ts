import { access, mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildSiteData, type SiteConfig, type SiteData } from '../site-data/index.ts'
import { fetchSnapshot } from '../site-data/snapshot.ts'
import type { ContentSource } from '../source/index.ts'
import { runEleventy } from './eleventy.ts'
import { stagingDirFor, swapIntoPlace } from './output.ts'
import { type Progress, silentProgress } from './progress.ts'

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
}

export interface BuildResult {
  out: string
  pages: number
  seconds: number
  warnings: SiteData['warnings']
}

/** Raised by `--strict` builds that produced warnings; the published site is left untouched. */
export class StrictModeError extends Error {
  readonly warnings: SiteData['warnings']
  constructor(warnings: SiteData['warnings']) {
    super(`${warnings.length} content warning(s) in strict mode; nothing was published`)
    this.name = 'StrictModeError'
    this.warnings = warnings
  }
}

export interface RenderResult {
  dir: string
  pages: number
  warnings: SiteData['warnings']
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
  const now = options.now ?? new Date()

  progress.step(`querying ${options.source.description}`)
  const snapshot = await fetchSnapshot(options.source, now)
  progress.step(
    `loaded ${snapshot.articles.length} articles, ${snapshot.shows.length} shows, ${snapshot.people.length} people`,
  )

  const siteData = buildSiteData(snapshot, { site: options.site, file: options.origin, builtAt: now })
  for (const warning of siteData.warnings) progress.warn(warning.message)
  if (options.strict && siteData.warnings.length > 0) throw new StrictModeError(siteData.warnings)

  progress.step('rendering pages with Eleventy')
  const { pages } = await runEleventy(siteData, dir)
  await writeReport(dir, siteData)
  await assertLooksComplete(dir, pages)
  return { dir, pages, warnings: siteData.warnings }
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
  try {
    const { pages, warnings } = await renderSite(options, staging)
    await swapIntoPlace(staging, options.out)
    return { out: options.out, pages, seconds: (performance.now() - started) / 1000, warnings }
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** Build diagnostics for operators; not linked from any page. */
async function writeReport(dir: string, siteData: SiteData): Promise<void> {
  await mkdir(join(dir, '_build'), { recursive: true })
  const report = { builtAt: siteData.builtAt, warnings: siteData.warnings }
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
