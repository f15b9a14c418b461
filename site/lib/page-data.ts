import type { SiteData } from '../../scripts/site-data/index.ts'

/** The data Eleventy hands to every template of this site. */
export interface PageData {
  reel: SiteData
  /** Rendered template body, for layouts. */
  content?: string
  title?: string
  description?: string
  page: { url: string | false; inputPath: string; outputPath: string | false }
}
