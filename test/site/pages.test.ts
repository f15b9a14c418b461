/*
 * The reader's pages built from the bundled dataset: every page type, the status tracker and its
 * filters, show and person pages, trust signals, sample marking, search index and budgets.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { type BuiltSite, buildFixtureSite, byClass, byTag, findAll, text } from './support.ts'

/** Uncompressed stylesheet budget; the site has no framework and no web fonts. */
const CSS_BUDGET_BYTES = 12 * 1024

let site: BuiltSite

beforeAll(async () => {
  site = await buildFixtureSite()
}, 60_000)

const h2Texts = async (path: string) => findAll(await site.page(path), byTag('h2')).map((e) => text(e))

describe('pages', () => {
  it('builds every page type', async () => {
    const pages = await site.htmlPages()
    for (const path of [
      '/',
      '/status/',
      '/status/cancelled/',
      '/status/cancelled/netflix/',
      '/status/renewed/northwind-plus/',
      '/networks/netflix/',
      '/networks/northwind-plus/',
      '/tags/netflix/',
      '/authors/reel-status-desk/',
      '/articles/',
      '/articles/partner-track-season-2-cancelled/',
      '/shows/partner-track/',
      '/people/alexandra-turshen/',
      '/search/',
      '/404.html',
    ])
      expect(pages).toContain(path)
    for (const file of [
      'feed.xml',
      'feed.json',
      'status/feed.xml',
      'shows/partner-track/feed.xml',
      'sitemap.xml',
      'sitemaps/pages-1.xml',
      'sitemaps/articles-1.xml',
      'robots.txt',
    ])
      expect((await stat(join(site.out, file))).size).toBeGreaterThan(0)
  })

  it('groups every show on the status tracker, in status order, newest decision first', async () => {
    const tree = await site.page('/status/')
    const groups = findAll(tree, byClass('status-group')).map((group) => ({
      heading: text(findAll(group, byTag('h2'))[0]),
      shows: findAll(group, byClass('show-list__title')).map((title) => text(findAll(title, byTag('a'))[0])),
    }))
    expect(groups.map((g) => g.heading)).toEqual([
      'Renewed (1)',
      'Airing (1)',
      'Pending decision (1)',
      'Cancelled (1)',
      'Ended (1)',
    ])
    expect(groups.flatMap((g) => g.shows).sort()).toEqual(
      ['Harbor Lights', 'Partner Track', 'Static Season', 'The Glass Orchard', 'The Long Docket'].sort(),
    )
    // The latest decisions across shows come newest first.
    const dates = findAll(findAll(tree, byClass('decision-list'))[0] as never, byTag('time')).map(
      (t) => t.properties.dateTime as string,
    )
    expect(dates.length).toBeGreaterThan(3)
    expect([...dates].sort().reverse()).toEqual(dates)
  })

  it('filters by status and network with links between pre-rendered pages', async () => {
    const tree = await site.page('/status/cancelled/')
    const nav = findAll(tree, (e) => e.tagName === 'nav' && e.properties.ariaLabel === 'Filter shows')[0]
    const links = findAll(nav as never, byTag('a'))
    const current = links.filter((a) => a.properties.ariaCurrent === 'page').map((a) => text(a))
    expect(current).toEqual(['Cancelled (1)', 'All networks (1)'])
    expect(links.map((a) => a.properties.href)).toContain('/status/cancelled/netflix/')
    const pages = new Set(await site.htmlPages())
    for (const path of ['/status/', '/networks/netflix/', '/networks/ember-channel/']) {
      const filterLinks = findAll(
        await site.page(path),
        (e) => e.tagName === 'a' && typeof e.properties.href === 'string',
      )
        .map((a) => a.properties.href as string)
        .filter((href) => href.startsWith('/status/') || href.startsWith('/networks/'))
      for (const href of filterLinks) if (!href.endsWith('.xml')) expect(pages).toContain(href)
    }
    expect(await h2Texts('/status/cancelled/netflix/')).toContain('Cancelled (1)')
  })

  it('shows a network’s shows grouped by status', async () => {
    const tree = await site.page('/networks/northwind-plus/')
    expect(text(findAll(tree, byTag('h1'))[0])).toBe('Northwind+ shows: renewed or cancelled?')
    expect(findAll(tree, byClass('status-group')).map((g) => text(findAll(g, byTag('h2'))[0]))).toEqual([
      'Renewed (1)',
      'Pending decision (1)',
    ])
  })

  it('has a status timeline with confidence badges and sources on the show page', async () => {
    const tree = await site.page('/shows/partner-track/')
    const events = findAll(
      findAll(tree, byClass('timeline'))[0] as never,
      (e) => e.tagName === 'li' && !!e.properties.id,
    )
    expect(events.map((e) => e.properties.id)).toEqual([
      'event-statusEvent-partner-track-cancelled',
      'event-statusEvent-partner-track-premiere',
      'event-statusEvent-partner-track-ordered',
    ])
    const badges = events.map((e) => text(findAll(e, byClass('confidence'))[0]))
    expect(badges).toEqual(['Official', 'Official', 'Reported'])
    for (const event of events) {
      const sources = findAll(
        event,
        (e) => e.tagName === 'a' && String(e.properties.href).startsWith('https://'),
      )
      expect(sources.length).toBeGreaterThan(0)
    }
    const current = text(findAll(tree, byClass('current-status'))[0])
    expect(current).toMatch(/Cancelled Official since 8 November 2022/)
    expect(current).toContain('Partner Track has been cancelled.')
    expect(current).toMatch(/Sources: TV Insider, ComicBook\.com, PopCulture\.com/)
    expect(current).toMatch(/Status last verified 30 November 2026 · Last updated \d+ \w+ 2026/)
  })

  it('splits the cast into main, recurring and guest, and lists seasons and related articles', async () => {
    expect(await h2Texts('/shows/harbor-lights/')).toEqual(
      expect.arrayContaining([
        'Seasons',
        'Main cast',
        'Recurring cast',
        'Guest cast',
        'Articles about Harbor Lights',
      ]),
    )
    const tree = await site.page('/shows/harbor-lights/')
    expect(findAll(findAll(tree, byClass('season-list'))[0] as never, byTag('li')).length).toBeGreaterThan(1)
    const main = await site.page('/shows/partner-track/')
    expect(findAll(findAll(main, byClass('cast-list'))[0] as never, byTag('li'))).toHaveLength(6)
  })

  it('says when an announcement has no source', async () => {
    const tree = await site.page('/shows/the-long-docket/')
    expect(text(findAll(tree, byClass('timeline'))[0])).toContain('No source recorded for this announcement.')
  })

  it('lists a person’s credits across shows', async () => {
    const tree = await site.page('/people/maren-solberg/')
    const credits = findAll(findAll(tree, byClass('credits'))[0] as never, byTag('li')).map((li) => text(li))
    expect(credits).toHaveLength(2)
    expect(credits.join(' | ')).toMatch(/Harbor Lights as [^|]*Main cast/)
    expect(credits.join(' | ')).toMatch(/The Glass Orchard as [^|]*Guest/)
  })

  it('shows Published, Last updated and Status last verified on articles, with the show’s status and sources', async () => {
    const tree = await site.page('/articles/partner-track-season-2-cancelled/')
    expect(text(findAll(tree, byClass('byline'))[0])).toMatch(
      /Published 14 November 2022 · Last updated 30 November 2026 · Status last verified 30 November 2026/,
    )
    const answer = findAll(tree, byClass('answer'))[0]
    expect(text(answer)).toMatch(
      /^Current status of Partner Track\s*Cancelled Official\s*Partner Track has been cancelled\./,
    )
    expect(
      findAll(answer as never, (e) => e.tagName === 'a' && String(e.properties.href).startsWith('https://'))
        .length,
    ).toBe(3)
  })

  it('marks sample content as such, and only sample content', async () => {
    for (const path of [
      '/shows/harbor-lights/',
      '/articles/how-a-renewal-decision-gets-made/',
      '/people/maren-solberg/',
      '/networks/northwind-plus/',
    ])
      expect(findAll(await site.page(path), byClass('sample-notice')), path).toHaveLength(1)
    for (const path of [
      '/shows/partner-track/',
      '/articles/partner-track-season-2-cancelled/',
      '/people/alexandra-turshen/',
      '/networks/netflix/',
    ])
      expect(findAll(await site.page(path), byClass('sample-notice')), path).toHaveLength(0)
    const archive = await site.page('/articles/')
    const items = findAll(findAll(archive, byClass('article-list'))[0] as never, byTag('li'))
    const tagged = items
      .filter((li) => findAll(li, byClass('sample-tag')).length > 0)
      .map((li) => text(findAll(li, byTag('a'))[0]))
    expect(tagged).toHaveLength(3)
    expect(tagged).not.toContain('Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?')
  })

  it('lists articles newest first in the archive, and every article under its tags and authors', async () => {
    const archive = await site.page('/articles/')
    const published = findAll(archive, byClass('meta')).map(
      (meta) => findAll(meta, byTag('time'))[0]?.properties.dateTime as string,
    )
    expect(published).toHaveLength(4)
    expect([...published].sort().reverse()).toEqual(published)
    const tag = await site.page('/tags/netflix/')
    expect(findAll(tag, byTag('h2')).map((e) => text(e))).toContain(
      'Partner Track Season 2: Is the Latest Netflix Legal Drama Cancelled?',
    )
    const author = await site.page('/authors/reel-status-desk/')
    expect(text(author)).toContain('Partner Track Season 2')
  })

  it('loads JavaScript only on the search page', async () => {
    for (const path of await site.htmlPages()) {
      const scripts = findAll(await site.page(path), byTag('script')).filter(
        (s) => s.properties.type !== 'application/ld+json',
      )
      if (path === '/search/') expect(scripts.map((s) => s.properties.src)).toEqual(['/assets/search.js'])
      else expect(scripts, path).toEqual([])
    }
  })

  it('keeps the search page usable without JavaScript: a form, every show, the archive and the people index', async () => {
    const tree = await site.page('/search/')
    const form = findAll(tree, byTag('form'))[0]
    expect(form?.properties).toMatchObject({ action: '/search/', method: 'get', role: 'search' })
    const browse = findAll(tree, (e) => e.properties.id === 'search-browse')[0]
    const hrefs = findAll(browse as never, byTag('a')).map((a) => a.properties.href)
    expect(hrefs.filter((href) => String(href).startsWith('/shows/'))).toHaveLength(5)
    expect(hrefs.filter((href) => !String(href).startsWith('/shows/'))).toEqual(['/articles/', '/people/'])
    expect(text(browse)).toMatch(/Articles \(4\).*People \(12\)/)
  })

  it('lists every person by name on the people index', async () => {
    const tree = await site.page('/people/')
    expect(text(findAll(tree, byTag('h1'))[0])).toBe('People')
    const list = findAll(tree, byClass('browse-list'))[0]
    const links = list ? findAll(list, byTag('a')) : []
    expect(links).toHaveLength(12)
    expect(links.map((a) => a.properties.href)).toContain('/people/alexandra-turshen/')
    const names = links.map((a) => text(a))
    expect(names).toContain('Alexandra Turshen')
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)))
  })

  it('indexes articles, shows and people for search with Pagefind', async () => {
    const entry = JSON.parse(await readFile(join(site.out, 'pagefind', 'pagefind-entry.json'), 'utf8'))
    const pageCount = Object.values(entry.languages as Record<string, { page_count: number }>)
      .map((language) => language.page_count)
      .reduce((a, b) => a + b, 0)
    expect(pageCount).toBe(4 + 5 + 12)
    expect((await stat(join(site.out, 'pagefind', 'pagefind.js'))).size).toBeGreaterThan(0)
  })

  it('reserves the space of every image and keeps the stylesheet within budget', async () => {
    for (const path of await site.htmlPages()) {
      for (const img of findAll(await site.page(path), byTag('img'))) {
        expect(img.properties.width, path).toBeGreaterThan(0)
        expect(img.properties.height, path).toBeGreaterThan(0)
      }
    }
    const css = await readFile(join(site.out, 'assets', 'site.css'), 'utf8')
    expect(Buffer.byteLength(css)).toBeLessThanOrEqual(CSS_BUDGET_BYTES)
    expect(css).not.toMatch(/@import|@font-face|url\(/)
    expect(css).toContain('@media (prefers-color-scheme: dark)')
  })
})
