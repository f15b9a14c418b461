import type { SitemapFile } from '../../scripts/site-data/index.ts'
import type { PageData } from '../lib/page-data.ts'
import { sitemapXml } from '../lib/sitemap.ts'

type Data = PageData & { file: SitemapFile }

/** `/sitemaps/<section>-<n>.xml`: up to 1,000 pages each, with the time their content last changed. */
export const data = {
  pagination: { data: 'reel.sitemapFiles', size: 1, alias: 'file', addAllPagesToCollections: false },
  permalink: (data: Data) => data.file.url,
  eleventyExcludeFromCollections: true,
}

export function render({ file }: Data): string {
  return sitemapXml(file.entries)
}
