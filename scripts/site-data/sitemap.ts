import { onceEach } from '../lib/once-each.ts'
import { rfc3339 } from './feeds.ts'
import type { ArticleSummary, ShowSummary, SiteData, SitemapEntry, SitemapFile } from './types.ts'
import { absoluteUrl } from './urls.ts'

/** Site paths of the pages that are not built from documents. */
export const FIXED_PAGES = { home: '/', search: '/search/' } as const

/**
 * Pages per sitemap file. The protocol allows 50,000 (and 50 MB) a file; smaller files keep a
 * publish to rewriting the few that list what changed, as large sites split theirs.
 */
const SITEMAP_URLS_PER_FILE = 1000

/** Where the sitemap files are published (`/sitemap.xml` is their index). */
const SITEMAP_DIR = '/sitemaps/'

type Dated = [path: string, times: Array<string | undefined>]

/**
 * Every HTML page of the site (the 404 page excepted) with the time its content last changed, by
 * section (lists and fixed pages, articles oldest first, shows, people): a document page by its own
 * `updatedAt`, a list by the newest of what it lists. Articles are listed oldest first so that a new
 * one adds to the last file instead of moving every article to the next.
 *
 * @param data site data (everything but its sitemap files)
 */
export function sitemapSections(
  data: Omit<SiteData, 'sitemapFiles'>,
): Array<{ name: string; entries: SitemapEntry[] }> {
  const showUpdated = new Map(data.shows.map((show) => [show.id, show.updatedAt]))
  const articleTimes = (articles: readonly ArticleSummary[]) => articles.map((article) => article.updatedAt)
  const showTimes = (shows: readonly ShowSummary[]) => shows.map((show) => showUpdated.get(show.id))
  const everything = [...articleTimes(data.articles), ...data.shows.map((show) => show.updatedAt)]

  const sections: Array<[string, Dated[]]> = [
    [
      'pages',
      [
        [FIXED_PAGES.home, everything],
        [FIXED_PAGES.search, [...everything, ...data.people.map((person) => person.updatedAt)]],
        ...data.statusPages.map((page): Dated => [page.url, showTimes(page.groups.flatMap((g) => g.shows))]),
        ...data.archivePages.map((page): Dated => [page.url, articleTimes(page.articles)]),
        ...data.authorPages.map(
          (page): Dated => [page.url, [page.updatedAt, ...articleTimes(page.articles)]],
        ),
        ...data.networks.map(
          (network): Dated => [network.url, [network.updatedAt, ...showTimes(network.shows)]],
        ),
        ...data.tagPages.map((page): Dated => [page.url, articleTimes(page.articles)]),
      ],
    ],
    ['articles', data.articles.map((article): Dated => [article.url, [article.updatedAt]]).reverse()],
    ['shows', data.shows.map((show): Dated => [show.url, [show.updatedAt]])],
    [
      'people',
      data.people.map(
        (person): Dated => [
          person.url,
          [person.updatedAt, ...person.credits.map((credit) => showUpdated.get(credit.show.id))],
        ],
      ),
    ],
  ]
  // Each time is listed by several pages (an article's by its own, the home page, its archive page,
  // tag, author), and nearly every one was in the last sitemap too: parsed once per process.
  const known = rememberedFor(data.site.url)
  const timeOf = onceEach(known.times, parseTime, REMEMBER_AT_MOST)
  const lastmod = onceEach(known.lastmods, rfc3339, REMEMBER_AT_MOST)
  // As `absoluteUrl` does, with the site's URL parsed once instead of once per page.
  const base = new URL(`${data.site.url}/`)
  const href = onceEach(known.hrefs, (path) => new URL(path, base).href, REMEMBER_AT_MOST)
  return sections.map(([name, dated]) => ({
    name,
    entries: dated.map(([path, times]) => {
      const entry = { loc: href(path), lastmod: lastmod(newest(times, timeOf) ?? data.builtAt) }
      // The same object as last time for a page whose time is the same: a build that follows
      // another in the process finds the files' fingerprints unchanged without hashing them again.
      const before = known.entries.get(entry.loc)
      if (before?.lastmod === entry.lastmod) return before
      if (known.entries.size >= REMEMBER_AT_MOST) known.entries.clear()
      known.entries.set(entry.loc, entry)
      return entry
    }),
  }))
}

/**
 * The sitemap's files: each section's pages, {@link SITEMAP_URLS_PER_FILE} a file, at
 * `/sitemaps/<section>-<n>.xml`, each dated by its newest page. A section without pages has no file.
 *
 * @param data site data (everything but its sitemap files)
 * @param size pages per file
 */
export function sitemapFiles(
  data: Omit<SiteData, 'sitemapFiles'>,
  size: number = SITEMAP_URLS_PER_FILE,
): SitemapFile[] {
  const timeOf = onceEach(rememberedFor(data.site.url).times, parseTime, REMEMBER_AT_MOST)
  return sitemapSections(data).flatMap(({ name, entries }) =>
    Array.from({ length: Math.ceil(entries.length / size) }, (_, index) => {
      const part = entries.slice(index * size, (index + 1) * size)
      const url = `${SITEMAP_DIR}${name}-${index + 1}.xml`
      return {
        url,
        loc: absoluteUrl(data.site.url, url),
        lastmod: newest(
          part.map((entry) => entry.lastmod),
          timeOf,
        ) as string,
        entries: part,
      }
    }),
  )
}

function parseTime(value: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
}

/** What one sitemap worked out, kept for the next of the same site (a process that builds again). */
interface Remembered {
  site: string
  times: Map<string, number>
  lastmods: Map<string, string>
  hrefs: Map<string, string>
  entries: Map<string, SitemapEntry>
}

let remembered: Remembered | undefined

/** Most values each memo keeps (values of long-gone documents go when it starts again). */
const REMEMBER_AT_MOST = 200_000

function rememberedFor(site: string): Remembered {
  if (remembered?.site !== site)
    remembered = { site, times: new Map(), lastmods: new Map(), hrefs: new Map(), entries: new Map() }
  return remembered
}

function newest(
  values: ReadonlyArray<string | undefined>,
  timeOf: (value: string) => number,
): string | undefined {
  let latest: string | undefined
  let latestTime = Number.NEGATIVE_INFINITY
  for (const value of values) {
    if (!value) continue
    const time = timeOf(value)
    if (time > latestTime) {
      latest = value
      latestTime = time
    }
  }
  return latest
}
