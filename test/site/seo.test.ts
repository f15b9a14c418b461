/*
 * What search engines and social networks read: canonical URLs from SITE_URL, descriptions, Open
 * Graph and Twitter cards, JSON-LD, the sitemap and robots.txt.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { DESCRIPTION_LENGTH } from '../../site/lib/seo.ts'
import { type BuiltSite, buildFixtureSite, findAll, jsonLd, meta, SITE_URL } from './support.ts'

let site: BuiltSite

beforeAll(async () => {
  site = await buildFixtureSite({ siteUrl: SITE_URL })
}, 60_000)

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

describe('head metadata', () => {
  it('gives every page a canonical URL on SITE_URL, a description and social cards', async () => {
    for (const path of await site.htmlPages()) {
      if (path === '/404.html') continue
      const tree = await site.page(path)
      const canonical = findAll(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical')
      expect(
        canonical.map((l) => l.properties.href),
        path,
      ).toEqual([`${SITE_URL}${path}`])
      const description = meta(tree, 'description') ?? ''
      expect(description.length, path).toBeGreaterThan(20)
      expect(description.length, path).toBeLessThanOrEqual(DESCRIPTION_LENGTH)
      expect(meta(tree, 'og:description'), path).toBe(description)
      expect(meta(tree, 'og:url'), path).toBe(`${SITE_URL}${path}`)
      expect(meta(tree, 'og:title'), path).toBeTruthy()
      expect(meta(tree, 'og:image'), path).toMatch(new RegExp(`^${SITE_URL}/`))
      expect(meta(tree, 'twitter:card'), path).toBe('summary_large_image')
    }
  })

  it('keeps the 404 page out of the index', async () => {
    const tree = await site.page('/404.html')
    expect(meta(tree, 'robots')).toBe('noindex')
    expect(findAll(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical')).toEqual([])
  })

  it('describes an article as an article, from its excerpt or SEO description', async () => {
    const tree = await site.page('/articles/partner-track-season-2-cancelled/')
    expect(meta(tree, 'og:type')).toBe('article')
    expect(meta(tree, 'article:published_time')).toBe('2022-11-14T10:00:00Z')
    expect(meta(tree, 'article:modified_time')).toMatch(/^2026-11-30T/)
    expect(
      findAll(tree, (e) => e.tagName === 'meta' && e.properties.property === 'article:tag'),
    ).toHaveLength(3)
    const sample = await site.page('/articles/how-a-renewal-decision-gets-made/')
    expect(meta(sample, 'description')).toMatch(/^Sample content: a fictional explainer/)
  })

  it('answers the status question in a show’s description', async () => {
    const tree = await site.page('/shows/partner-track/')
    expect(meta(tree, 'description')).toMatch(
      /^Is Partner Track renewed or cancelled\? Partner Track has been cancelled\./,
    )
    expect(meta(tree, 'og:type')).toBe('video.tv_show')
    const feeds = findAll(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'alternate').map(
      (l) => l.properties.href,
    )
    expect(feeds).toEqual([
      `${SITE_URL}/feed.xml`,
      `${SITE_URL}/feed.json`,
      `${SITE_URL}/shows/partner-track/feed.xml`,
    ])
  })
})

describe('structured data', () => {
  it('parses on every page', async () => {
    let blocks = 0
    for (const path of await site.htmlPages()) {
      for (const block of jsonLd(await site.page(path))) {
        blocks++
        expect(block['@context'], path).toBe('https://schema.org')
        expect(typeof block['@type'], path).toBe('string')
      }
      expect(await site.read(path)).not.toMatch(
        /<script type="application\/ld\+json">[^<]*<\/script>[^<]*<\/script>/,
      )
    }
    expect(blocks).toBeGreaterThan(15)
  })

  it('has a NewsArticle about the TVSeries on article pages', async () => {
    const [article] = jsonLd(await site.page('/articles/partner-track-season-2-cancelled/'))
    expect(article).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?',
      datePublished: '2022-11-14T10:00:00Z',
      author: [{ '@type': 'Person', name: 'Reel Status Desk', url: `${SITE_URL}/authors/reel-status-desk/` }],
      publisher: { '@type': 'Organization', name: 'Reel Status' },
      about: { '@type': 'TVSeries', name: 'Partner Track', url: `${SITE_URL}/shows/partner-track/` },
      mainEntityOfPage: { '@id': `${SITE_URL}/articles/partner-track-season-2-cancelled/` },
    })
    expect(article?.dateModified).toMatch(RFC3339)
  })

  it('has a TVSeries with its cast as PerformanceRoles, its seasons and the book it is based on', async () => {
    const [series] = jsonLd(await site.page('/shows/partner-track/'))
    expect(series).toMatchObject({
      '@type': 'TVSeries',
      name: 'Partner Track',
      url: `${SITE_URL}/shows/partner-track/`,
      startDate: '2022-08-26',
      isBasedOn: {
        '@type': 'Book',
        name: 'The Partner Track',
        author: { '@type': 'Person', name: 'Helen Wan' },
      },
      containsSeason: [{ '@type': 'TVSeason', seasonNumber: 1, numberOfEpisodes: 10 }],
    })
    const actors = series?.actor as Array<Record<string, unknown>>
    expect(actors).toHaveLength(6)
    expect(actors[0]).toEqual({
      '@type': 'PerformanceRole',
      actor: { '@type': 'Person', name: 'Alexandra Turshen', url: `${SITE_URL}/people/alexandra-turshen/` },
      characterName: 'Rachel Friedman',
    })
    for (const role of actors)
      expect(role).toMatchObject({ '@type': 'PerformanceRole', actor: { '@type': 'Person' } })
  })

  it('has a WebSite with a search action on the home page, and a Person on person pages', async () => {
    expect(jsonLd(await site.page('/'))[0]).toMatchObject({ '@type': 'WebSite', url: `${SITE_URL}/` })
    expect(jsonLd(await site.page('/people/alexandra-turshen/'))[0]).toMatchObject({
      '@type': 'Person',
      name: 'Alexandra Turshen',
      performerIn: [{ '@type': 'TVSeries', name: 'Partner Track' }],
    })
  })
})

describe('sitemap and robots.txt', () => {
  it('is an index of valid sitemap files listing every page once, with lastmod', async () => {
    const { index, files } = await site.sitemap()
    expect(XMLValidator.validate(index)).toBe(true)
    const parsedIndex = new XMLParser({
      isArray: (name) => name === 'sitemap',
      ignoreAttributes: false,
    }).parse(index)
    expect(parsedIndex.sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const named = parsedIndex.sitemapindex.sitemap as Array<{ loc: string; lastmod: string }>
    expect(named.map((file) => new URL(file.loc).pathname)).toEqual([
      '/sitemaps/pages-1.xml',
      '/sitemaps/articles-1.xml',
      '/sitemaps/shows-1.xml',
      '/sitemaps/people-1.xml',
    ])
    const urls: Array<{ loc: string; lastmod: string }> = []
    for (const file of named) {
      const xml = files.get(new URL(file.loc).pathname) as string
      expect(XMLValidator.validate(xml)).toBe(true)
      const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml)
      expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
      const listed = parsed.urlset.url as Array<{ loc: string; lastmod: string }>
      // A file is as fresh as its newest page.
      expect(file.lastmod, file.loc).toBe(
        listed
          .map((u) => u.lastmod)
          .sort()
          .at(-1),
      )
      urls.push(...listed)
    }
    const expected = (await site.htmlPages())
      .filter((path) => path !== '/404.html')
      .map((path) => `${SITE_URL}${path}`)
    expect(urls.map((u) => u.loc).sort()).toEqual(expected.sort())
    for (const url of urls) expect(url.lastmod, url.loc).toMatch(RFC3339)
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]))
    expect(byLoc.get(`${SITE_URL}/articles/partner-track-season-2-cancelled/`)).toBe(
      jsonLd(await site.page('/articles/partner-track-season-2-cancelled/'))[0]?.dateModified,
    )
    // A list is as fresh as the newest thing on it.
    const newest = [...byLoc.values()].sort().at(-1)
    expect(byLoc.get(`${SITE_URL}/`)).toBe(newest)
  })

  it('points crawlers at the sitemap and keeps build diagnostics out', async () => {
    const robots = await site.read('/robots.txt')
    expect(robots).toContain('User-agent: *')
    expect(robots).toContain('Disallow: /_build/')
    expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`)
  })
})
