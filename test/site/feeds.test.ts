/*
 * Feeds read by a real feed parser (feedsmith): the Atom and JSON Feed of articles, and the status
 * feeds of all decisions and of each show.
 */
import { parseAtomFeed, parseJsonFeed } from 'feedsmith'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BuiltSite, buildFixtureSite, findAll, SITE_URL } from './support.ts'

let site: BuiltSite

beforeAll(async () => {
  site = await buildFixtureSite({ siteUrl: SITE_URL })
}, 60_000)

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/
const RELATIVE_URL = /(href|src)="(?!https?:|mailto:|tel:)/

/** The page an absolute site URL points to must exist (and its #fragment, when it has one). */
async function expectPageFor(url: string): Promise<void> {
  expect(url.startsWith(`${SITE_URL}/`), url).toBe(true)
  const { pathname, hash } = new URL(url)
  const tree = await site.page(pathname)
  if (hash)
    expect(
      findAll(tree, (e) => e.properties.id === hash.slice(1)),
      url,
    ).toHaveLength(1)
}

describe('Atom feed of articles (/feed.xml)', () => {
  it('parses, with the feed’s required elements and links', async () => {
    const feed = parseAtomFeed(await site.read('/feed.xml'))
    expect(feed.id).toBe(`${SITE_URL}/feed.xml`)
    expect(feed.title?.value).toBe('Reel Status')
    expect(feed.updated).toMatch(RFC3339)
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'self', href: `${SITE_URL}/feed.xml` }),
        expect.objectContaining({ rel: 'alternate', href: `${SITE_URL}/` }),
      ]),
    )
    expect(feed.authors?.[0]?.name).toBe('Reel Status')
  })

  it('has every article, newest first, with full HTML content and absolute URLs', async () => {
    const feed = parseAtomFeed(await site.read('/feed.xml'))
    const entries = feed.entries ?? []
    expect(entries).toHaveLength(4)
    const published = entries.map((entry) => entry.published as string)
    expect([...published].sort().reverse()).toEqual(published)
    for (const entry of entries) {
      expect(entry.id).toMatch(/^https:\/\/reelstatus\.example\/articles\/[a-z0-9-]+\/$/)
      expect(entry.updated).toMatch(RFC3339)
      expect(entry.published).toMatch(RFC3339)
      expect(entry.content?.type).toBe('html')
      expect(entry.content?.value).not.toMatch(RELATIVE_URL)
      expect(entry.summary?.value?.length).toBeGreaterThan(20)
      const link = entry.links?.find((l) => l.rel === 'alternate')?.href as string
      await expectPageFor(link)
    }
    const seed = entries.find((entry) => entry.id?.endsWith('/partner-track-season-2-cancelled/'))
    expect(seed?.content?.value).toContain('officially stands canceled')
    expect(seed?.content?.value).toContain(`href="${SITE_URL}/shows/partner-track/"`)
    expect(seed?.content?.value).toContain('Frequently asked questions')
    expect(seed?.content?.value).not.toContain('Sample content')
    expect(seed?.categories?.map((c) => c.term)).toEqual(['netflix', 'legal-drama', 'cancelled'])
    const samples = entries.filter((entry) => !entry.id?.endsWith('/partner-track-season-2-cancelled/'))
    for (const entry of samples)
      expect(entry.content?.value).toMatch(
        /^<p><em>Sample content: this item demonstrates the site and is not real news\.<\/em><\/p>/,
      )
  })
})

describe('JSON Feed of articles (/feed.json)', () => {
  it('parses as JSON Feed 1.1 with full HTML content and absolute URLs', async () => {
    const feed = parseJsonFeed(await site.read('/feed.json'))
    expect(feed).toMatchObject({
      title: 'Reel Status',
      home_page_url: `${SITE_URL}/`,
      feed_url: `${SITE_URL}/feed.json`,
      language: 'en',
    })
    expect(JSON.parse(await site.read('/feed.json')).version).toBe('https://jsonfeed.org/version/1.1')
    const items = feed.items ?? []
    expect(items).toHaveLength(4)
    for (const item of items) {
      expect(item.url).toBe(item.id)
      await expectPageFor(item.url as string)
      expect(item.content_html).not.toMatch(RELATIVE_URL)
      expect(item.date_published).toMatch(RFC3339)
      expect(item.date_modified).toMatch(RFC3339)
    }
  })
})

describe('status feeds', () => {
  it('lists every decision at /status/feed.xml, linking to the event on its show page', async () => {
    const feed = parseAtomFeed(await site.read('/status/feed.xml'))
    const entries = feed.entries ?? []
    expect(entries).toHaveLength(16)
    expect(entries[0]?.title?.value).toBe('Static Season: Pending decision (season 1), reported')
    for (const entry of entries) {
      await expectPageFor(entry.id as string)
      expect(entry.content?.value).not.toMatch(RELATIVE_URL)
    }
  })

  it('has a feed per show with its announcements and their sources', async () => {
    const feed = parseAtomFeed(await site.read('/shows/partner-track/feed.xml'))
    expect(feed.id).toBe(`${SITE_URL}/shows/partner-track/feed.xml`)
    const entries = feed.entries ?? []
    expect(entries.map((e) => e.title?.value)).toEqual([
      'Partner Track: Cancelled, official',
      'Partner Track: Airing (season 1), official',
      'Partner Track: Ordered (season 1), reported',
    ])
    expect(entries[0]?.published).toBe('2022-11-08T00:00:00Z')
    expect(entries[0]?.content?.value).toContain('href="https://www.tvinsider.com/')
    for (const entry of entries) await expectPageFor(entry.id as string)
  })
})
