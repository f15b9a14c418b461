import { describe, expect, it } from 'vitest'
import { sitemapEntries } from './sitemap.ts'
import type { SiteData } from './types.ts'
import { absoluteUrl } from './urls.ts'

const article = (id: string, updatedAt: string) => ({ id, url: `/articles/${id}/`, updatedAt })

function siteData(url: string): SiteData {
  const articles = [
    article('a', '2024-05-01T10:00:00Z'),
    article('b ü', '2024-06-02'),
    article('c', '2023-01-01'),
  ]
  return {
    site: { url },
    builtAt: '2026-11-30T00:00:00.000Z',
    articles,
    shows: [],
    people: [],
    authors: [],
    networks: [],
    tagPages: [{ url: '/tags/drama/', articles: articles.slice(0, 1) }],
    statusPages: [],
    archivePages: [{ url: '/archive/', articles }],
  } as unknown as SiteData
}

describe('sitemapEntries', () => {
  it('gives absolute URLs as absoluteUrl does, for a site at a sub-path too', () => {
    for (const url of ['https://reelstatus.example', 'https://example.com/reel']) {
      const entries = sitemapEntries(siteData(url))
      const paths = [
        '/',
        '/search/',
        '/archive/',
        '/articles/a/',
        '/articles/b ü/',
        '/articles/c/',
        '/tags/drama/',
      ]
      expect(entries.map((entry) => entry.loc)).toEqual(paths.map((path) => absoluteUrl(url, path)))
    }
  })

  it('dates each page by the newest of what it lists, dates alone at midnight UTC', () => {
    const byLoc = new Map(
      sitemapEntries(siteData('https://reelstatus.example')).map((e) => [e.loc, e.lastmod]),
    )
    expect(byLoc.get('https://reelstatus.example/archive/')).toBe('2024-06-02T00:00:00Z')
    expect(byLoc.get('https://reelstatus.example/articles/a/')).toBe('2024-05-01T10:00:00Z')
    expect(byLoc.get('https://reelstatus.example/tags/drama/')).toBe('2024-05-01T10:00:00Z')
  })
})
