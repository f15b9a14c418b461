import { describe, expect, it } from 'vitest'
import { sitemapFiles, sitemapSections } from './sitemap.ts'
import type { SiteData } from './types.ts'
import { absoluteUrl } from './urls.ts'

/** Every page in sitemap order. */
const sitemapEntries = (data: SiteData) => sitemapSections(data).flatMap((section) => section.entries)

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
    authorPages: [],
    networks: [],
    tagPages: [{ url: '/tags/drama/', articles: articles.slice(0, 1) }],
    statusPages: [],
    archivePages: [{ url: '/archive/', articles }],
    peoplePages: [],
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
        '/tags/drama/',
        // Oldest first: a new article adds to the last file of its section.
        '/articles/c/',
        '/articles/b ü/',
        '/articles/a/',
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

describe('the people index in the sitemap', () => {
  it('dates each page of it by the newest person it names', () => {
    const person = (slug: string, updatedAt: string) => ({
      id: slug,
      url: `/people/${slug}/`,
      updatedAt,
      credits: [],
    })
    const people = [
      person('ada', '2024-03-01T00:00:00Z'),
      person('bo', '2025-02-01T00:00:00Z'),
      person('cy', '2023-01-01'),
    ]
    const data = {
      ...siteData('https://people.example'),
      people,
      peoplePages: [
        { url: '/people/', people: people.slice(0, 2).map((p) => ({ href: p.url, text: p.id })) },
        { url: '/people/page/2/', people: people.slice(2).map((p) => ({ href: p.url, text: p.id })) },
      ],
    } as unknown as SiteData
    const byLoc = new Map(sitemapEntries(data).map((e) => [new URL(e.loc).pathname, e.lastmod]))
    expect(byLoc.get('/people/')).toBe('2025-02-01T00:00:00Z')
    expect(byLoc.get('/people/page/2/')).toBe('2023-01-01T00:00:00Z')
  })
})

describe('sitemapFiles', () => {
  const site = 'https://reelstatus.example'

  it('splits each section into files of the given size, dated by their newest page', () => {
    const files = sitemapFiles(siteData(site), 2)
    expect(
      files.map((file) => [file.url, file.loc, file.entries.map((e) => new URL(e.loc).pathname)]),
    ).toEqual([
      ['/sitemaps/pages-1.xml', `${site}/sitemaps/pages-1.xml`, ['/', '/search/']],
      ['/sitemaps/pages-2.xml', `${site}/sitemaps/pages-2.xml`, ['/archive/', '/tags/drama/']],
      [
        '/sitemaps/articles-1.xml',
        `${site}/sitemaps/articles-1.xml`,
        ['/articles/c/', '/articles/b%20%C3%BC/'],
      ],
      ['/sitemaps/articles-2.xml', `${site}/sitemaps/articles-2.xml`, ['/articles/a/']],
    ])
    expect(files.map((file) => file.lastmod)).toEqual([
      '2024-06-02T00:00:00Z',
      '2024-06-02T00:00:00Z',
      '2024-06-02T00:00:00Z',
      '2024-05-01T10:00:00Z',
    ])
    expect(sitemapFiles(siteData(site)).map((file) => file.entries.length)).toEqual([4, 3])
  })

  it('names each file by an absolute URL as absoluteUrl gives it, like the pages it lists', () => {
    for (const url of [site, 'https://example.com/reel']) {
      const files = sitemapFiles(siteData(url))
      expect(files.map((file) => file.loc)).toEqual(files.map((file) => absoluteUrl(url, file.url)))
    }
  })

  it('gives the same entry objects again while a page’s time is the same', () => {
    const before = sitemapFiles(siteData(site)).flatMap((file) => file.entries)
    const data = siteData(site)
    ;(data.articles[0] as { updatedAt: string }).updatedAt = '2024-07-01T00:00:00Z'
    const after = sitemapFiles(data).flatMap((file) => file.entries)
    const changed = after
      .filter((entry, index) => entry !== before[index])
      .map((e) => new URL(e.loc).pathname)
    expect(changed.sort()).toEqual(['/', '/archive/', '/articles/a/', '/search/', '/tags/drama/'])
    expect(after).toEqual(sitemapEntries(data))
  })
  it('dates a page kept by its object anew when what it lists elsewhere changed', () => {
    // A second build in the process: unchanged page objects are the very same.
    const url = 'https://kept.example'
    const show = { id: 's', url: '/shows/s/', updatedAt: '2024-01-01T00:00:00Z' }
    const person = {
      id: 'p',
      url: '/people/p/',
      updatedAt: '2023-01-01T00:00:00Z',
      credits: [{ show: { id: 's' } }],
    }
    const data = (shows: object[]) => ({ ...siteData(url), shows, people: [person] }) as unknown as SiteData
    const lastmodOf = (files: ReturnType<typeof sitemapFiles>, path: string) =>
      files.flatMap((file) => file.entries).find((entry) => entry.loc === `${url}${path}`)?.lastmod
    const first = sitemapFiles(data([show]))
    expect(lastmodOf(first, '/people/p/')).toBe('2024-01-01T00:00:00Z')
    const again = sitemapFiles(data([show]))
    // Nothing changed: the same files, which later steps recognise by identity.
    expect(again).toHaveLength(first.length)
    for (const [index, file] of again.entries()) expect(file).toBe(first[index])
    const later = sitemapFiles(data([{ ...show, updatedAt: '2024-09-01T00:00:00Z' }]))
    expect(lastmodOf(later, '/people/p/')).toBe('2024-09-01T00:00:00Z')
    expect(later.find((file) => file.url === '/sitemaps/people-1.xml')?.lastmod).toBe('2024-09-01T00:00:00Z')
    expect(later.find((file) => file.url === '/sitemaps/articles-1.xml')).toBe(
      first.find((file) => file.url === '/sitemaps/articles-1.xml'),
    )
  })
})
