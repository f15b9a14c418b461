/*
 * Eleventy builds the reader's site from data prepared by scripts/build.ts (global data `reel`),
 * so this config only wires templates and assets. Templates are TypeScript (`.11ty.ts`), run by
 * Node's type stripping.
 */

import { trackedTemplates } from '../scripts/build/incremental/pages.ts'

interface EleventyConfig {
  addExtension(extensions: string[], options: { key: string }): void
  addTemplateFormats(formats: string): void
  addPassthroughCopy(paths: Record<string, string>): void
  setQuietMode(quiet: boolean): void
}

export default function configure(eleventyConfig: EleventyConfig) {
  // Rendered as 11ty.js templates; incremental builds record what site data each page reads.
  eleventyConfig.addExtension(['11ty.ts'], trackedTemplates)
  eleventyConfig.addTemplateFormats('11ty.ts')
  eleventyConfig.addPassthroughCopy({ 'site/assets': 'assets' })
  return {
    dir: { input: 'site/pages', includes: '../_includes', data: '../_data' },
    templateFormats: ['11ty.ts'],
  }
}
