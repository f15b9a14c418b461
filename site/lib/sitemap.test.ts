import { describe, expect, it } from 'vitest'
import { sitemapIndexXml, sitemapXml } from './sitemap.ts'
import { x, xmlDocument } from './xml.ts'

const entry = (loc: string, lastmod: string) => ({ loc, lastmod })

/** The same sitemap printed with `x()` alone. */
function plain(entries: ReadonlyArray<{ loc: string; lastmod: string }>): string {
  return xmlDocument(
    x(
      'urlset',
      { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
      entries.map((e) => x('url', [x('loc', e.loc), x('lastmod', e.lastmod)])),
    ),
  )
}

describe('sitemapXml', () => {
  it('prints what x() prints, with each page’s current time, in the order given', () => {
    const first = [
      entry('https://example.com/', '2026-11-30T00:00:00Z'),
      entry('https://example.com/a?b&c', '2026-01-01T00:00:00Z'),
    ]
    expect(sitemapXml(first)).toBe(plain(first))
    const next = [
      entry('https://example.com/a?b&c', '2026-01-01T00:00:00Z'),
      entry('https://example.com/', '2026-12-01T10:00:00Z'),
      entry('https://example.com/new', '2026-12-01T10:00:00Z'),
    ]
    expect(sitemapXml(next)).toBe(plain(next))
    expect(sitemapXml(next)).toContain('<lastmod>2026-12-01T10:00:00Z</lastmod>')
    expect(sitemapXml(next)).not.toContain('2026-11-30')
  })
})

describe('sitemapIndexXml', () => {
  it('names each file with its time, as x() prints it', () => {
    const files = [
      {
        url: '/sitemaps/pages-1.xml',
        loc: 'https://example.com/sitemaps/pages-1.xml',
        lastmod: '2026-12-01T10:00:00Z',
        entries: [],
      },
      {
        url: '/sitemaps/a&b-1.xml',
        loc: 'https://example.com/sitemaps/a&b-1.xml',
        lastmod: '2026-01-01T00:00:00Z',
        entries: [],
      },
    ]
    expect(sitemapIndexXml(files)).toBe(
      xmlDocument(
        x(
          'sitemapindex',
          { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9' },
          files.map((file) => x('sitemap', [x('loc', file.loc), x('lastmod', file.lastmod)])),
        ),
      ),
    )
    expect(sitemapIndexXml(files)).toContain('<loc>https://example.com/sitemaps/a&#x26;b-1.xml</loc>')
  })
})
