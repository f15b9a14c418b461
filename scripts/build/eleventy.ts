import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Eleventy from '@11ty/eleventy'
import type { SiteData } from '../site-data/index.ts'
import type { EleventyConfigLike, TrackedRun } from './incremental/pages.ts'

/** A page Eleventy wrote. */
export interface WrittenPage {
  outputPath: string
  url: string
  inputPath: string
}

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Runs Eleventy over `site/` with the prepared data as global data `reel`.
 *
 * @param siteData page data from `buildSiteData`
 * @param outDir where Eleventy writes
 * @param run page tracking and selection (scripts/build/incremental/pages.ts); it provides `reel`
 * @returns the number of pages written, and which
 */
export async function runEleventy(
  siteData: SiteData,
  outDir: string,
  run?: TrackedRun,
): Promise<{ pages: number; written: WrittenPage[] }> {
  const previous = process.cwd()
  // Eleventy resolves its input and config relative to the working directory (a worker thread
  // cannot change it, and renders only when the process already runs from the project root).
  const move = resolve(previous) !== resolve(root)
  if (move) process.chdir(root)
  try {
    const eleventy = new Eleventy('site/pages', outDir, {
      configPath: 'site/eleventy.config.ts',
      quietMode: true,
      config(eleventyConfig) {
        if (run) run.configure(eleventyConfig as unknown as EleventyConfigLike)
        else eleventyConfig.addGlobalData('reel', siteData)
      },
    })
    // Our own progress lines report the build; Eleventy's summary would duplicate them.
    eleventy.disableLogger()
    const [, templates] = (await eleventy.write()) as [unknown, unknown[]]
    // Only what was written where: the results also hold every page's HTML, which is let go here.
    const written = (templates.flat(Infinity) as Array<Partial<WrittenPage> | undefined>).flatMap((page) =>
      page && typeof page.outputPath === 'string'
        ? [
            {
              outputPath: page.outputPath,
              url: String(page.url ?? ''),
              inputPath: String(page.inputPath ?? ''),
            },
          ]
        : [],
    )
    return { pages: written.length, written }
  } finally {
    if (move) process.chdir(previous)
  }
}
