import { onceEach } from '../lib/once-each.ts'
import { changedKeys } from '../lib/same-items.ts'
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
  // Each time is listed by several pages (an article's by its own, the home page, its archive page,
  // tag, author), and nearly every one was in the last sitemap too: parsed once per process.
  const known = rememberedFor(data.site.url)
  const timeOf = onceEach(known.times, parseTime, REMEMBER_AT_MOST)
  const lastmod = onceEach(known.lastmods, rfc3339, REMEMBER_AT_MOST)
  // As `absoluteUrl` does, with the site's URL parsed once instead of once per page.
  const base = new URL(`${data.site.url}/`)
  const href = onceEach(known.hrefs, (path) => new URL(path, base).href, REMEMBER_AT_MOST)
  // Times are scanned where they are, not copied into a list per page: 18,000 pages a build at 10k.
  const latest = new Latest(timeOf)
  const entry = (path: string, newest: string | undefined): SitemapEntry => {
    const loc = href(path)
    const time = lastmod(newest ?? data.builtAt)
    // The same object as last time for a page whose time is the same: a build that follows
    // another in the process finds the files' fingerprints unchanged without hashing them again.
    const before = known.entries.get(loc)
    if (before?.lastmod === time) return before
    if (known.entries.size >= REMEMBER_AT_MOST) known.entries.clear()
    const made = { loc, lastmod: time }
    known.entries.set(loc, made)
    return made
  }
  /**
   * The entry of a page whose time follows from its own object alone, by that object: site data
   * objects are never changed, and an unchanged page is the same object build after build.
   */
  const entryOf = (page: { url: string }, newest: () => string | undefined, byPage = known.pages) => {
    const before = byPage.get(page)
    if (before) return before
    const time = newest()
    const made = entry(page.url, time)
    // Without a time of its own, a page is dated by the build.
    if (time !== undefined) byPage.set(page, made)
    return made
  }
  const showUpdated = new Map(data.shows.map((show) => [show.id, show.updatedAt]))
  // A person's page is dated by its shows too: kept by object only while no show's time changed.
  if (changedKeys(known.showTimes, showUpdated).size > 0) known.people = new WeakMap()
  known.showTimes = showUpdated
  const articlesAt = (own: string | undefined, articles: readonly ArticleSummary[]) => {
    latest.start(own)
    for (const article of articles) latest.add(article.updatedAt)
    return latest.value
  }
  const showsAt = (own: string | undefined, shows: readonly ShowSummary[]) => {
    latest.start(own)
    for (const show of shows) latest.add(showUpdated.get(show.id))
    return latest.value
  }
  const home = latest.of(articlesAt(undefined, data.articles), showsAt(undefined, data.shows))
  latest.start(home)
  for (const person of data.people) latest.add(person.updatedAt)
  const search = latest.value

  const pages: SitemapEntry[] = [entry(FIXED_PAGES.home, home), entry(FIXED_PAGES.search, search)]
  for (const page of data.statusPages) {
    latest.start(undefined)
    for (const group of page.groups) for (const show of group.shows) latest.add(showUpdated.get(show.id))
    pages.push(entry(page.url, latest.value))
  }
  for (const page of data.archivePages) pages.push(entryOf(page, () => articlesAt(undefined, page.articles)))
  for (const page of data.authorPages)
    pages.push(entryOf(page, () => articlesAt(page.updatedAt, page.articles)))
  for (const network of data.networks)
    pages.push(entry(network.url, showsAt(network.updatedAt, network.shows)))
  for (const page of data.tagPages) pages.push(entryOf(page, () => articlesAt(undefined, page.articles)))
  // A page of the people index by the people it names (only a page not seen before is dated).
  let personTimes: Map<string, string> | undefined
  for (const page of data.peoplePages)
    pages.push(
      entryOf(page, () => {
        personTimes ??= new Map(data.people.map((person) => [person.url, person.updatedAt]))
        latest.start(undefined)
        for (const person of page.people) latest.add(personTimes.get(person.href))
        return latest.value
      }),
    )

  const articles: SitemapEntry[] = []
  for (let index = data.articles.length - 1; index >= 0; index--) {
    const article = data.articles[index] as ArticleSummary
    articles.push(entryOf(article, () => article.updatedAt))
  }
  const people = data.people.map((person) =>
    entryOf(
      person,
      () => {
        latest.start(person.updatedAt)
        for (const credit of person.credits) latest.add(showUpdated.get(credit.show.id))
        return latest.value
      },
      known.people,
    ),
  )
  return [
    { name: 'pages', entries: pages },
    { name: 'articles', entries: articles },
    { name: 'shows', entries: data.shows.map((show) => entryOf(show, () => show.updatedAt)) },
    { name: 'people', entries: people },
  ]
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
  const known = rememberedFor(data.site.url)
  const latest = new Latest(onceEach(known.times, parseTime, REMEMBER_AT_MOST))
  const files = new Map<string, SitemapFile>()
  const made = sitemapSections(data).flatMap(({ name, entries }) =>
    Array.from({ length: Math.ceil(entries.length / size) }, (_, index) => {
      const start = index * size
      const end = Math.min(entries.length, start + size)
      const url = `${SITEMAP_DIR}${name}-${index + 1}.xml`
      // The last build's file when it lists the very same entries: dated as it was.
      const before = known.files.get(url)
      let file: SitemapFile
      if (before && sameRun(before.entries, entries, start, end)) file = before
      else {
        const part = entries.slice(start, end)
        latest.start(undefined)
        for (const entry of part) latest.add(entry.lastmod)
        file = { url, loc: absoluteUrl(data.site.url, url), lastmod: latest.value as string, entries: part }
      }
      files.set(url, file)
      return file
    }),
  )
  known.files = files
  return made
}

