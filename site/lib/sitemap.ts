import type { SitemapEntry, SitemapFile } from '../../scripts/site-data/index.ts'
import { type Xml, x, xmlDocument } from './xml.ts'

/**
 * Each page's `<url>` element by its address, while its time is the same: the sitemap is written on
 * every publish, and nearly all of it as before (this module lives as long as the process; the
 * template that uses it is loaded anew for each run).
 */
const elements = new Map<string, { lastmod: string; xml: Xml }>()

/** Most elements kept (those of long-gone pages go when it starts again). */
const KEEP_AT_MOST = 200_000

/**
 * A sitemap (sitemaps.org 0.9) of `entries`, in their order.
 *
 * @param entries every page with the time its content last changed
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  return xmlDocument(
    x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' }, entries.map(urlElement)),
  )
}

/**
 * A sitemap index (sitemaps.org 0.9): each file of the sitemap with the time its newest page changed.
 *
 * @param files the sitemap's files
 */
export function sitemapIndexXml(files: readonly SitemapFile[]): string {
  return xmlDocument(
    x(
      'sitemapindex',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      files.map((file) => x('sitemap', [x('loc', file.loc), x('lastmod', file.lastmod)])),
    ),
  )
}

function urlElement(entry: SitemapEntry): Xml {
  const known = elements.get(entry.loc)
  if (known?.lastmod === entry.lastmod) return known.xml
  const xml = x('url', [x('loc', entry.loc), x('lastmod', entry.lastmod)])
  if (elements.size >= KEEP_AT_MOST) elements.clear()
  elements.set(entry.loc, { lastmod: entry.lastmod, xml })
  return xml
}
