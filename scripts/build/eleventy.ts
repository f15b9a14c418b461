import { fileURLToPath } from 'node:url'
import Eleventy from '@11ty/eleventy'
import type { SiteData } from '../site-data/index.ts'

const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Runs Eleventy over `site/` with the prepared data as global data `reel`.
 *
 * @param siteData page data from `buildSiteData`
 * @param outDir where Eleventy writes
 * @returns the number of pages written
 */
export async function runEleventy(siteData: SiteData, outDir: string): Promise<{ pages: number }> {
  const previous = process.cwd()
  // Eleventy resolves its input and config relative to the working directory.
  process.chdir(root)
  try {
    const eleventy = new Eleventy('site/pages', outDir, {
      configPath: 'site/eleventy.config.ts',
      quietMode: true,
      config(eleventyConfig: { addGlobalData(name: string, value: unknown): void }) {
        eleventyConfig.addGlobalData('reel', siteData)
      },
    })
    // Our own progress lines report the build; Eleventy's summary would duplicate them.
    eleventy.disableLogger()
    const [, templates] = (await eleventy.write()) as [unknown, unknown[]]
    return { pages: templates.flat(Infinity).length }
  } finally {
    process.chdir(previous)
  }
}
