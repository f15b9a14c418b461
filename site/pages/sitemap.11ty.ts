import type { PageData } from '../lib/page-data.ts'
import { sitemapIndexXml } from '../lib/sitemap.ts'

/** `/sitemap.xml`: the sitemap index, naming each file of `/sitemaps/` (sitemaps.11ty.ts). */
export const data = { permalink: '/sitemap.xml', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return sitemapIndexXml(reel.sitemapFiles)
}
