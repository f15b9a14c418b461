import { sitemapEntries } from '../../scripts/site-data/sitemap.ts'
import type { PageData } from '../lib/page-data.ts'
import { x, xmlDocument } from '../lib/xml.ts'

/** `/sitemap.xml`: every page with the time its content last changed. */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return xmlDocument(
    x(
      'urlset',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      sitemapEntries(reel).map((entry) => x('url', [x('loc', entry.loc), x('lastmod', entry.lastmod)])),
    ),
  )
}
