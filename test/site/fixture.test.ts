/*
 * A dataset beside the bundled one: enough articles to paginate the archive, a show with local key
 * art (an `images/` file beside the dataset, as in a `sanity dataset export`), and an article whose
 * text tries to break out of HTML, XML and JSON-LD.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed } from 'feedsmith'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type BuiltSite,
  buildFixtureSite,
  byClass,
  byTag,
  doc,
  findAll,
  jsonLd,
  locs,
  meta,
  paragraph,
  SITE_URL,
  text,
} from './support.ts'

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675"><rect width="1200" height="675" fill="#0b57b0"/><text x="60" y="360" font-size="96" fill="#fff">Sample key art</text></svg>\n`
const SHA1 = createHash('sha1').update(SVG).digest('hex')
const IMAGE = `${SHA1}-1200x675.svg`

const HOSTILE_TITLE = 'Quotes "&" <b>tags</b> </script><!-- and </title> ]]> \u0007end'

const extra = [
  doc({
    _id: 'show-fixture-art',
    _type: 'show',
    title: 'Fixture Art',
    slug: { _type: 'slug', current: 'fixture-art' },
    network: { _type: 'reference', _ref: 'network-northwind-plus' },
    keyArt: {
      _type: 'image',
      _sanityAsset: `image@file://./images/${IMAGE}`,
      alt: 'Sample key art: a blue card',
    },
    isSample: true,
  }),
  doc({
    _id: 'statusEvent-fixture-art-renewed',
    _type: 'statusEvent',
    show: { _type: 'reference', _ref: 'show-fixture-art' },
    status: 'renewed',
    forSeason: 2,
    announcedAt: '2026-10-01',
    confidence: 'official',
    sources: [{ _type: 'source', _key: 's1', url: 'https://press.example.com/renewal', title: 'Renewal' }],
    isSample: true,
  }),
  doc({
    _id: 'article-fixture-hostile',
    _type: 'article',
    title: HOSTILE_TITLE,
    slug: { _type: 'slug', current: 'fixture-hostile' },
    dek: 'Sample content: a dek with </script> in it.',
    show: { _type: 'reference', _ref: 'show-fixture-art' },
    kind: 'news',
    body: [paragraph('p1', 'Body text with </script><script>alert(1)</script> and <!-- a comment opener.')],
    publishedAt: '2026-11-20T08:00:00Z',
    isSample: true,
  }),
  ...Array.from({ length: 41 }, (_, i) =>
    doc({
      _id: `article-fixture-${i}`,
      _type: 'article',
      title: `Fixture article ${i}`,
      slug: { _type: 'slug', current: `fixture-article-${i}` },
      dek: 'Sample content: an article that only fills the archive.',
      kind: 'news',
      body: [paragraph('p1', `Fixture body ${i}.`)],
      publishedAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      tags: ['fixture'],
      authors: [{ _type: 'reference', _key: 'author', _ref: 'author-sample-desk' }],
      isSample: true,
    }),
  ),
]

let site: BuiltSite

/** Every page the sitemap's files list. */
async function sitemapLocs(): Promise<string[]> {
  return [...(await site.sitemap()).files.values()].flatMap(locs)
}

beforeAll(async () => {
  site = await buildFixtureSite({ extra, images: { [IMAGE]: SVG }, siteUrl: SITE_URL })
}, 60_000)

describe('article archive pagination', () => {
  it('splits 46 articles into pages of 20 with prev/next links', async () => {
    const pages = (await site.htmlPages()).filter(
      (path) => path.startsWith('/articles/') && !path.includes('-'),
    )
    expect(pages.sort()).toEqual(['/articles/', '/articles/page/2/', '/articles/page/3/'])
    const counts = await Promise.all(
      pages.map(
        async (path) =>
          findAll(
            findAll(await site.page(path), byClass('article-list'))[0] as never,
            (e) => e.tagName === 'li',
          ).length,
      ),
    )
    expect(counts).toEqual([20, 20, 6])
    const second = await site.page('/articles/page/2/')
    const rel = (value: string) =>
      findAll(second, (e) => e.tagName === 'link' && String(e.properties.rel) === value)[0]?.properties.href
    expect(rel('prev')).toBe(`${SITE_URL}/articles/`)
    expect(rel('next')).toBe(`${SITE_URL}/articles/page/3/`)
    const nav = findAll(second, (e) => e.tagName === 'nav' && e.properties.ariaLabel === 'Archive pages')[0]
    expect(findAll(nav as never, (e) => e.properties.ariaCurrent === 'page').map((e) => text(e))).toEqual([
      'Page 2',
    ])
    expect(await sitemapLocs()).toContain(`${SITE_URL}/articles/page/3/`)
  })
})