/** Whether `run` holds the very objects of `list` from `start` to `end`. */
function sameRun<T>(run: readonly T[], list: readonly T[], start: number, end: number): boolean {
  if (run.length !== end - start) return false
  for (let index = start; index < end; index++) if (run[index - start] !== list[index]) return false
  return true
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
  /** Entries by page object (see `entryOf`). */
  pages: WeakMap<object, SitemapEntry>
  /** People's entries by object, while `showTimes` stay as they are. */
  people: WeakMap<object, SitemapEntry>
  /** Each show's time (by id) in the last sitemap. */
  showTimes: ReadonlyMap<string, string | undefined>
  /** The last sitemap's files by address. */
  files: Map<string, SitemapFile>
}

let remembered: Remembered | undefined

/** Most values each memo keeps (values of long-gone documents go when it starts again). */
const REMEMBER_AT_MOST = 200_000

function rememberedFor(site: string): Remembered {
  if (remembered?.site !== site)
    remembered = {
      site,
      times: new Map(),
      lastmods: new Map(),
      hrefs: new Map(),
      entries: new Map(),
      pages: new WeakMap(),
      people: new WeakMap(),
      showTimes: new Map(),
      files: new Map(),
    }
  return remembered
}

/** The newest of a run of times (RFC 3339 or `YYYY-MM-DD`), by the instant each stands for. */
class Latest {
  readonly #timeOf: (value: string) => number
  #value: string | undefined
  #time = Number.NEGATIVE_INFINITY

  /** @param timeOf the instant a time stands for */
  constructor(timeOf: (value: string) => number) {
    this.#timeOf = timeOf
  }

  /** Starts a run, with `first` in it when given. */
  start(first: string | undefined): void {
    this.#value = undefined
    this.#time = Number.NEGATIVE_INFINITY
    this.add(first)
  }

  /** Takes `value` into the run; an empty value is left out. */
  add(value: string | undefined): void {
    if (!value) return
    const time = this.#timeOf(value)
    if (time > this.#time) {
      this.#value = value
      this.#time = time
    }
  }

  /** The newest time of the run; undefined when it had none. */
  get value(): string | undefined {
    return this.#value
  }

  /** The newest of `values`, as a run of its own. */
  of(...values: Array<string | undefined>): string | undefined {
    this.start(undefined)
    for (const value of values) this.add(value)
    return this.#value
  }
}
