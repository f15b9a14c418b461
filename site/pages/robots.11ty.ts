import type { PageData } from '../lib/page-data.ts'

/** `/robots.txt`: everything may be crawled except build diagnostics; points at the sitemap. */
export const data = { permalink: '/robots.txt', eleventyExcludeFromCollections: true }

export function render({ reel }: PageData): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /_build/',
    '',
    `Sitemap: ${reel.site.url}/sitemap.xml`,
    '',
  ].join('\n')
}
