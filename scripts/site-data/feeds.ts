import type { Element, Root, RootContent } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toHtml } from 'hast-util-to-html'
import type { ArticlePage, Decision, ShowPage, SiteData } from './types.ts'
import { absoluteUrl } from './urls.ts'

/*
 * What goes into the feeds: the newest articles (`/feed.xml`, `/feed.json`), every status decision
 * (`/status/feed.xml`) and each show's decisions (`/shows/<slug>/feed.xml`). URLs are absolute and
 * dates RFC 3339, as feed readers need them; site/lib/feeds.ts writes the XML and JSON.
 */

/** Articles in the site feeds. */
export const FEED_SIZE = 50

export interface FeedMeta {
  title: string
  description: string
  language: string
  /** The HTML page the feed mirrors (absolute). */
  homeUrl: string
  /** This feed's own URL (absolute). */
  feedUrl: string
  /** RFC 3339: the newest entry's update, else the build time. */
  updated: string
  author: { name: string; url: string }
}

export interface FeedEntry<Source> {
  /** Permanent, absolute. */
  id: string
  url: string
  title: string
  summary: string
  /** RFC 3339 */
  published: string
  updated: string
  authors: Array<{ name: string; url: string }>
  categories: string[]
  isSample: boolean
  source: Source
}

export interface Feed<Source> {
  meta: FeedMeta
  entries: Array<FeedEntry<Source>>
}

/**
 * The site feed: the newest articles with their full text.
 *
 * @param data site data
 * @param feedPath `/feed.xml` or `/feed.json`
 */
export function articleFeed(data: SiteData, feedPath: string): Feed<ArticlePage> {
  const { site } = data
  const entries = data.latestArticles.slice(0, FEED_SIZE).map((article) => {
    const url = absoluteUrl(site.url, article.url)
    return {
      id: url,
      url,
      title: article.title,
      summary: article.seo.description,
      published: rfc3339(article.publishedAt),
      updated: rfc3339(article.updatedAt),
      authors: article.authors.map((author) => ({
        name: author.text,
        url: absoluteUrl(site.url, author.href),
      })),
      categories: article.tags.map((tag) => tag.text),
      isSample: article.isSample,
      source: article,
    }
  })
  return {
    meta: {
      title: site.title,
      description: site.description,
      language: site.language,
      homeUrl: `${site.url}/`,
      feedUrl: absoluteUrl(site.url, feedPath),
      updated: newest(entries, () => data.builtAt),
      author: { name: site.title, url: `${site.url}/` },
    },
    entries,
  }
}

/**
 * Status decisions as a feed: every show's (`show` omitted) or one show's, newest first.
 *
 * @param data site data
 * @param show one show, or every show
 */
export function statusFeed(data: SiteData, show?: ShowPage): Feed<Decision> {
  const { site } = data
  const decisions = show
    ? show.timeline.map((event) => ({ show, event }))
    : data.decisions.slice(0, FEED_SIZE)
  const entries = decisions.map((decision) => {
    const { event } = decision
    const url = `${absoluteUrl(site.url, decision.show.url)}#${eventAnchor(event.id)}`
    const season = event.forSeason ? ` (season ${event.forSeason})` : ''
    return {
      id: url,
      url,
      title: `${decision.show.title}: ${event.label}${season}, ${event.confidenceLabel.toLowerCase()}`,
      summary: event.summary ?? `${decision.show.title}: ${event.label} (${event.confidenceLabel}).`,
      published: rfc3339(event.announcedAt),
      updated: rfc3339(newestOf(event.updatedAt, event.announcedAt)),
      authors: [{ name: site.title, url: `${site.url}/` }],
      categories: [event.label, event.confidenceLabel],
      isSample: event.isSample || decision.show.isSample,
      source: decision,
    }
  })
  const homePath = show ? show.url : '/status/'
  return {
    meta: {
      title: show ? `${show.title}: renewal status · ${site.title}` : `Renewal decisions · ${site.title}`,
      description: show
        ? `Every renewal, cancellation and premiere announcement for ${show.title}, with sources.`
        : 'Every renewal, cancellation and premiere announcement we track, with sources.',
      language: site.language,
      homeUrl: absoluteUrl(site.url, homePath),
      feedUrl: absoluteUrl(site.url, `${homePath}feed.xml`),
      updated: newest(entries, () => data.builtAt),
      author: { name: site.title, url: `${site.url}/` },
    },
    entries,
  }
}

/** The fragment id of a status event on its show's page. */
export function eventAnchor(eventId: string): string {
  return `event-${eventId}`
}

/**
 * Fragments made absolute lately, by base and HTML: both article feeds carry the same newest
 * articles, and a publisher's build process writes them again on every publish, mostly unchanged.
 * Parsing a body is the feeds' main cost; a few entries more than a feed holds are kept.
 */
const absolutized = new Map<string, string>()
const ABSOLUTIZED_KEPT = FEED_SIZE * 2

/**
 * Makes every link and image URL in an HTML fragment absolute, for feed readers, which show content
 * away from the site. `srcset` candidates are rewritten one by one.
 *
 * @param html sanitized HTML
 * @param base page URL the fragment belongs to
 */
export function absolutizeHtml(html: string, base: string): string {
  const key = `${base}\n${html}`
  let result = absolutized.get(key)
  if (result === undefined) {
    result = absolutizeFragment(html, base)
    if (absolutized.size >= ABSOLUTIZED_KEPT) absolutized.delete(absolutized.keys().next().value as string)
  } else {
    absolutized.delete(key)
  }
  absolutized.set(key, result)
  return result
}

function absolutizeFragment(html: string, base: string): string {
  const tree: Root = fromHtml(html, { fragment: true })
  eachElement(tree.children, (node) => {
    const props = node.properties
    for (const key of ['href', 'src', 'cite', 'poster'] as const) {
      const value = props[key]
      if (typeof value === 'string') props[key] = resolveUrl(value, base)
    }
    const srcset = props.srcSet
    if (typeof srcset === 'string' || Array.isArray(srcset)) {
      props.srcSet = String(Array.isArray(srcset) ? srcset.join(', ') : srcset)
        .split(/,\s+/)
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
          return [resolveUrl(url, base), ...descriptor].join(' ')
        })
        .join(', ')
    }
  })
  return toHtml(tree)
}

/** RFC 3339 timestamp for a date (`YYYY-MM-DD`, taken as midnight UTC) or timestamp. */
export function rfc3339(value: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${JSON.stringify(value)}`)
  return date.toISOString().replace(/\.000Z$/, 'Z')
}

function eachElement(nodes: readonly RootContent[], fn: (node: Element) => void): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    fn(node)
    eachElement(node.children, fn)
    if (node.content) eachElement(node.content.children, fn)
  }
}

/**
 * `url` made absolute against `base`, as feed content needs it; left as it is when it is not a URL.
 *
 * @param url absolute, or relative to `base`
 * @param base absolute URL of the page the link is on
 */
export function resolveUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href
  } catch {
    return url
  }
}

function newestOf(...values: string[]): string {
  return values.reduce((a, b) => (rfc3339(a) >= rfc3339(b) ? a : b))
}

/**
 * The newest entry's update time; `fallback` is only called for an empty feed, so a feed with entries
 * never reads values (like the build time) that change on every build and would defeat page reuse.
 */
function newest(entries: ReadonlyArray<{ updated: string }>, fallback: () => string): string {
  let latest: string | undefined
  for (const entry of entries) if (!latest || entry.updated > latest) latest = entry.updated
  return latest ?? rfc3339(fallback())
}
