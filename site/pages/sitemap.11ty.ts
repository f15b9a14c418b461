import { sitemapEntries } from '../../scripts/site-data/sitemap.ts'
import type { PageData } from '../lib/page-data.ts'
import { sitemapXml } from '../lib/sitemap.ts'

/** `/sitemap.xml`: every page with the time its content last changed. */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return sitemapXml(sitemapEntries(reel))
}
