import type { ImageView, SiteData } from '../../scripts/site-data/index.ts'

/** Extra `<head>` content of a page: social cards, structured data, feeds and scripts. */
export interface HeadData {
  /** Open Graph type; `website` when absent. */
  ogType?: 'website' | 'article' | 'video.tv_show' | 'profile'
  /** Social card image; the site's default card when absent. */
  image?: ImageView | undefined
  /** schema.org objects, one `<script type="application/ld+json">` each. */
  jsonLd?: unknown[]
  /** Feeds about this page, besides the site feeds every page links. */
  feeds?: Array<{ href: string; title: string }>
  /** Article times (RFC 3339 or date). */
  publishedTime?: string
  modifiedTime?: string
  tags?: string[]
  /** Keep the page out of search engines (the 404 page). */
  noindex?: boolean
  /** Module scripts; only the search page has one. */
  scripts?: string[]
  /** Previous and next page of a paginated list. */
  prev?: string | undefined
  next?: string | undefined
}

/** The data Eleventy hands to every template of this site. */
export interface PageData {
  reel: SiteData
  /** Rendered template body, for layouts. */
  content?: string
  title?: string
  description?: string
  head?: HeadData
  page: { url: string | false; inputPath: string; outputPath: string | false }
}
