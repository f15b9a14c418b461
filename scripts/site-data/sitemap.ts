import { onceEach } from '../lib/once-each.ts'
import { rfc3339 } from './feeds.ts'
import type { ArticleSummary, ShowSummary, SiteData } from './types.ts'

/** Site paths of the pages that are not built from documents. */
export const FIXED_PAGES = { home: '/', search: '/search/' } as const

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string
  /** RFC 3339: when the content shown on the page last changed. */
  lastmod: string
}

/**
 * Every HTML page of the site (the 404 page excepted) with the time its content last changed: a
 * document page by its own `updatedAt`, a list by the newest of what it lists.
 *
 * @param data site data
 */
export function sitemapEntries(data: SiteData): SitemapEntry[] {
  const showUpdated = new Map(data.shows.map((show) => [show.id, show.updatedAt]))
  const articleTimes = (articles: readonly ArticleSummary[]) => articles.map((article) => article.updatedAt)
  const showTimes = (shows: readonly ShowSummary[]) => shows.map((show) => showUpdated.get(show.id))
  const everything = [...articleTimes(data.articles), ...data.shows.map((show) => show.updatedAt)]

  const entries: Array<[string, Array<string | undefined>]> = [
    [FIXED_PAGES.home, everything],
    [FIXED_PAGES.search, [...everything, ...data.people.map((person) => person.updatedAt)]],
    ...data.statusPages.map((page): [string, Array<string | undefined>] => [
      page.url,
      showTimes(page.groups.flatMap((group) => group.shows)),
    ]),
    ...data.archivePages.map((page): [string, Array<string | undefined>] => [
      page.url,
      articleTimes(page.articles),
    ]),
    ...data.articles.map((article): [string, Array<string | undefined>] => [
      article.url,
      [article.updatedAt],
    ]),
    ...data.shows.map((show): [string, Array<string | undefined>] => [show.url, [show.updatedAt]]),
    ...data.people.map((person): [string, Array<string | undefined>] => [
      person.url,
      [person.updatedAt, ...person.credits.map((credit) => showUpdated.get(credit.show.id))],
    ]),
    ...data.authors.map((author): [string, Array<string | undefined>] => [
      author.url,
      [author.updatedAt, ...articleTimes(author.articles)],
    ]),
    ...data.networks.map((network): [string, Array<string | undefined>] => [
      network.url,
      [network.updatedAt, ...showTimes(network.shows)],
    ]),
    ...data.tagPages.map((page): [string, Array<string | undefined>] => [
      page.url,
      articleTimes(page.articles),
    ]),
  ]
  // Each time is listed by several pages (an article's by its own, the home page, its archive page,
  // tag, author), and nearly every one was in the last sitemap too: parsed once per process.
  const known = rememberedFor(data.site.url)
  const timeOf = onceEach(
    known.times,
    (value) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value),
    REMEMBER_AT_MOST,
  )
  const lastmod = onceEach(known.lastmods, rfc3339, REMEMBER_AT_MOST)
  // As `absoluteUrl` does, with the site's URL parsed once instead of once per page.
  const base = new URL(`${data.site.url}/`)
  const href = onceEach(known.hrefs, (path) => new URL(path, base).href, REMEMBER_AT_MOST)
  return entries.map(([path, times]) => ({
    loc: href(path),
    lastmod: lastmod(newest(times, timeOf) ?? data.builtAt),
  }))
}

/** What one sitemap worked out, kept for the next of the same site (a process that builds again). */
interface Remembered {
  site: string
  times: Map<string, number>
  lastmods: Map<string, string>
  hrefs: Map<string, string>
}

let remembered: Remembered | undefined

/** Most values each memo keeps (values of long-gone documents go when it starts again). */
const REMEMBER_AT_MOST = 200_000

function rememberedFor(site: string): Remembered {
  if (remembered?.site !== site)
    remembered = { site, times: new Map(), lastmods: new Map(), hrefs: new Map() }
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