describe('tag pagination', () => {
  it("splits a tag with 41 articles into pages of 20 under the tag's address", async () => {
    const pages = (await site.htmlPages()).filter((path) => path.startsWith('/tags/fixture/'))
    expect(pages.sort()).toEqual(['/tags/fixture/', '/tags/fixture/page/2/', '/tags/fixture/page/3/'])
    const first = await site.page('/tags/fixture/')
    const list = (tree: typeof first) =>
      findAll(findAll(tree, byClass('article-list'))[0] as never, byTag('h2')).map((e) =>
        text(findAll(e, byTag('a'))[0]),
      )
    expect(list(first)).toHaveLength(20)
    expect(list(first)[0]).toBe('Fixture article 40')
    const third = await site.page('/tags/fixture/page/3/')
    expect(list(third)).toEqual(['Fixture article 0'])
    expect(text(findAll(third, byTag('title'))[0] as never)).toBe(
      'Articles tagged “fixture”, page 3 · Reel Status',
    )
    expect(meta(third, 'description')).toBe(
      '41 Reel Status articles tagged “fixture”, newest first (page 3 of 3).',
    )
    const rel = (value: string) =>
      findAll(third, (e) => e.tagName === 'link' && String(e.properties.rel) === value)[0]?.properties.href
    expect(rel('prev')).toBe(`${SITE_URL}/tags/fixture/page/2/`)
    expect(rel('next')).toBeUndefined()
    const nav = findAll(
      third,
      (e) => e.tagName === 'nav' && e.properties.ariaLabel === 'Pages of articles tagged “fixture”',
    )[0]
    expect(findAll(nav as never, byTag('a')).map((e) => e.properties.href)).toEqual([
      '/tags/fixture/page/2/',
      '/tags/fixture/',
      '/tags/fixture/page/2/',
      '/tags/fixture/page/3/',
    ])
    const sitemap = await sitemapLocs()
    for (const path of pages) expect(sitemap).toContain(`${SITE_URL}${path}`)
  })
})

describe('author pagination', () => {
  it("splits an author's 44 articles into pages of 20, the bio on the first", async () => {
    const pages = (await site.htmlPages()).filter((path) => path.startsWith('/authors/sample-desk/'))
    expect(pages.sort()).toEqual([
      '/authors/sample-desk/',
      '/authors/sample-desk/page/2/',
      '/authors/sample-desk/page/3/',
    ])
    const count = async (path: string) =>
      findAll(findAll(await site.page(path), byClass('article-list'))[0] as never, byTag('li')).length
    expect(await Promise.all(pages.map(count))).toEqual([20, 20, 4])
    const first = await site.page('/authors/sample-desk/')
    const second = await site.page('/authors/sample-desk/page/2/')
    expect(findAll(first, byClass('lede'))).toHaveLength(1)
    expect(findAll(second, byClass('lede'))).toHaveLength(0)
    expect(text(findAll(second, byTag('title'))[0] as never)).toBe('Sample Desk, page 2 · Reel Status')
    expect(meta(second, 'description')).toBe(
      'Articles by Sample Desk on Reel Status, newest first (page 2 of 3).',
    )
    const nav = findAll(
      second,
      (e) => e.tagName === 'nav' && e.properties.ariaLabel === 'Pages of articles by Sample Desk',
    )[0]
    expect(findAll(nav as never, (e) => e.properties.ariaCurrent === 'page').map((e) => text(e))).toEqual([
      'Page 2',
    ])
    const sitemap = await sitemapLocs()
    for (const path of pages) expect(sitemap).toContain(`${SITE_URL}${path}`)
  })
})

describe('local images', () => {
  it('publishes key art from images/ beside the dataset, with its size and alt text', async () => {
    const img = findAll(await site.page('/shows/fixture-art/'), byTag('img'))[0]
    expect(img?.properties).toMatchObject({
      src: `/images/${IMAGE}`,
      width: 1200,
      height: 675,
      alt: 'Sample key art: a blue card',
    })
    expect(await readFile(join(site.out, 'images', IMAGE), 'utf8')).toBe(SVG)
  })

  it('uses it as the social image of the show and of articles about it', async () => {
    for (const path of ['/shows/fixture-art/', '/articles/fixture-hostile/']) {
      const tree = await site.page(path)
      expect(meta(tree, 'og:image')).toBe(`${SITE_URL}/images/${IMAGE}`)
      expect(meta(tree, 'og:image:width')).toBe('1200')
      expect(meta(tree, 'og:image:alt')).toBe('Sample key art: a blue card')
    }
    expect(jsonLd(await site.page('/shows/fixture-art/'))[0]?.image).toEqual({
      '@type': 'ImageObject',
      url: `${SITE_URL}/images/${IMAGE}`,
      width: 1200,
      height: 675,
      caption: 'Sample key art: a blue card',
    })
  })
})

describe('hostile text', () => {
  // Control characters never reach the page (nor XML, which cannot carry them).
  const expected = HOSTILE_TITLE.replace('\u0007', '')

  it('stays text in the page and in its JSON-LD', async () => {
    const html = await site.read('/articles/fixture-hostile/')
    const tree = await site.page('/articles/fixture-hostile/')
    expect(text(findAll(tree, byTag('h1'))[0])).toBe(expected)
    expect(findAll(tree, byTag('script')).every((s) => s.properties.type === 'application/ld+json')).toBe(
      true,
    )
    const ldBlocks = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g) ?? []
    expect(ldBlocks).toHaveLength(1)
    expect(jsonLd(tree)[0]?.headline).toBe(expected)
    expect(ldBlocks[0]).not.toMatch(/<!--|<\/script>[\s\S]*<\/script>/)
  })

  it('keeps the feeds and the sitemap well-formed', async () => {
    const atom = await site.read('/feed.xml')
    expect(XMLValidator.validate(atom)).toBe(true)
    const entry = parseAtomFeed(atom).entries?.find((e) => e.id?.endsWith('/articles/fixture-hostile/'))
    expect(entry?.title?.value).toBe(expected)
    expect(entry?.content?.value).toContain('Body text with &#x3C;/script>&#x3C;script>alert(1)')
    expect(entry?.content?.value).not.toContain('<script')
    const json = parseJsonFeed(await site.read('/feed.json'))
    expect(json.items?.find((item) => item.id?.endsWith('/articles/fixture-hostile/'))?.title).toBe(expected)
    expect(XMLValidator.validate(await site.read('/status/feed.xml'))).toBe(true)
    const { index, files } = await site.sitemap()
    for (const xml of [index, ...files.values()]) expect(XMLValidator.validate(xml)).toBe(true)
  })
})
